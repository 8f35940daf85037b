/**
 * Which columns an export has: the union of top-level attributes across files (ordered by
 * tag), a chosen list of selectors, or the long form (one row per element).
 */
import type { DicomElement } from '../model';
import type { AttributeSelector } from '../query/selector';
import { privateHeading, tagText } from '../format/presentation';
import { stepFor } from '../query/path';
import { formatSelector } from '../query/selector';
import { elementCell } from './cells';

export interface UnionColumn {
  /** Eight upper-case hex digits. */
  readonly tag: string;
  /** Keyword where it names one tag, else `(gggg,eeee)`: selector text. */
  readonly header: string;
  /** What the CSV header row shows: `header`, or for a private element its tag, creator and name. */
  readonly heading: string;
}

export type ColumnPlan =
  | { readonly kind: 'union'; readonly columns: readonly UnionColumn[] }
  | { readonly kind: 'selected'; readonly selectors: readonly AttributeSelector[] }
  | { readonly kind: 'long' };

/** What a census knows about one tag: enough to offer it in a picker. */
export interface TagSummary {
  readonly tag: string;
  readonly header: string;
  readonly heading: string;
  readonly keyword: string | null;
  readonly name: string | null;
  readonly vr: string;
  /** Number of files that have it at top level. */
  files: number;
  /** The first non-empty value seen, cut to a preview length. */
  example: string;
}

const EXAMPLE_LENGTH = 64;

/**
 * Collects the distinct top-level tags of many files. Memory grows with the number of distinct
 * tags, never with the number of files, which is what lets the union export stream.
 */
export class TagCensus {
  private readonly byTag = new Map<string, TagSummary>();
  /** Summaries in order of first sight; a tag's id is its index here. */
  private readonly byId: TagSummary[] = [];
  private readonly idOf = new Map<string, number>();
  private fileCount = 0;

  /** Counts one file's top-level elements; returns the id of each element's tag. */
  add(elements: readonly DicomElement[]): Int32Array {
    this.fileCount++;
    const ids = new Int32Array(elements.length);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      let summary = this.byTag.get(element.tag);
      if (summary === undefined) {
        const header = formatSelector([stepFor(element, null)]);
        summary = {
          tag: element.tag,
          header,
          heading: privateHeading(element) ?? header,
          keyword: element.keyword,
          name: element.name,
          vr: element.vr,
          files: 0,
          example: '',
        };
        this.byTag.set(element.tag, summary);
        this.idOf.set(element.tag, this.byId.length);
        this.byId.push(summary);
      }
      ids[i] = this.idOf.get(element.tag)!;
      summary.files++;
      if (summary.example === '') {
        const cell = elementCell(element);
        summary.example = cell.length > EXAMPLE_LENGTH ? cell.slice(0, EXAMPLE_LENGTH - 1) + '…' : cell;
      }
    }
    return ids;
  }

  /** For each tag id, its column index in `columns()` (tag order). */
  columnIndexById(): Int32Array {
    const sorted = this.summaries();
    const index = new Map(sorted.map((s, i) => [s.tag, i]));
    return Int32Array.from(this.byId, (s) => index.get(s.tag)!);
  }

  get files(): number {
    return this.fileCount;
  }

  /** Every tag seen, ordered by tag (group, then element). */
  summaries(): TagSummary[] {
    // Fixed-width upper-case hex sorts lexicographically in numeric order.
    return [...this.byTag.values()].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  }

  columns(): UnionColumn[] {
    return this.summaries().map(({ tag, header, heading }) => ({ tag, header, heading }));
  }
}

/** Column header for a tag with no element at hand. */
export function tagHeader(tag: string): string {
  return tagText(tag);
}
