/**
 * The one folder scan every folder job reads through (CSV export, sort, the DICOM Explorer's
 * index, the CLI): files listed by a front (a local walk, a VS Code file system, a selection),
 * each opened once, its first block read once and sniffed, the header read from that block on
 * (up to the last tag the job needs, which the job's reader says), through the ordered pool
 * with its bounds, cancel and progress.
 *
 * Pure: the front supplies listing and opening behind `ScanIo`, the job its header reader.
 */
import type { FileAccess } from '../io';
import { mapOrdered } from './orderedPool';
import { SNIFF_LENGTH, sniffDicom } from './sniff';

export interface ScanEntry {
  /** What `open` takes. */
  readonly path: string;
  /** The path relative to the folder scanned, with `/` separators. */
  readonly relativePath: string;
}

export type ClosableAccess = FileAccess & { close(): Promise<void> };

export interface ScanIo<E extends ScanEntry> {
  list(): AsyncIterable<E>;
  open(path: string): Promise<ClosableAccess>;
}

/**
 * The first read of each file, served again from memory to the reader. Typical image headers
 * are a few KiB; the reader reads more when a header is longer. Smaller than the reader's own
 * default because a folder job reads thousands of headers and the bytes are copied each time.
 */
export const HEAD_LENGTH = 16 * 1024;

export type ScanResult<E, T> =
  /** The job's reader ran on a file that sniffs as DICOM. */
  | { readonly kind: 'read'; readonly entry: E; readonly value: T }
  /** Not DICOM by its first bytes (`length`: bytes seen, the whole file when under HEAD_LENGTH). */
  | { readonly kind: 'not-dicom'; readonly entry: E; readonly length: number }
  /** Opening, reading or the job's reader threw. */
  | { readonly kind: 'failed'; readonly entry: E; readonly error: unknown };

/** Reads a header from `access`, whose first `firstRead` bytes are already in memory. */
export type HeaderRead<E, T> = (access: FileAccess, entry: E, firstRead: number) => Promise<T>;

export interface ScanOptions<E, T> {
  /** Files open at once (at least 1). */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** Most bytes held by finished results waiting for an earlier file (see orderedPool.ts). */
  readonly maxBytesInFlight?: number;
  readonly sizeOf?: (result: ScanResult<E, T>) => number;
}

/** Serves reads inside the first block from memory, so sniffing costs no extra read. */
function withHead(access: FileAccess, head: Uint8Array): FileAccess {
  return {
    size: () => (head.length < HEAD_LENGTH ? Promise.resolve(head.length) : access.size()),
    read: async (offset, length) =>
      offset + length <= head.length || head.length < HEAD_LENGTH
        ? head.subarray(Math.min(offset, head.length), Math.min(offset + length, head.length))
        : access.read(offset, length),
  };
}

/** One file: open, first block, sniff, header, close (always). */
export async function scanFile<E extends ScanEntry, T>(io: Pick<ScanIo<E>, 'open'>, entry: E, read: HeaderRead<E, T>): Promise<ScanResult<E, T>> {
  let access: ClosableAccess | undefined;
  try {
    access = await io.open(entry.path);
    const head = await access.read(0, HEAD_LENGTH);
    if (sniffDicom(head.subarray(0, SNIFF_LENGTH)) === 'none') return { kind: 'not-dicom', entry, length: head.length };
    return { kind: 'read', entry, value: await read(withHead(access, head), entry, HEAD_LENGTH) };
  } catch (error) {
    return { kind: 'failed', entry, error };
  } finally {
    await access?.close().catch(() => undefined);
  }
}

/** Every listed file's result, in listing order. */
export function scanFiles<E extends ScanEntry, T>(io: ScanIo<E>, read: HeaderRead<E, T>, options: ScanOptions<E, T>): AsyncGenerator<ScanResult<E, T>> {
  return mapOrdered(io.list(), (entry) => scanFile(io, entry, read), options);
}

/**
 * Gives the event loop a turn after every `sliceMs` of continuous work. Reads already in memory
 * (or synchronous ones) resolve without returning to the loop; the extension host shares its
 * loop with every other extension, so a folder job must not keep it longer than this.
 */
export function pacer(sliceMs = 10): () => Promise<void> {
  // setImmediate (Node, the extension host) returns to the loop without the 1 ms clamp of setTimeout.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  const turn = immediate ? () => new Promise<void>((resolve) => immediate(resolve)) : () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  let since = Date.now();
  return async () => {
    if (Date.now() - since < sliceMs) return;
    await turn();
    since = Date.now();
  };
}

/** A thrown value as one line. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'unreadable file';
}
