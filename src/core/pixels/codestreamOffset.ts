import type { EncodedFrame } from './decoders/types';

/** The file position of byte `at` of a frame's codestream (its fragments joined). */
export function fileOffsetOf(frame: Extract<EncodedFrame, { kind: 'encapsulated' }>, at: number): number {
  const count = frame.fragmentStarts.length;
  if (count === 0) return frame.offset;
  // The last fragment starting at or before `at` holds it (binary search: a frame may have a million).
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (frame.fragmentStarts[mid] <= at) low = mid;
    else high = mid - 1;
  }
  return frame.valueOffsets[low] + (at - frame.fragmentStarts[low]);
}
