import { NeedMoreData, ParseStop, hex } from './errors';

/**
 * A window of the file's bytes starting at `base`, with positions given as absolute file
 * offsets. `streamSize` is the size of the whole logical stream (the file, or for a deflated
 * file the meta group plus the inflated data set). Reading past the window asks for more data
 * when more exists, and is a truncation error when it does not.
 */
export class ByteWindow {
  private readonly view: DataView;
  readonly end: number;

  constructor(readonly bytes: Uint8Array, readonly base: number, readonly streamSize: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = base + bytes.length;
  }

  get complete(): boolean {
    return this.end >= this.streamSize;
  }

  /** Throws unless `count` bytes from `pos` are in the window. */
  need(pos: number, count: number, what: string): void {
    if (pos + count <= this.end) return;
    if (pos + count <= this.streamSize || !this.complete) {
      if (this.end < this.streamSize) throw new NeedMoreData(pos + count);
    }
    throw new ParseStop('unexpected-end-of-file', pos, `unexpected end of file reading ${what} at ${hex(pos)}: ${count} bytes needed, ${Math.max(0, this.streamSize - pos)} left`);
  }

  has(pos: number, count: number): boolean {
    return pos + count <= this.end;
  }

  u8(pos: number): number {
    return this.bytes[pos - this.base];
  }

  u16(pos: number, littleEndian: boolean): number {
    return this.view.getUint16(pos - this.base, littleEndian);
  }

  u32(pos: number, littleEndian: boolean): number {
    return this.view.getUint32(pos - this.base, littleEndian);
  }

  slice(pos: number, length: number): Uint8Array {
    const start = Math.max(0, pos - this.base);
    return this.bytes.subarray(start, Math.min(this.bytes.length, start + length));
  }
}
