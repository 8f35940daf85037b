import type { SampleArray, StoredRange } from '../pixels/storedFrame';
import { modalityValue, type ModalityTransform } from './modality';

export interface Histogram {
  /** Smallest and largest modality value in the frame. */
  readonly min: number;
  readonly max: number;
  /** Width of one bin in modality units. */
  readonly binWidth: number;
  readonly counts: Uint32Array;
}

/**
 * Histogram of the frame's modality values (for monochrome frames), `bins` equal bins from min
 * to max; samples in the `padding` range (Pixel Padding Value / Range Limit) are not counted.
 */
export function modalityHistogram(samples: SampleArray, modality: ModalityTransform, bins = 256, padding?: StoredRange): Histogram {
  const low = padding?.min ?? Infinity;
  const high = padding?.max ?? -Infinity;
  // Two passes rather than a buffer of modality values: a 4096 x 4096 frame would need 128 MB.
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    if (samples[i] >= low && samples[i] <= high) continue;
    const v = modalityValue(modality, samples[i]);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Uint32Array(bins);
  if (min > max) return { min: 0, max: 0, binWidth: 1, counts };
  const binWidth = max > min ? (max - min) / bins : 1;
  for (let i = 0; i < samples.length; i++) {
    if (samples[i] >= low && samples[i] <= high) continue;
    const b = Math.min(bins - 1, Math.floor((modalityValue(modality, samples[i]) - min) / binWidth));
    counts[b]++;
  }
  return { min, max, binWidth, counts };
}
