/**
 * The element list's tree as flat arrays: every node in file order (depth first) with its
 * depth, how many descendants it has and its parent. Which rows show is one pass over these
 * arrays that jumps over collapsed subtrees, so a million nodes stay cheap: no node objects, no
 * recursion. Pure (no DOM): unit-tested with node:test.
 */

export class TreeShape {
  /** Descendant count of every node: its subtree is [i + 1, i + 1 + sizes[i]). */
  readonly sizes: Uint32Array;
  /** Parent index of every node, -1 for roots. */
  readonly parents: Int32Array;

  constructor(readonly depths: Uint16Array) {
    this.sizes = new Uint32Array(depths.length);
    this.parents = new Int32Array(depths.length);
    // One pass with the chain of open ancestors: a node closes when one no deeper than it comes.
    const open: number[] = [];
    for (let i = 0; i <= depths.length; i++) {
      const depth = i < depths.length ? depths[i] : -1;
      while (open.length > 0 && depths[open[open.length - 1]] >= depth) {
        const start = open.pop()!;
        this.sizes[start] = i - start - 1;
      }
      if (i === depths.length) break;
      this.parents[i] = open.length > 0 ? open[open.length - 1] : -1;
      open.push(i);
    }
  }

  get length(): number {
    return this.depths.length;
  }

  hasChildren(index: number): boolean {
    return this.sizes[index] > 0;
  }

  /** Ancestors of a node, nearest first. */
  ancestors(index: number): number[] {
    const chain: number[] = [];
    for (let parent = this.parents[index]; parent >= 0; parent = this.parents[parent]) chain.push(parent);
    return chain;
  }

  /** True when `index` lies in the subtree of `root` (or is it). */
  contains(root: number, index: number): boolean {
    return index >= root && index <= root + this.sizes[root];
  }
}

/**
 * The rows on screen, in order: nodes whose ancestors are all expanded and, under a filter,
 * that the filter shows. The result is ascending, so a node's row is found by binary search.
 */
export function visibleRows(shape: TreeShape, expanded: Uint8Array, shown: Uint8Array | null): Uint32Array {
  const rows = new Uint32Array(shape.length);
  let count = 0;
  for (let i = 0; i < shape.length; ) {
    // A node the filter hides has nothing shown below it (the parents of what shows show too).
    if (shown && !shown[i]) {
      i += shape.sizes[i] + 1;
      continue;
    }
    rows[count++] = i;
    i += expanded[i] ? 1 : shape.sizes[i] + 1;
  }
  return rows.subarray(0, count);
}

/** The row of node `index` in `rows`, or -1 when it is not shown. */
export function rowOf(rows: Uint32Array, index: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (rows[middle] === index) return middle;
    if (rows[middle] < index) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

export interface FilterMask {
  /** 1 for every node the filter shows: the matches, everything inside them and their ancestors. */
  readonly shown: Uint8Array;
  /** The ancestors of matches, to expand so every match is on screen. */
  readonly parents: Uint32Array;
}

/**
 * What a filter shows, as the DICOM Tags view filters: a match keeps its whole subtree (a
 * matching sequence brings its items) and the nodes enclosing it, so a match never shows
 * without its context. `matches` is ascending.
 */
export function filterMask(shape: TreeShape, matches: ArrayLike<number>): FilterMask {
  const shown = new Uint8Array(shape.length);
  const opened = new Uint8Array(shape.length);
  const parents: number[] = [];
  let coveredUntil = -1;
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m];
    if (match >= shape.length || match <= coveredUntil) continue; // inside a match already shown
    coveredUntil = match + shape.sizes[match];
    shown.fill(1, match, coveredUntil + 1);
    for (let parent = shape.parents[match]; parent >= 0 && !opened[parent]; parent = shape.parents[parent]) {
      opened[parent] = 1;
      shown[parent] = 1;
      parents.push(parent);
    }
  }
  return { shown, parents: Uint32Array.from(parents) };
}
