/**
 * The element list's model on the host: every node of the DICOM Tags tree, flattened depth
 * first in file order, with its depth (the shape the page lays out), the text
 * of any row on demand, the rows matching a filter and the index of a node id. Built once per
 * parse and options, and only walked by loops (deeply nested sequences must not overflow the
 * stack). Pure (no `vscode`): unit-tested with node:test.
 */
import type { DicomFile } from '../../core/model';
import type { ElementRow } from '../../shared/elementsProtocol';
import { childNodes, rootNodes, type TagNode, type TagTreeOptions } from '../tree/tagNodes';
import { nodeMatches } from '../tree/treeFilter';
import { elementRowText } from './rowText';

/** Depth is sent as 16 bits; the parser stops far below this nesting. */
const MAX_DEPTH = 0xffff;

let lastListId = 0;

export class ElementList {
  /** Tells lists apart across re-parses, so a late reply for an old list is ignored. */
  readonly id = ++lastListId;
  readonly nodes: readonly TagNode[];
  readonly depths: Uint16Array;
  private byId: Map<string, number> | undefined;

  constructor(private readonly file: DicomFile, readonly options: TagTreeOptions & { readonly maxValueLength: number }) {
    const nodes: TagNode[] = [];
    const depths: number[] = [];
    const stack: Array<{ node: TagNode; depth: number }> = rootNodes(file).reverse().map((node) => ({ node, depth: 0 }));
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      nodes.push(node);
      depths.push(Math.min(depth, MAX_DEPTH));
      const children = childNodes(node, file, options);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
    }
    this.nodes = nodes;
    this.depths = Uint16Array.from(depths);
  }

  get length(): number {
    return this.nodes.length;
  }

  row(index: number): ElementRow {
    return elementRowText(this.nodes[index], this.file, this.options.maxValueLength);
  }

  /** Indices (ascending) of the nodes that match `query` themselves; see treeFilter's nodeMatches. */
  matches(query: string): Uint32Array {
    const found: number[] = [];
    if (query.trim().length > 0) this.nodes.forEach((node, index) => nodeMatches(node, query) && found.push(index));
    return Uint32Array.from(found);
  }

  /** The index of `id`, else of its nearest listed ancestor (a private element hidden by the settings), else -1. */
  indexOf(id: string): number {
    this.byId ??= new Map(this.nodes.map((node, index) => [node.id, index]));
    for (let candidate = id; candidate.length > 0; candidate = candidate.includes('/') ? candidate.slice(0, candidate.lastIndexOf('/')) : '') {
      const index = this.byId.get(candidate);
      if (index !== undefined) return index;
    }
    return -1;
  }
}

const cache = new WeakMap<DicomFile, ElementList>();

/** The list of a parse for these options, built once and kept while the parse lives. */
export function elementListOf(file: DicomFile, options: TagTreeOptions & { readonly maxValueLength: number }): ElementList {
  const cached = cache.get(file);
  if (cached && cached.options.showPrivateTags === options.showPrivateTags && cached.options.maxValueLength === options.maxValueLength) return cached;
  const list = new ElementList(file, { showPrivateTags: options.showPrivateTags, maxValueLength: options.maxValueLength });
  cache.set(file, list);
  return list;
}
