/**
 * Which columns an export has: the union of top-level attributes across files (ordered by
 * tag), a chosen list of selectors, or the long form (one row per element).
 */
import type { DicomElement } from '../model';
import type { AttributeSelector } from '../query/selector';
import { privateHeading, tagText } from '../format/presentation';
import { stepFor } from '../query/path';
import { formatSelector, tagHex } from '../query/selector';
import { elementCell } from './cells';
import { GrowableInt32Array } from './growableInt32';
import { TagIdTable } from './tagIdTable';

/**
 * The union columns, ordered by tag. A file can have millions of distinct tags (one column
 * each), so columns are numbers into the census rather than an object (and three strings) each:
 * headings are made as the header row is written.
 */
export interface UnionColumns {
  readonly count: number;
  /** The heading of column `index` (0 = the first attribute, after File). */
  heading(index: number): string;
  /** The column of an element's tag, or -1 when the census never saw it. */
  columnOf(element: DicomElement): number;
}

export type ColumnPlan =
  | { readonly kind: 'union'; readonly columns: UnionColumns }
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
 * How the first element seen with a tag names it. Tags with the same naming share one object
 * (every element of one private block has the same creator, VR and, mostly, no name), so a
 * census of two million private tags holds a handful of these.
 */
interface Naming {
  readonly keyword: string | null;
  /** The keyword when it names one tag (selector text), else null: the header is then `(gggg,eeee)`. */
  readonly headerKeyword: string | null;
  readonly name: string | null;
  readonly vr: string;
  readonly privateCreator: string | undefined;
}

/** The tag of an element as a 32-bit integer (a small integer to V8, unlike the unsigned tag). */
function tagKey(element: DicomElement): number {
  return ((element.group << 16) | element.element) | 0;
}

/**
 * Collects the distinct top-level tags of many files. Memory grows with the number of distinct
 * tags, never with the number of files, which is what lets the union export stream; per tag it
 * is a map entry and a few numbers, as one file may hold millions of distinct private tags.
 */
export class TagCensus {
  /** Tag key → id; a tag's id is the order in which it was first seen. */
  private readonly idOf = new TagIdTable();
  private readonly tags = new GrowableInt32Array();
  private readonly fileCounts = new GrowableInt32Array();
  private readonly namings: Naming[] = [];
  private readonly namingByKey = new Map<string, Naming>();
  /** Example values by id, for the tags that had a non-empty one. */
  private readonly examples = new Map<number, string>();
  private fileCount = 0;
  /** The column order, made when first asked for after the last `add`. */
  private order: { readonly byColumn: Int32Array; readonly columnOfId: Int32Array } | null = null;

  /** Counts one file's top-level elements; returns the id of each element's tag. */
  add(elements: readonly DicomElement[]): Int32Array {
    this.fileCount++;
    this.order = null;
    const ids = new Int32Array(elements.length);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      const key = tagKey(element);
      let id = this.idOf.get(key);
      if (id === -1) {
        id = this.tags.length;
        this.idOf.add(key, id);
        this.tags.push(key);
        this.fileCounts.push(0);
        this.namings.push(this.namingOf(element));
      }
      ids[i] = id;
      this.fileCounts.set(id, this.fileCounts.get(id) + 1);
      if (!this.examples.has(id)) {
        // A preview only: an element of millions of values is not joined whole for it.
        const cell = elementCell(element, EXAMPLE_LENGTH + 1);
        if (cell !== '') this.examples.set(id, cell.length > EXAMPLE_LENGTH ? cell.slice(0, EXAMPLE_LENGTH - 1) + '…' : cell);
      }
    }
    return ids;
  }

  private namingOf(element: DicomElement): Naming {
    // Elements met in a row mostly share a naming (a private block): no key to build for them.
    const last = this.namings[this.namings.length - 1];
    if (last !== undefined && element.keyword === null && last.keyword === null && last.vr === element.vr && last.name === element.name && last.privateCreator === element.privateCreator) return last;
    const headerKeyword = stepFor(element, null).keyword;
    const key = `${element.vr}\u0000${element.privateCreator ?? '\u0001'}\u0000${element.keyword ?? '\u0001'}\u0000${element.name ?? '\u0001'}\u0000${headerKeyword ?? '\u0001'}`;
    let naming = this.namingByKey.get(key);
    if (naming === undefined) {
      naming = { keyword: element.keyword, headerKeyword, name: element.name, vr: element.vr, privateCreator: element.privateCreator };
      this.namingByKey.set(key, naming);
    }
    return naming;
  }

  get files(): number {
    return this.fileCount;
  }

  /** Ids in tag order (group, then element), and the inverse: each id's column. */
  private columnOrder(): { readonly byColumn: Int32Array; readonly columnOfId: Int32Array } {
    if (this.order === null) {
      // Unsigned tags sort numerically as a typed array, with no comparator to call.
      const sorted = new Uint32Array(this.tags.view());
      sorted.sort();
      const byColumn = new Int32Array(sorted.length);
      const columnOfId = new Int32Array(sorted.length);
      for (let i = 0; i < sorted.length; i++) {
        const id = this.idOf.get(sorted[i] | 0);
        byColumn[i] = id;
        columnOfId[id] = i;
      }
      this.order = { byColumn, columnOfId };
    }
    return this.order;
  }

  private header(id: number): string {
    const tag = tagHex(this.tags.get(id));
    return formatSelector([{ tag, keyword: this.namings[id].headerKeyword, item: null }]);
  }

  private heading(id: number): string {
    const naming = this.namings[id];
    if (naming.privateCreator === undefined) return this.header(id);
    return privateHeading({ tag: tagHex(this.tags.get(id)), privateCreator: naming.privateCreator, name: naming.name }) ?? this.header(id);
  }

  /** For each tag id, its column index (tag order). */
  columnIndexById(): Int32Array {
    return this.columnOrder().columnOfId;
  }

  /** Every tag seen, ordered by tag (group, then element). */
  summaries(): TagSummary[] {
    return Array.from(this.columnOrder().byColumn, (id) => {
      const naming = this.namings[id];
      return {
        tag: tagHex(this.tags.get(id)),
        header: this.header(id),
        heading: this.heading(id),
        keyword: naming.keyword,
        name: naming.name,
        vr: naming.vr,
        files: this.fileCounts.get(id),
        example: this.examples.get(id) ?? '',
      };
    });
  }

  /** The union columns as they stand now (files added later are not in them). */
  columns(): UnionColumns {
    const { byColumn, columnOfId } = this.columnOrder();
    const idOf = this.idOf;
    return {
      count: byColumn.length,
      heading: (index) => this.heading(byColumn[index]),
      columnOf: (element) => {
        const id = idOf.get(tagKey(element));
        return id === -1 ? -1 : columnOfId[id];
      },
    };
  }
}

/** Column header for a tag with no element at hand. */
export function tagHeader(tag: string): string {
  return tagText(tag);
}
