import type { FileAccess } from '../io';

/** Large values are compared a slice at a time so memory stays flat whatever the value size. */
const SLICE = 1 << 20;

/**
 * True when two byte ranges of two files hold the same value. `swapWords` (2, 4 or 8) compares
 * a little-endian value with a big-endian one: byte i of one side matches the byte at the
 * mirrored position of the same word on the other.
 */
export async function sameByteRanges(
  a: FileAccess, aRange: { offset: number; length: number },
  b: FileAccess, bRange: { offset: number; length: number },
  swapWords = 1,
): Promise<boolean> {
  if (aRange.length !== bRange.length) return false;
  const mirror = swapWords - 1;
  for (let done = 0; done < aRange.length; done += SLICE) {
    const count = Math.min(SLICE, aRange.length - done);
    const [x, y] = await Promise.all([a.read(aRange.offset + done, count), b.read(bRange.offset + done, count)]);
    if (x.length !== y.length) return false;
    if (mirror === 0 || x.length % swapWords !== 0) {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    } else {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[(i & ~mirror) | (mirror - (i & mirror))]) return false;
    }
  }
  return true;
}
