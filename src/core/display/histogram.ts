import type { SampleArray } from '../pixels/storedFrame';
import { modalityValue, type ModalityTransform } from './modality';

export interface Histogram {
  /** Smallest and largest modality value in the frame. */
  readonly min: number;
  readonly max: number;
  /** Width of one bin in modality units. */
  readonly binWidth: number;
  readonly counts: Uint32Array;
}

/** Histogram of the frame's modality values (for monochrome frames), `bins` equal bins from min to max. */
export function modalityHistogram(samples: SampleArray, modality: ModalityTransform, bins = 256): Histogram {
  let min = Infinity;
  let max = -Infinity;
  const values = new Float64Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = modalityValue(modality, samples[i]);
    values[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Uint32Array(bins);
  if (samples.length === 0) return { min: 0, max: 0, binWidth: 1, counts };
  const binWidth = max > min ? (max - min) / bins : 1;
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.floor((values[i] - min) / binWidth));
    counts[b]++;
  }
  return { min, max, binWidth, counts };
}
