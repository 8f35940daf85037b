/**
 * Filtering the tag tree by tag, keyword, name or value while keeping the parents of matching
 * nodes visible. Pure (no `vscode`).
 *
 * A matching node keeps its whole subtree (filtering "ReferencedSeriesSequence" shows the
 * sequence with its items), and a node that does not match stays only as a parent of a match.
 */
import type { DicomFile } from '../../core/model';
import { childNodes, rootNodes, type TagNode, type TagTreeOptions } from './tagNodes';
import { keywordText, rawValueText, tagText } from '../../core/format/presentation';

export interface TreeFilter {
  readonly query: string;
  /** Ids of nodes that match the query themselves. */
  readonly matches: ReadonlySet<string>;
  /** Ids of nodes shown: matches and their ancestors. */
  readonly visible: ReadonlySet<string>;
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}

/** "(0008,0016)", "0008,0016", "00080016" and "0008 0016" all name the same tag. */
function tagDigits(text: string): string {
  return text.replace(/[(),\s]/g, '').toLowerCase();
}

export function nodeMatches(node: TagNode, query: string): boolean {
  const needle = normalize(query);
  if (needle.length === 0) return false;
  // Elements of a Siemens CSA header match by name ("EchoLinePosition") or value.
  if (node.csa) return node.csa.name.toLowerCase().includes(needle) || node.csa.values.some((value) => value.toLowerCase().includes(needle));
  const element = node.element;
  if (!element) return false;
  const digits = tagDigits(needle);
  if (/^[0-9a-f]{4,8}$/.test(digits) && element.tag.toLowerCase().startsWith(digits)) return true;
  if (tagText(element).toLowerCase().includes(needle)) return true;
  if (keywordText(element).toLowerCase().includes(needle)) return true;
  if (element.name && element.name.toLowerCase().includes(needle)) return true;
  if (element.uidName && element.uidName.toLowerCase().includes(needle)) return true;
  return rawValueText(element).toLowerCase().includes(needle);
}

/** Walks the whole model once; the result answers "is this node shown?" for every node. */
export function buildFilter(file: DicomFile, query: string, options: TagTreeOptions): TreeFilter {
  const matches = new Set<string>();
  const visible = new Set<string>();
  // Iterative walk: deeply nested sequences must not overflow the stack.
  const stack: Array<{ node: TagNode; ancestors: TagNode[] }> = rootNodes(file).map((node) => ({ node, ancestors: [] }));
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    if (nodeMatches(node, query)) {
      matches.add(node.id);
      visible.add(node.id);
      for (const ancestor of ancestors) visible.add(ancestor.id);
      continue;
    }
    const path = [...ancestors, node];
    for (const child of childNodes(node, file, options)) stack.push({ node: child, ancestors: path });
  }
  return { query, matches, visible };
}

function insideMatch(node: TagNode, filter: TreeFilter): boolean {
  for (let current: TagNode | null = node; current; current = current.parent) {
    if (filter.matches.has(current.id)) return true;
  }
  return false;
}

/** The children a node shows under a filter (all of them below a match). */
export function filterChildren(parent: TagNode | null, children: readonly TagNode[], filter: TreeFilter): TagNode[] {
  if (parent && insideMatch(parent, filter)) return [...children];
  return children.filter((child) => filter.visible.has(child.id));
}
