import * as fs from 'node:fs';
import type { FileAccess } from '../core/io';
import type { DicomFile } from '../core/model';
import { readDicom } from '../core/parse/readDicom';

export type ClosableFileAccess = FileAccess & { close(): Promise<void> };

export interface OpenOptions {
  /**
   * Use blocking system calls. Each call of the promise API is a trip through libuv's thread
   * pool, which costs more than the call itself for small headers in the page cache; a
   * command-line run has nothing else to keep responsive, so the CLI reads this way. The
   * extension host must not block: it keeps the default.
   */
  readonly blocking?: boolean;
  /**
   * Bytes read when the file is opened (default 64 KiB, the parser's first read). A short read
   * tells the size without a stat, so a typical header costs open, one read and close.
   */
  readonly prefetch?: number;
}

/** The few calls a ranged reader needs, blocking or not behind the same promises. */
interface RawFile {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  size(): Promise<number>;
  close(): Promise<void>;
}

async function openRaw(path: string, blocking: boolean): Promise<RawFile> {
  if (!blocking) {
    const handle = await fs.promises.open(path, 'r');
    return {
      read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
      size: async () => (await handle.stat()).size,
      close: () => handle.close(),
    };
  }
  const fd = fs.openSync(path, 'r');
  return {
    read: async (buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
    size: async () => fs.fstatSync(fd).size,
    close: async () => fs.closeSync(fd),
  };
}

async function readFully(file: RawFile, offset: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(Math.max(0, length));
  let done = 0;
  while (done < length) {
    const count = await file.read(buffer, done, length - done, offset + done);
    if (count === 0) break;
    done += count;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/** A FileAccess over a local file with ranged reads, so a header is read without the file. */
export async function openFileAccess(path: string, options: OpenOptions = {}): Promise<ClosableFileAccess> {
  const file = await openRaw(path, options.blocking ?? false);
  const prefetchLength = options.prefetch ?? 64 * 1024;
  let head: Uint8Array;
  let size: number | undefined;
  try {
    if (options.blocking) {
      head = await readFully(file, 0, prefetchLength);
    } else {
      // Each asynchronous call waits for a thread-pool turn: ask for the size at the same time.
      [head, size] = await Promise.all([readFully(file, 0, prefetchLength), file.size()]);
    }
  } catch (problem) {
    await file.close();
    throw problem;
  }
  if (head.length < prefetchLength) size = head.length;
  const fileSize = async () => (size ??= await file.size());
  return {
    size: fileSize,
    read: async (offset, length) => {
      if (offset + length <= head.length || (size !== undefined && size <= head.length)) {
        return head.subarray(Math.min(offset, head.length), Math.min(offset + length, head.length));
      }
      // Known size: start the read at once, so reads issued together are all under way before any close.
      const total = size ?? (await fileSize());
      return readFully(file, offset, Math.max(0, Math.min(length, total - offset)));
    },
    close: () => file.close(),
  };
}

/** Opens, uses and always closes a file. */
export async function withFileAccess<T>(path: string, use: (access: FileAccess) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const access = await openFileAccess(path, options);
  try {
    return await use(access);
  } finally {
    await access.close();
  }
}

/**
 * Reads the header of a local file (open, usually one read, close), optionally only up to a
 * tag, for jobs that read a few attributes of many files (sort, the explorer's index): each
 * value is decoded when it is first read (lazyValues).
 */
export function readHeaderFromFile(path: string, options: OpenOptions & { readonly stopAfterTag?: string } = {}): Promise<DicomFile> {
  return withFileAccess(path, (access) => readDicom(access, { headerOnly: true, initialReadBytes: options.prefetch, stopAfterTag: options.stopAfterTag, lazyValues: true }), options);
}
