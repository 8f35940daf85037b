/**
 * Rows of a union export held while the census still runs, within a memory budget.
 *
 * A union export cannot write its header before it has seen every file's tags. Reading every
 * header twice (census, then rows) doubles the parsing work; holding every row until the end
 * makes memory grow with the number of files. The export does both within bounds: rows are
 * kept, compactly, while they fit in a fixed budget; files past the budget are read a second
 * time after the census. Memory therefore never exceeds the budget, and a typical folder
 * (ten thousand CT headers take about 20 MB) is parsed once.
 */
import type { DicomElement } from '../model';
import { elementCell } from './cells';
import type { TagCensus } from './columns';
import { unionFields } from './rows';

/** One file's row before the columns are known: cells keyed by census tag ids. */
interface HeldRow {
  readonly relativePath: string;
  /** Census id of each cell's tag. */
  readonly ids: Int32Array;
  /** End offset of each cell in `text`. */
  readonly ends: Int32Array;
  /** The cells, concatenated. */
  readonly text: string;
  readonly error: string;
}

/** A rough size of a held row: string data (two bytes a character, to be safe), two ints a cell, fixed overhead. */
function sizeOf(row: HeldRow): number {
  return 2 * (row.text.length + row.relativePath.length + row.error.length) + 8 * row.ids.length + 160;
}

export class RowBuffer {
  private readonly rows: HeldRow[] = [];
  private bytes = 0;
  private full = false;

  constructor(private readonly budgetBytes: number) {}

  /** False once the budget is reached: the caller must then read later files again. */
  get accepting(): boolean {
    return !this.full;
  }

  get count(): number {
    return this.rows.length;
  }

  /** Holds one file's row; ids come from `census.add` for the same elements. */
  holdFile(relativePath: string, elements: readonly DicomElement[], ids: Int32Array, error: string): boolean {
    const cells = new Array<string>(elements.length);
    const ends = new Int32Array(elements.length);
    let end = 0;
    for (let i = 0; i < elements.length; i++) {
      cells[i] = elementCell(elements[i]);
      end += cells[i].length;
      ends[i] = end;
    }
    // join() makes one flat string; `+=` would keep a rope of every cell alive.
    return this.hold({ relativePath, ids, ends, text: cells.join(''), error });
  }

  holdError(relativePath: string, error: string): boolean {
    return this.hold({ relativePath, ids: new Int32Array(0), ends: new Int32Array(0), text: '', error });
  }

  private hold(row: HeldRow): boolean {
    if (this.full) return false;
    const size = sizeOf(row);
    if (this.bytes + size > this.budgetBytes) {
      this.full = true;
      return false;
    }
    this.bytes += size;
    this.rows.push(row);
    return true;
  }

  /**
   * The held rows as fields in column order (File, columns..., Error), emptying the buffer as
   * it goes so memory is released while the rows are written.
   */
  *drain(census: TagCensus): Generator<Iterable<string>> {
    const column = census.columnIndexById();
    const width = column.length;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      const { ids, ends, text } = row;
      yield unionFields(row.relativePath, width, ids.length, (i) => column[ids[i]], (i) => text.slice(i === 0 ? 0 : ends[i - 1], ends[i]), row.error);
      (this.rows as (HeldRow | undefined)[])[r] = undefined;
    }
    this.rows.length = 0;
    this.bytes = 0;
  }
}
