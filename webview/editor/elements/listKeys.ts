/**
 * What a key does in the element list, as in VS Code's trees: arrows move, Left collapses or
 * goes to the parent, Right expands or goes to the first child, Home/End and PageUp/PageDown
 * jump, Enter reveals the row's bytes. Pure (no DOM): unit-tested with node:test.
 */
import { rowOf, type TreeShape } from './treeShape';

export type KeyAction =
  | { readonly kind: 'move'; readonly row: number }
  | { readonly kind: 'expand'; readonly index: number }
  | { readonly kind: 'collapse'; readonly index: number }
  | { readonly kind: 'reveal'; readonly index: number }
  | { readonly kind: 'none' };

export interface KeyContext {
  readonly shape: TreeShape;
  readonly expanded: Uint8Array;
  /** The shown rows (node indices, ascending). */
  readonly rows: Uint32Array;
  /** The focused node, or -1. */
  readonly focus: number;
  /** Rows a page holds. */
  readonly pageRows: number;
}

const NONE: KeyAction = { kind: 'none' };

function clampRow(row: number, context: KeyContext): KeyAction {
  return context.rows.length === 0 ? NONE : { kind: 'move', row: Math.min(Math.max(row, 0), context.rows.length - 1) };
}

export function keyAction(key: string, context: KeyContext): KeyAction {
  const { shape, expanded, rows, focus } = context;
  const row = focus >= 0 ? rowOf(rows, focus) : -1;
  switch (key) {
    case 'ArrowDown':
      return clampRow(row + 1, context);
    case 'ArrowUp':
      return clampRow(row < 0 ? 0 : row - 1, context);
    case 'Home':
      return clampRow(0, context);
    case 'End':
      return clampRow(rows.length - 1, context);
    case 'PageDown':
      return clampRow(Math.max(row, 0) + context.pageRows, context);
    case 'PageUp':
      return clampRow(row - context.pageRows, context);
    case 'ArrowRight':
      if (row < 0 || !shape.hasChildren(focus)) return NONE;
      if (!expanded[focus]) return { kind: 'expand', index: focus };
      return rows[row + 1] !== undefined && shape.parents[rows[row + 1]] === focus ? { kind: 'move', row: row + 1 } : NONE;
    case 'ArrowLeft': {
      if (row < 0) return NONE;
      if (shape.hasChildren(focus) && expanded[focus]) return { kind: 'collapse', index: focus };
      const parent = shape.parents[focus];
      return parent >= 0 ? clampRow(rowOf(rows, parent), context) : NONE;
    }
    case 'Enter':
      return row < 0 ? NONE : { kind: 'reveal', index: focus };
    default:
      return NONE;
  }
}
