/**
 * Long child lists of the tag tree shown in ranges: a node with more than RANGE_SIZE children
 * shows range nodes ("(0009,1000) … (0009,13E7) (1,000)"), each opening on its slice, nested
 * when even the ranges are too many (a million fragments: 1,000 ranges of 1,000). VS Code's tree
 * builds an item for every child it is given, so a data set of two million elements or a frame
 * of a million fragments would otherwise hang the window when opened. Pure (no `vscode`).
 *
 * Children of a range keep the ids they have without ranges (their parent pointer is the range),
 * so a path, a filter match or a reveal names the same node either way. Only the nodes of the
 * slice opened are built; which children a filter or the private-tag setting keeps is remembered
 * as positions (4 bytes a child), not as nodes.
 */
import type { DicomFile } from '../../core/model';
import { childList, isShownChild, type ChildList, type TagNode, type TagTreeOptions } from './tagNodes';
import { shortNodeName } from './nodeText';

export const RANGE_SIZE = 1000;

/** Which of a node's shown children stay (a filter); must return a subset of `children`, in order. */
export type ChildSelection = (parent: TagNode, children: readonly TagNode[]) => readonly TagNode[];

/** The positions kept in each long list, per file, by owner id, options and selection. */
const keptPositions = new WeakMap<DicomFile, Map<string, { readonly keep: ChildSelection | undefined; readonly positions: Int32Array }>>();

/** The node whose children a range slices: its nearest ancestor that is not a range. */
export function rangeOwner(node: TagNode): TagNode {
  let owner = node;
  while (owner.kind === 'range' && owner.parent) owner = owner.parent;
  return owner;
}

/** A node's shown children as positions in its child list; null when every child is shown. */
function shownPositions(owner: TagNode, list: ChildList, file: DicomFile, options: TagTreeOptions, keep: ChildSelection | undefined): Int32Array | null {
  if (options.showPrivateTags && !keep) return null;
  const key = `${owner.id}|${options.showPrivateTags}`;
  let byOwner = keptPositions.get(file);
  const cached = byOwner?.get(key);
  if (cached && cached.keep === keep) return cached.positions;
  const candidates: TagNode[] = [];
  const positionOf = new Map<TagNode, number>();
  for (let position = 0; position < list.length; position++) {
    const child = list.at(position);
    if (!isShownChild(child, options)) continue;
    candidates.push(child);
    positionOf.set(child, position);
  }
  const kept = keep ? keep(owner, candidates) : candidates;
  const positions = Int32Array.from(kept, (child) => positionOf.get(child) ?? -1);
  if (list.length > RANGE_SIZE) {
    if (!byOwner) keptPositions.set(file, (byOwner = new Map()));
    byOwner.set(key, { keep, positions });
  }
  return positions;
}

/** What a node shows when opened: its children, or ranges of them when there are too many. */
export function shownChildren(node: TagNode, file: DicomFile, options: TagTreeOptions, keep?: ChildSelection): TagNode[] {
  const owner = rangeOwner(node);
  const list = childList(owner, file);
  const positions = shownPositions(owner, list, file, options, keep);
  const count = positions ? positions.length : list.length;
  const child = (index: number) => list.at(positions ? positions[index] : index);
  const start = node.kind === 'range' ? node.rangeStart ?? 0 : 0;
  const end = node.kind === 'range' ? Math.min(node.rangeEnd ?? count, count) : count;
  if (end - start <= RANGE_SIZE) {
    const children: TagNode[] = [];
    for (let index = start; index < end; index++) {
      const made = child(index);
      children.push(node.kind === 'range' ? { ...made, parent: node } : made);
    }
    return children;
  }
  // The smallest power of RANGE_SIZE that leaves at most RANGE_SIZE ranges.
  let span = RANGE_SIZE;
  while ((end - start) / span > RANGE_SIZE) span *= RANGE_SIZE;
  const ranges: TagNode[] = [];
  for (let first = start; first < end; first += span) {
    const last = Math.min(first + span, end);
    const [head, tail] = [child(first), child(last - 1)];
    ranges.push({
      id: `${owner.id}/r${first}-${last}`, kind: 'range', parent: node,
      offset: head.offset, end: tail.end, index: first, rangeStart: first, rangeEnd: last,
      rangeLabel: `${shortNodeName(head)} … ${shortNodeName(tail)} (${(last - first).toLocaleString('en-US')})`,
    });
  }
  return ranges;
}
