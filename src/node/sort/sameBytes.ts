/**
 * Byte-for-byte comparison of two files, to recognise a copy that is already in place.
 * Sizes first (free), then 1 MiB chunks so a large file never sits in memory twice.
 */
import { promises as fs } from 'node:fs';

const CHUNK = 1 << 20;

export async function sameBytes(a: string, b: string, sizeOfB?: number): Promise<boolean> {
  const [statA, sizeB] = await Promise.all([fs.stat(a), sizeOfB ?? fs.stat(b).then((s) => s.size)]);
  if (statA.size !== sizeB) return false;
  const [fa, fb] = await Promise.all([fs.open(a, 'r'), fs.open(b, 'r')]);
  try {
    const bufA = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, statA.size)));
    const bufB = Buffer.allocUnsafe(bufA.length);
    for (let position = 0; position < statA.size; position += bufA.length) {
      const [ra, rb] = await Promise.all([fa.read(bufA, 0, bufA.length, position), fb.read(bufB, 0, bufB.length, position)]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      if (ra.bytesRead === 0) break;
      if (!bufA.subarray(0, ra.bytesRead).equals(bufB.subarray(0, rb.bytesRead))) return false;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}
