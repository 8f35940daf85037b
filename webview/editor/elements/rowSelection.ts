/**
 * The element list's selection, as lists in VS Code select: a click selects one row, Ctrl/Cmd
 * adds or removes one, Shift selects the shown rows from the anchor to the clicked one (added
 * to the rest with Ctrl/Cmd too). Rows are node indices; the shown rows are ascending, so a
 * range is a slice. Pure (no DOM): unit-tested with node:test.
 */
import { rowOf } from './treeShape';

export interface ClickModifiers {
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly toggle: boolean;
  readonly range: boolean;
}

export class RowSelection {
  private readonly chosen = new Set<number>();
  /** Where a Shift range starts: the last row chosen without Shift. */
  private anchor = -1;
  /** The row the keyboard moves from and whose bytes show. */
  focus = -1;

  has(index: number): boolean {
    return this.chosen.has(index);
  }

  get size(): number {
    return this.chosen.size;
  }

  /** The chosen node indices, ascending (file order). */
  indices(): number[] {
    return [...this.chosen].sort((a, b) => a - b);
  }

  clear(): void {
    this.chosen.clear();
    this.anchor = -1;
    this.focus = -1;
  }

  /** Selects one row alone. */
  only(index: number): void {
    this.chosen.clear();
    this.chosen.add(index);
    this.anchor = index;
    this.focus = index;
  }

  click(index: number, modifiers: ClickModifiers, rows: Uint32Array): void {
    if (modifiers.range && this.anchor >= 0) {
      const from = rowOf(rows, this.anchor);
      const to = rowOf(rows, index);
      if (from >= 0 && to >= 0) {
        if (!modifiers.toggle) this.chosen.clear();
        for (let row = Math.min(from, to); row <= Math.max(from, to); row++) this.chosen.add(rows[row]);
        this.focus = index;
        return;
      }
    }
    if (modifiers.toggle) {
      if (this.chosen.has(index)) this.chosen.delete(index);
      else this.chosen.add(index);
      this.anchor = index;
      this.focus = index;
      return;
    }
    this.only(index);
  }

  /** Keeps only the rows still shown (after a collapse or a filter), moving the focus to a shown row. */
  keepShown(rows: Uint32Array, fallback: number): void {
    for (const index of [...this.chosen]) if (rowOf(rows, index) < 0) this.chosen.delete(index);
    if (this.focus >= 0 && rowOf(rows, this.focus) < 0) {
      this.focus = fallback;
      if (fallback >= 0 && this.chosen.size === 0) this.only(fallback);
    }
  }
}
