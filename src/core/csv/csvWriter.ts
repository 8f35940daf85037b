/**
 * The text of an export, record by record: every field neutralised (see neutralise.ts) and
 * quoted (RFC 4180), gathered into pieces of about `flushAt` characters for the writer.
 *
 * A record is taken field by field and may be written in several pieces: a union export of a
 * file with millions of distinct tags has a header row and a row of millions of fields, which
 * would otherwise be held whole, as an array of fields and again as one string.
 */
import { safeCell } from './neutralise';
import { CSV_EOL, UTF8_BOM, quoteField } from './rfc4180';

export class CsvWriter {
  private buffer: string;

  constructor(
    private readonly write: (text: string) => Promise<void> | void,
    private readonly delimiter: string,
    bom: boolean,
    private readonly flushAt: number,
  ) {
    this.buffer = bom ? UTF8_BOM : '';
  }

  /**
   * Appends one record; awaits the writer only when a piece is full. True when it wrote a piece
   * (a caller reporting progress per piece written reports then).
   */
  async record(fields: Iterable<string>): Promise<boolean> {
    let first = true;
    let wrote = false;
    for (const field of fields) {
      if (!first) this.buffer += this.delimiter;
      first = false;
      if (field !== '') this.buffer += quoteField(safeCell(field), this.delimiter);
      if (this.buffer.length >= this.flushAt) {
        await this.flush();
        wrote = true;
      }
    }
    this.buffer += CSV_EOL;
    return wrote;
  }

  /** True when enough is gathered for a piece. */
  get full(): boolean {
    return this.buffer.length >= this.flushAt;
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    await this.write(text);
  }
}
