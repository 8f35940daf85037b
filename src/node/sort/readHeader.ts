/**
 * The header reader the sort uses on Node: header only, file closed right after.
 *
 * Sorting reads thousands of small headers, where the number of file system calls per file is
 * what costs (each is a trip through libuv's thread pool). `openFileAccess` asks for the size
 * with fstat before the first read; here the first 64 KiB read comes first, and a short read
 * already says how big the file is, so a typical instance costs open, one read and close.
 */
import { open } from 'node:fs/promises';
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { readDicom } from '../../core/parse/readDicom';

const FIRST_READ = 64 * 1024;

export async function readHeaderFromDisk(path: string): Promise<DicomFile> {
  const handle = await open(path, 'r');
  try {
    const first = new Uint8Array(FIRST_READ);
    const { bytesRead } = await handle.read(first, 0, FIRST_READ, 0);
    const head = first.subarray(0, bytesRead);
    let size: number | undefined = bytesRead < FIRST_READ ? bytesRead : undefined;
    const access: FileAccess = {
      size: async () => (size ??= (await handle.stat()).size),
      read: async (offset, length) => {
        if (offset + length <= head.length || (size !== undefined && size <= head.length)) {
          return head.subarray(Math.min(offset, head.length), Math.min(offset + length, head.length));
        }
        const out = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const r = await handle.read(out, done, length - done, offset + done);
          if (r.bytesRead === 0) break;
          done += r.bytesRead;
        }
        return out.subarray(0, done);
      },
    };
    return await readDicom(access, { headerOnly: true, initialReadBytes: FIRST_READ });
  } finally {
    await handle.close();
  }
}
