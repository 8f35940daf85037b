/**
 * The Bytes pane's pages: fixed-size byte ranges asked of the host once, kept in a small
 * least-recently-used cache, so memory stays the same whether the file is 1 KiB or 2 GiB.
 * Each page keeps, per byte, the index of the run (what the byte is) it belongs to.
 */
import { PAGE_BYTES, type ByteStream, type BytesPageMessage, type PartRun } from '../../../src/shared/bytesProtocol';

export { PAGE_BYTES };
/** 32 pages of 4 KiB: several screens around the one shown, a few hundred KiB in all. */
export const MAX_PAGES = 32;

export interface Page {
  readonly offset: number;
  readonly bytes: Uint8Array;
  readonly runs: readonly PartRun[];
  /** For each byte of the page, the index of its run in `runs` (0xFFFF when none covers it). */
  readonly runIndex: Uint16Array;
}

export type PageRequest = (stream: ByteStream, offset: number, length: number) => Promise<BytesPageMessage>;

export function indexRuns(offset: number, length: number, runs: readonly PartRun[]): Uint16Array {
  const index = new Uint16Array(length).fill(0xffff);
  runs.forEach((run, i) => {
    const from = Math.max(run.start, offset) - offset;
    const to = Math.min(run.end, offset + length) - offset;
    if (to > from) index.fill(i, from, to);
  });
  return index;
}

export class PageCache {
  private readonly pages = new Map<number, Page>();
  private readonly loading = new Map<number, Promise<void>>();
  private generation = 0;
  /** Size of the stream, learnt from the first page; null until then. */
  streamSize: number | null = null;

  constructor(private readonly request: PageRequest, private stream: ByteStream, private readonly onPage: () => void) {}

  get currentStream(): ByteStream {
    return this.stream;
  }

  /** Forgets every page (the file changed, or the pane switched between raw and inflated). */
  reset(stream: ByteStream = this.stream): void {
    this.stream = stream;
    this.pages.clear();
    this.loading.clear();
    this.streamSize = null;
    this.generation++;
  }

  get pageCount(): number {
    return this.pages.size;
  }

  /** The page holding `offset` when it is here (and marks it recently used); else asks for it. */
  pageAt(offset: number): Page | undefined {
    const start = offset - (offset % PAGE_BYTES);
    const page = this.pages.get(start);
    if (page) {
      this.pages.delete(start);
      this.pages.set(start, page);
      return page;
    }
    void this.load(start);
    return undefined;
  }

  /** Loads the page at `start` (once, however often asked). */
  load(start: number): Promise<void> {
    if (this.pages.has(start)) return Promise.resolve();
    const pending = this.loading.get(start);
    if (pending) return pending;
    const generation = this.generation;
    const loading = this.request(this.stream, start, PAGE_BYTES).then((reply) => {
      if (generation !== this.generation) return;
      this.loading.delete(start);
      this.store(reply);
      this.onPage();
    }, () => {
      if (generation === this.generation) this.loading.delete(start);
    });
    this.loading.set(start, loading);
    return loading;
  }

  /**
   * Keeps a page that came without being asked for (with a selection), so the pane draws it at
   * once; a page of another stream, or not on a page boundary, is not one of this cache's.
   */
  add(reply: BytesPageMessage): void {
    if (reply.stream !== this.stream || reply.offset % PAGE_BYTES !== 0 || reply.data.byteLength > PAGE_BYTES) return;
    this.store(reply);
  }

  private store(reply: BytesPageMessage): void {
    this.streamSize = reply.streamSize;
    const bytes = new Uint8Array(reply.data);
    this.pages.delete(reply.offset);
    this.pages.set(reply.offset, { offset: reply.offset, bytes, runs: reply.runs, runIndex: indexRuns(reply.offset, bytes.length, reply.runs) });
    while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value as number);
  }

  /** The byte at `offset` and its run, when its page is here. */
  byteAt(offset: number): { value: number; run: PartRun | undefined } | undefined {
    const page = this.pageAt(offset);
    if (!page) return undefined;
    const at = offset - page.offset;
    if (at >= page.bytes.length) return undefined;
    const index = page.runIndex[at];
    return { value: page.bytes[at], run: index === 0xffff ? undefined : page.runs[index] };
  }

  /** Up to `length` bytes from `offset`, as far as the pages here hold them without a gap. */
  bytesFrom(offset: number, length: number): Uint8Array {
    const out: number[] = [];
    for (let at = offset; out.length < length; at++) {
      const byte = this.byteAt(at);
      if (!byte) break;
      out.push(byte.value);
    }
    return Uint8Array.from(out);
  }
}
