/**
 * Figures taken once per series rather than per frame, so brightness does not jump during
 * cine: the modality min-max over all frames (or an evenly spaced sample of them for big
 * files), and the stored-value counts the equalised display can use.
 */
import { storedValueCounts } from '../../src/core/display/equalise';
import { isGreyscale, modalityMinMax, tableRange } from '../../src/core/display/renderFrame';
import type { LoadedFrame } from './frameStore';

/** Frames read for series figures; a bigger series is sampled evenly. */
const MAX_SAMPLED_FRAMES = 32;
/** Bytes of samples read for series figures at most (a 4096 x 4096 16-bit frame is 32 MiB). */
const MAX_SAMPLED_BYTES = 256 * 1024 * 1024;

export interface SeriesStats {
  readonly min: number;
  readonly max: number;
  /** Stored-value counts over the sampled frames, from `first`; null when the range is too wide. */
  readonly counts: Float64Array | null;
  readonly first: number;
  readonly frames: number;
  readonly sampled: number;
}

/** Which frames to read: all of them, or an even sample that fits the limits. */
export function sampledFrames(count: number, frameBytes: number): number[] {
  const wanted = Math.max(1, Math.min(count, MAX_SAMPLED_FRAMES, Math.floor(MAX_SAMPLED_BYTES / Math.max(frameBytes, 1))));
  if (wanted >= count) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: wanted }, (_, i) => Math.round((i * (count - 1)) / (wanted - 1 || 1)));
}

/** Reads the sampled frames one at a time (the frame store keeps memory bounded) and sums their figures. */
export async function seriesStats(count: number, get: (index: number) => Promise<LoadedFrame>, first: LoadedFrame, isCurrent: () => boolean): Promise<SeriesStats | null> {
  if (!isGreyscale(first.frame)) return null;
  const range = tableRange(first.frame);
  const size = range.max - range.min + 1;
  const counts = size <= 1 << 20 ? new Float64Array(size) : null;
  let min = Infinity;
  let max = -Infinity;
  const indices = sampledFrames(count, first.frame.samples.byteLength);
  for (const i of indices) {
    if (!isCurrent()) return null;
    const loaded = i === first.index ? first : await get(i).catch(() => undefined);
    if (!loaded || !isGreyscale(loaded.frame)) continue;
    const m = modalityMinMax(loaded.frame, loaded.settings.modality, loaded.settings.padding);
    min = Math.min(min, m.min);
    max = Math.max(max, m.max);
    if (counts) storedValueCounts(loaded.frame.samples, range.min, size, counts);
  }
  return Number.isFinite(min) ? { min, max, counts, first: range.min, frames: count, sampled: indices.length } : null;
}
