/**
 * "Go to Offset": parse what the user typed and find the deepest node containing a byte.
 * Pure (no `vscode`).
 */
import type { DicomFile } from '../../core/model';
import { childNodes, rootNodes, type TagNode, type TagTreeOptions } from './tagNodes';

/**
 * Accepts `0x1A4`, `1A4h`, `#1A4` (hex) or `420` (decimal), with optional spaces and `_` or `,`
 * digit separators. Returns null for anything else, including negative or unsafe numbers.
 */
export function parseOffset(text: string): number | null {
  const cleaned = text.trim().replace(/[\s_,]/g, '');
  let digits: string;
  let radix: number;
  if (/^0x[0-9a-f]+$/i.test(cleaned)) {
    digits = cleaned.slice(2);
    radix = 16;
  } else if (/^#[0-9a-f]+$/i.test(cleaned)) {
    digits = cleaned.slice(1);
    radix = 16;
  } else if (/^[0-9a-f]+h$/i.test(cleaned)) {
    digits = cleaned.slice(0, -1);
    radix = 16;
  } else if (/^[0-9]+$/.test(cleaned)) {
    digits = cleaned;
    radix = 10;
  } else {
    return null;
  }
  const value = parseInt(digits, radix);
  return Number.isSafeInteger(value) ? value : null;
}

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
