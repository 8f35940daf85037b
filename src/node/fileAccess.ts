import { open } from 'node:fs/promises';
import type { FileAccess } from '../core/io';

export type ClosableFileAccess = FileAccess & { close(): Promise<void> };

/** A FileAccess over a local file with ranged reads, so a header is read without the file. */
export async function openFileAccess(path: string): Promise<ClosableFileAccess> {
  const handle = await open(path, 'r');
  let size: number | undefined;
  return {
    size: async () => (size ??= (await handle.stat()).size),
    read: async (offset, length) => {
      const total = size ?? (size = (await handle.stat()).size);
      const count = Math.max(0, Math.min(length, total - offset));
      const buffer = new Uint8Array(count);
      let done = 0;
      while (done < count) {
        const { bytesRead } = await handle.read(buffer, done, count - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === count ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/** Opens, uses and always closes a file. */
export async function withFileAccess<T>(path: string, use: (access: FileAccess) => Promise<T>): Promise<T> {
  const access = await openFileAccess(path);
  try {
    return await use(access);
  } finally {
    await access.close();
  }
}
