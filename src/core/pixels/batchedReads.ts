import type { FileAccess } from '../io';

export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

/** Ranges closer than this share one read (reading the gap costs less than another call). */
const MAX_GAP = 64 * 1024;
/** One read brings at most this much, so memory stays bounded whatever the ranges. */
const MAX_READ = 16 * 1024 * 1024;

/**
 * Reads `count` byte ranges (by ascending offset, as fragments are; range k starts at
 * `offsetOf(k)` and is `lengthOf(k)` bytes) with few reads: neighbours share one read, so a
 * frame of a million fragments costs a handful of reads instead of a million. `take` gets each
 * range as a view into its read, shorter than asked where the file ends; the view is only
 * valid during the call (ranges are read by accessors, not as objects, so that a million of
 * them cost no million objects).
 */
export async function forEachRange(
  source: FileAccess, count: number, offsetOf: (k: number) => number, lengthOf: (k: number) => number, take: (k: number, bytes: Uint8Array) => void,
): Promise<void> {
  let i = 0;
  while (i < count) {
    const start = offsetOf(i);
    let end = start + lengthOf(i);
    let j = i + 1;
    // Ranges may overlap (the head and tail of a short fragment); offsets only ever grow.
    while (j < count && offsetOf(j) - end <= MAX_GAP && offsetOf(j) + lengthOf(j) - start <= MAX_READ) {
      end = Math.max(end, offsetOf(j) + lengthOf(j));
      j++;
    }
    const chunk = await source.read(start, end - start);
    for (let k = i; k < j; k++) {
      const from = offsetOf(k) - start;
      take(k, chunk.subarray(Math.min(from, chunk.length), Math.min(from + lengthOf(k), chunk.length)));
    }
    i = j;
  }
}

/** As forEachRange, for ranges given as objects; each result is a view into its read. */
export async function readRanges(source: FileAccess, ranges: readonly ByteRange[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = new Array(ranges.length);
  await forEachRange(source, ranges.length, (k) => ranges[k].offset, (k) => ranges[k].length, (k, bytes) => (out[k] = bytes));
  return out;
}
