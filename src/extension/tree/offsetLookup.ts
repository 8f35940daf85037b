/**
 * "Go to Offset": find the deepest tree node containing a byte (what the user typed is read by
 * the core's parseOffset, as `dicom-inspector locate` reads it). Pure (no `vscode`).
 */
import type { DicomFile } from '../../core/model';
import { nodeById, rootNodes, type TagNode, type TagTreeOptions } from './tagNodes';
import { shownChildren } from './childRanges';

/** The last node whose offset is <= target, if it also contains the target. Nodes are in file order. */
function containingNode(nodes: readonly TagNode[], target: number): TagNode | undefined {
  let low = 0;
  let high = nodes.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (nodes[middle].offset <= target) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (candidate < 0) return undefined;
  const node = nodes[candidate];
  return target < node.end ? node : undefined;
}

/**
 * The chain of nodes from a root to the deepest visible node that contains `offset`
 * (empty when no node does). Only the nodes on the way down are built, so this stays fast
 * on headers with thousands of elements.
 */
export function nodesAtOffset(file: DicomFile, offset: number, options: TagTreeOptions): TagNode[] {
  const chain: TagNode[] = [];
  let node = containingNode(rootNodes(file), offset);
  while (node) {
    chain.push(node);
    node = containingNode(shownChildren(node, file, options), offset);
  }
  return chain;
}

export function deepestNodeAtOffset(file: DicomFile, offset: number, options: TagTreeOptions): TagNode | undefined {
  const chain = nodesAtOffset(file, offset, options);
  return chain[chain.length - 1];
}

/**
 * The node with `id` as the tree shows it: reached through the ranges of long child lists, so
 * the tree can reveal it (an element inside "(0009,1000) … (0009,13E7)" has that range as its
 * parent). Found by its offset: only the nodes on the way down are built.
 */
export function shownNodeById(id: string, file: DicomFile, options: TagTreeOptions): TagNode | undefined {
  const target = nodeById(id, file);
  if (!target) return undefined;
  return nodesAtOffset(file, target.offset, options).find((node) => node.id === id) ?? target;
}
