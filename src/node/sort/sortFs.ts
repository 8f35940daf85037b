/**
 * The file system calls a sort makes, in two flavours with one interface:
 *
 * - `asyncSortFs` (fs.promises): every call is a trip through libuv's thread pool, so the event
 *   loop stays free. The extension uses it: the extension host is shared by every extension.
 * - `blockingSortFs` (the *Sync calls behind promises): no thread hand-over per call. A sort
 *   makes about six calls per file, and on a busy machine each hand-over waits for a thread to
 *   be scheduled, which made the copy several times slower than `cp -r`. The CLI uses it: a
 *   command-line process has nothing else to keep responsive.
 */
import * as fs from 'node:fs';

export const COPY_FLAGS = fs.constants.COPYFILE_EXCL | fs.constants.COPYFILE_FICLONE;

export interface SortFileHandle {
  /** Reads into `buffer` at file `position`; returns the number of bytes read (0 at the end). */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export interface SortStat {
  isFile(): boolean;
  readonly size: number;
}

export interface SortFs {
  open(path: string): Promise<SortFileHandle>;
  stat(path: string): Promise<SortStat>;
  lstat(path: string): Promise<SortStat>;
  /**
   * Copies with COPYFILE_EXCL (fails rather than replace `to`) and COPYFILE_FICLONE: a
   * copy-on-write clone where the file system offers one (Btrfs, XFS, APFS), else the kernel's
   * own copy (copy_file_range), never through JavaScript buffers.
   */
  copyFileExclusive(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Makes one folder; fails with EEXIST when it is there. */
  mkdir(path: string): Promise<void>;
  realpath(path: string): Promise<string>;
}

export const asyncSortFs: SortFs = {
  async open(path) {
    const handle = await fs.promises.open(path, 'r');
    return {
      read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
      size: async () => (await handle.stat()).size,
      close: () => handle.close(),
    };
  },
  stat: (path) => fs.promises.stat(path),
  lstat: (path) => fs.promises.lstat(path),
  copyFileExclusive: (from, to) => fs.promises.copyFile(from, to, COPY_FLAGS),
  link: (a, b) => fs.promises.link(a, b),
  rename: (a, b) => fs.promises.rename(a, b),
  unlink: (path) => fs.promises.unlink(path),
  mkdir: async (path) => {
    await fs.promises.mkdir(path);
  },
  realpath: (path) => fs.promises.realpath(path),
};

/** Runs a blocking call and hands its result or error back as a promise. */
function settle<T>(call: () => T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

export const blockingSortFs: SortFs = {
  open: (path) =>
    settle(() => {
      const fd = fs.openSync(path, 'r');
      return {
        read: (buffer, offset, length, position) => settle(() => fs.readSync(fd, buffer, offset, length, position)),
        size: () => settle(() => fs.fstatSync(fd).size),
        close: () => settle(() => fs.closeSync(fd)),
      };
    }),
  stat: (path) => settle(() => fs.statSync(path)),
  lstat: (path) => settle(() => fs.lstatSync(path)),
  copyFileExclusive: (from, to) => settle(() => fs.copyFileSync(from, to, COPY_FLAGS)),
  link: (a, b) => settle(() => fs.linkSync(a, b)),
  rename: (a, b) => settle(() => fs.renameSync(a, b)),
  unlink: (path) => settle(() => fs.unlinkSync(path)),
  mkdir: (path) => settle(() => void fs.mkdirSync(path)),
  realpath: (path) => settle(() => fs.realpathSync(path)),
};
