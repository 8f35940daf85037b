/**
 * "Go to Offset": find the deepest tree node containing a byte (what the user typed is read by
 * the core's parseOffset, as `dicom-inspector locate` reads it). Pure (no `vscode`).
 */
import type { DicomFile } from '../../core/model';
import { childNodes, rootNodes, type TagNode, type TagTreeOptions } from './tagNodes';

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
    node = containingNode(childNodes(node, file, options), offset);
  }
  return chain;
}

export function deepestNodeAtOffset(file: DicomFile, offset: number, options: TagTreeOptions): TagNode | undefined {
  const chain = nodesAtOffset(file, offset, options);
  return chain[chain.length - 1];
}
