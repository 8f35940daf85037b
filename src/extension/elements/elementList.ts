/**
 * The element list's model on the host: every node of the DICOM Tags tree, flattened depth
 * first in file order, with its depth (the shape the page lays out), the text
 * of any row on demand, the rows matching a filter and the index of a node id. Built once per
 * parse and options, and only walked by loops (deeply nested sequences must not overflow the
 * stack). Pure (no `vscode`): unit-tested with node:test.
 */
import type { DicomFile } from '../../core/model';
import type { ElementRow } from '../../shared/elementsProtocol';
import { childList, isShownChild, nodeById, rootNodes, type ChildList, type TagNode, type TagTreeOptions } from '../tree/tagNodes';
import { nodeMatches } from '../tree/treeFilter';
import { elementRowText } from './rowText';

/** Depth is sent as 16 bits; the parser stops far below this nesting. */
const MAX_DEPTH = 0xffff;

let lastListId = 0;

/** Nodes built for rows lately, so walking rows in order rebuilds each parent once. */
const RECENT_NODES = 256;

/**
 * Rows are kept as numbers, not nodes: each row's parent row and its position in the parent's
 * child list, with its offset and depth (18 bytes a row). A node is built again when a row is
 * read; a file of two million elements would otherwise keep two million node objects and their
 * id strings (about 200 bytes a row) beside the model for as long as it is open.
 */
export class ElementList {
  /** Tells lists apart across re-parses, so a late reply for an old list is ignored. */
  readonly id = ++lastListId;
  readonly depths: Uint16Array;
  private readonly parents: Int32Array;
  private readonly positions: Int32Array;
  private readonly offsets: Float64Array;
  private readonly roots: readonly TagNode[];
  private readonly recent = new Map<number, TagNode>();

  constructor(private readonly file: DicomFile, readonly options: TagTreeOptions & { readonly maxValueLength: number }) {
    const parents: number[] = [];
    const positions: number[] = [];
    const offsets: number[] = [];
    const depths: number[] = [];
    this.roots = rootNodes(file);
    // Depth first with one frame a level (a data set of millions of elements is not put on a
    // stack of nodes): each child is built once, when it is visited.
    const frames: Array<{ list: ChildList; next: number; row: number; depth: number }> = [];
    const visit = (node: TagNode, parent: number, position: number, depth: number) => {
      frames.push({ list: childList(node, file), next: 0, row: parents.length, depth });
      parents.push(parent);
      positions.push(position);
      offsets.push(node.offset);
      depths.push(Math.min(depth, MAX_DEPTH));
    };
    this.roots.forEach((root, position) => {
      visit(root, -1, position, 0);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1];
        if (frame.next >= frame.list.length) {
          frames.pop();
          continue;
        }
        const position = frame.next++;
        const child = frame.list.at(position);
        if (isShownChild(child, options)) visit(child, frame.row, position, frame.depth + 1);
      }
    });
    this.parents = Int32Array.from(parents);
    this.positions = Int32Array.from(positions);
    this.offsets = Float64Array.from(offsets);
    this.depths = Uint16Array.from(depths);
  }

  get length(): number {
    return this.depths.length;
  }

  /** The tree node of row `index` (built again, with its parents, when it is not among the recent ones). */
  node(index: number): TagNode {
    const known = this.recent.get(index);
    if (known) return known;
    const parent = this.parents[index];
    const node = parent < 0 ? this.roots[this.positions[index]] : childList(this.node(parent), this.file).at(this.positions[index]);
    if (this.recent.size >= RECENT_NODES) this.recent.delete(this.recent.keys().next().value as number);
    this.recent.set(index, node);
    return node;
  }

  /** Every row's node, in order. */
  *nodes(): Generator<TagNode, void, undefined> {
    for (let index = 0; index < this.length; index++) yield this.node(index);
  }

  row(index: number): ElementRow {
    return elementRowText(this.node(index), this.file, this.options.maxValueLength);
  }

  /** Indices (ascending) of the nodes that match `query` themselves; see treeFilter's nodeMatches. */
  matches(query: string): Uint32Array {
    const found: number[] = [];
    if (query.trim().length > 0) for (let index = 0; index < this.length; index++) if (nodeMatches(this.node(index), query)) found.push(index);
    return Uint32Array.from(found);
  }

  /** The index of `id`, else of its nearest listed ancestor (a private element hidden by the settings), else -1. */
  indexOf(id: string): number {
    for (let candidate = id; candidate.length > 0; candidate = candidate.includes('/') ? candidate.slice(0, candidate.lastIndexOf('/')) : '') {
      const index = this.rowOf(candidate);
      if (index >= 0) return index;
    }
    return -1;
  }

  /**
   * The row of the node with `id`: rows are in file order, so the rows at the node's offset are
   * found by binary search, then told apart by depth (one id step a level) and id.
   */
  private rowOf(id: string): number {
    const target = nodeById(id, this.file);
    if (!target) return -1;
    const depth = id.split('/').length - 1;
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.offsets[middle] < target.offset) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < this.length && this.offsets[index] === target.offset; index++) {
      if (this.depths[index] === depth && this.node(index).id === id) return index;
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
