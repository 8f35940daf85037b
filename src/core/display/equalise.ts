/**
 * Histogram-equalised display, as fastai's medical imaging module does it
 * (`freqhist_bins` then `hist_scaled`): N break points split the values into groups holding
 * about the same number of pixels, and values are mapped linearly between the breaks onto 0..1.
 * Breaks come from the frame or, summed, from several frames of a series.
 */
import type { SampleArray } from '../pixels/storedFrame';
import { modalityValue, type ModalityTransform } from './modality';
import { toGrey8 } from './voi';

/** How many pixels hold each stored value from `first` (stored values outside are clamped in). */
export function storedValueCounts(samples: SampleArray, first: number, size: number, into = new Float64Array(size)): Float64Array {
  const last = size - 1;
  for (let i = 0; i < samples.length; i++) {
    const k = samples[i] - first;
    into[k < 0 ? 0 : k > last ? last : k]++;
  }
  return into;
}

/**
 * fastai's freqhist_bins on the modality values the counts describe: the values at ranks
 * len * t for t = 0.001, (i + 0.5) / n for i < n, and 0.999, without repeats. The fractions
 * are float32, as the torch tensors fastai builds them in.
 */
export function freqhistBreaks(counts: Float64Array, first: number, modality: ModalityTransform, bins: number): number[] {
  // Distinct modality values with their counts, in value order (a modality LUT need not rise).
  const pairs: [number, number][] = [];
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) {
      pairs.push([modalityValue(modality, first + k), counts[k]]);
      total += counts[k];
    }
  }
  if (total === 0) return [];
  pairs.sort((a, b) => a[0] - b[0]);
  const f32 = Math.fround;
  const fractions = [f32(0.001)];
  for (let i = 0; i < bins; i++) fractions.push(f32(f32(i / bins) + f32(1 / 2 / bins)));
  fractions.push(f32(0.999));
  const breaks: number[] = [];
  let p = 0;
  let below = 0; // pixels in pairs before p
  for (const t of fractions) {
    const rank = Math.trunc(f32(total * t));
    while (p < pairs.length - 1 && below + pairs[p][1] <= rank) below += pairs[p++][1];
    const v = pairs[p][0];
    if (breaks.length === 0 || breaks[breaks.length - 1] !== v) breaks.push(v);
  }
  return breaks;
}

/** hist_scaled for one value: np.interp(x, breaks, linspace(0, 1, len(breaks))), in [0, 1]. */
export function equalisedFraction(x: number, breaks: readonly number[]): number {
  const n = breaks.length;
  if (n === 0) return 0;
  if (x <= breaks[0]) return 0;
  if (x >= breaks[n - 1]) return 1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] <= x) lo = mid;
    else hi = mid;
  }
  return (lo + (x - breaks[lo]) / (breaks[hi] - breaks[lo])) / (n - 1);
}

/** 8-bit grey of every stored value from `first`, equalised by the breaks (inverted for MONOCHROME1). */
export function equalisedGreyTable(first: number, size: number, modality: ModalityTransform, breaks: readonly number[], inverted: boolean): Uint8Array {
  const out = new Uint8Array(size);
  for (let k = 0; k < size; k++) out[k] = toGrey8(equalisedFraction(modalityValue(modality, first + k), breaks), inverted);
  return out;
}
