/** SHA-256 of a file, read in 1 MiB chunks, to tell apart files that want the same name. */
import { createHash } from 'node:crypto';
import { asyncSortFs, type SortFs } from './sortFs';

const CHUNK = 1 << 20;

export async function fileDigest(path: string, sfs: SortFs = asyncSortFs): Promise<string> {
  const hash = createHash('sha256');
  const handle = await sfs.open(path);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; ; ) {
      const bytesRead = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
