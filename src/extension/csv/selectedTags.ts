/**
 * "Export Selected Tags to CSV": the tag tree's selected elements of the current file, in the
 * long form (one row per element, sequences with their contents). No file is re-read: the
 * rows come from the nodes the tree already holds.
 */
import type { ElementPathStep } from '../../core/query/path';
import type { DicomElement } from '../../core/model';

/** The shape of a tag tree node this export needs (see src/extension/tree/tagNodes.ts). */
export interface TreeNodeLike {
  readonly id: string;
  readonly kind: string;
  readonly parent: TreeNodeLike | null;
  readonly element?: DicomElement;
  readonly index: number;
}

export function isTreeNodeLike(value: unknown): value is TreeNodeLike {
  return typeof value === 'object' && value !== null && typeof (value as TreeNodeLike).id === 'string' && typeof (value as TreeNodeLike).kind === 'string';
}

/** Steps from the top level down to an element node: each element on the way, and the item it leads into. */
export function stepsToNode(node: TreeNodeLike): ElementPathStep[] | null {
  if (node.kind !== 'element' || !node.element) return null;
  const steps: ElementPathStep[] = [];
  let itemIndex: number | undefined;
  for (let current: TreeNodeLike | null = node; current; current = current.parent) {
    if (current.kind === 'item') itemIndex = current.index;
    else if (current.kind === 'element' && current.element) {
      steps.unshift(itemIndex === undefined ? { element: current.element } : { element: current.element, itemIndex });
      itemIndex = undefined;
    }
  }
  return steps;
}

/**
 * The element paths for a selection, in the order given, leaving out elements whose ancestor
 * element is also selected (the ancestor's rows already include them) and nodes that are not
 * elements (items, fragments, the preamble).
 */
export function selectionPaths(nodes: readonly TreeNodeLike[]): ElementPathStep[][] {
  const ids = new Set(nodes.filter((n) => n.kind === 'element').map((n) => n.id));
  const kept = nodes.filter((node) => {
    for (let p = node.parent; p; p = p.parent) if (ids.has(p.id)) return false;
    return true;
  });
  return kept.map(stepsToNode).filter((steps): steps is ElementPathStep[] => steps !== null);
}
