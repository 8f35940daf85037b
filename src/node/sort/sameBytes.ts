/**
 * Byte-for-byte comparison of two files, to recognise a copy that is already in place.
 * Sizes first (free), then 1 MiB chunks so a large file never sits in memory twice.
 */
import { asyncSortFs, type SortFs } from './sortFs';

const CHUNK = 1 << 20;

export async function sameBytes(a: string, b: string, sizeOfB?: number, sfs: SortFs = asyncSortFs): Promise<boolean> {
  const [statA, sizeB] = await Promise.all([sfs.stat(a), sizeOfB ?? sfs.stat(b).then((s) => s.size)]);
  if (statA.size !== sizeB) return false;
  const [fa, fb] = await Promise.all([sfs.open(a), sfs.open(b)]);
  try {
    const bufA = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, statA.size)));
    const bufB = Buffer.allocUnsafe(bufA.length);
    for (let position = 0; position < statA.size; position += bufA.length) {
      const [ra, rb] = await Promise.all([fa.read(bufA, 0, bufA.length, position), fb.read(bufB, 0, bufB.length, position)]);
      if (ra !== rb) return false;
      if (ra === 0) break;
      if (!bufA.subarray(0, ra).equals(bufB.subarray(0, rb))) return false;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}
