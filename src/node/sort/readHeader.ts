/**
 * The header reader the sort uses on Node: header only, file closed right after.
 *
 * Sorting reads thousands of small headers, where the number of file system calls per file is
 * what costs. `openFileAccess` asks for the size with fstat before the first read; here the
 * first 64 KiB read comes first, and a short read already says how big the file is, so a
 * typical instance costs open, one read and close.
 */
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { readDicom } from '../../core/parse/readDicom';
import type { HeaderReader } from './scanFolder';
import { asyncSortFs, type SortFs } from './sortFs';

const FIRST_READ = 64 * 1024;

export function headerReader(sfs: SortFs): HeaderReader {
  return async (path) => {
    const handle = await sfs.open(path);
    try {
      const first = new Uint8Array(FIRST_READ);
      const head = first.subarray(0, await handle.read(first, 0, FIRST_READ, 0));
      let size: number | undefined = head.length < FIRST_READ ? head.length : undefined;
      const access: FileAccess = {
        size: async () => (size ??= await handle.size()),
        read: async (offset, length) => {
          if (offset + length <= head.length || (size !== undefined && size <= head.length)) {
            return head.subarray(Math.min(offset, head.length), Math.min(offset + length, head.length));
          }
          const out = new Uint8Array(length);
          let done = 0;
          while (done < length) {
            const n = await handle.read(out, done, length - done, offset + done);
            if (n === 0) break;
            done += n;
          }
          return out.subarray(0, done);
        },
      };
      return await readDicom(access, { headerOnly: true, initialReadBytes: FIRST_READ });
    } finally {
      await handle.close();
    }
  };
}

export const readHeaderFromDisk: (path: string) => Promise<DicomFile> = headerReader(asyncSortFs);
