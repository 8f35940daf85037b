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
 * Reads many byte ranges (by ascending offset, as fragments are) with few reads: neighbours
 * share one read, so a frame of a million fragments costs a handful of reads instead of a
 * million. Each result is a view into its read, shorter than asked where the file ends.
 */
export async function readRanges(source: FileAccess, ranges: readonly ByteRange[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = new Array(ranges.length);
  let i = 0;
  while (i < ranges.length) {
    const start = ranges[i].offset;
    let end = start + ranges[i].length;
    let j = i + 1;
    // Ranges may overlap (the head and tail of a short fragment); offsets only ever grow.
    while (j < ranges.length && ranges[j].offset - end <= MAX_GAP && ranges[j].offset + ranges[j].length - start <= MAX_READ) {
      end = Math.max(end, ranges[j].offset + ranges[j].length);
      j++;
    }
    const chunk = await source.read(start, end - start);
    for (let k = i; k < j; k++) {
      const from = ranges[k].offset - start;
      out[k] = chunk.subarray(Math.min(from, chunk.length), Math.min(from + ranges[k].length, chunk.length));
    }
    i = j;
  }
  return out;
}
