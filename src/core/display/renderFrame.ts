import { colourToRgb8 } from '../pixels/colour';
import type { Palette } from '../pixels/palette';
import { sampleMinMax, storedRange, type StoredFrame, type StoredRange } from '../pixels/storedFrame';
import type { FrameDisplaySettings } from './frameDisplaySettings';
import { GreyscaleTable } from './greyscaleTable';
import { modalityValue, type ModalityTransform } from './modality';
import { checkWindow, minMaxWindow, type Voi } from './voi';

/** An 8-bit image ready for a canvas or a PNG: grey (1 channel) or RGB (3 channels). */
export interface RenderedImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

export interface RenderChoices {
  /** The user's window; without it the file's first window, else its VOI LUT, else min-max. */
  readonly window?: { readonly center: number; readonly width: number };
  /** Use the file's VOI LUT number `voiLutIndex` instead of a window. */
  readonly voiLutIndex?: number;
  /** The user's invert, on top of MONOCHROME1's own inversion. */
  readonly invert?: boolean;
}

export function isGreyscale(frame: StoredFrame): boolean {
  return frame.photometric === 'MONOCHROME1' || frame.photometric === 'MONOCHROME2';
}

/**
 * Smallest and largest modality value of the frame, padding left out. One pass over the
 * samples for their stored extremes; a Modality LUT then costs at most one pass over its
 * entries (values outside the LUT take its first or last entry), never one step per value
 * between the extremes, which for 32-bit data would be billions.
 */
export function modalityMinMax(frame: StoredFrame, modality: ModalityTransform, padding?: StoredRange): { min: number; max: number } {
  const stored = sampleMinMax(frame.samples, padding);
  if (modality.kind === 'rescale') {
    const a = modalityValue(modality, stored.min);
    const b = modalityValue(modality, stored.max);
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const { entries, firstMapped } = modality.lut;
  const index = (v: number) => Math.min(entries.length - 1, Math.max(0, v - firstMapped));
  let min = Infinity;
  let max = -Infinity;
  for (let k = index(stored.min); k <= index(stored.max); k++) {
    const m = modalityValue(modality, firstMapped + k);
    if (m < min) min = m;
    if (m > max) max = m;
  }
  return { min, max };
}

/** The VOI the choices ask for, validated (throws WindowError for an unusable window). */
export function chooseVoi(frame: StoredFrame, settings: FrameDisplaySettings, choices: RenderChoices): Voi {
  if (choices.window) {
    checkWindow(choices.window.center, choices.window.width, settings.voiFunction);
    return { kind: 'window', center: choices.window.center, width: choices.window.width, fn: settings.voiFunction };
  }
  if (choices.voiLutIndex !== undefined && settings.voiLuts[choices.voiLutIndex]) return { kind: 'lut', lut: settings.voiLuts[choices.voiLutIndex] };
  const first = settings.windows[0];
  if (first) {
    checkWindow(first.center, first.width, settings.voiFunction);
    return { kind: 'window', center: first.center, width: first.width, fn: settings.voiFunction };
  }
  if (settings.voiLuts[0]) return { kind: 'lut', lut: settings.voiLuts[0] };
  const { min, max } = modalityMinMax(frame, settings.modality, settings.padding);
  return minMaxWindow(min, max);
}

/** Stored-value range the grey table covers: from Bits Stored, or the frame's own for 32-bit data. */
export function tableRange(frame: StoredFrame): { min: number; max: number } {
  const range = storedRange(frame.bitsStored, frame.signed);
  return range.max - range.min >= 1 << 20 ? sampleMinMax(frame.samples) : range;
}

/**
 * The display pipeline of PS3.3 C.11 (figure C.11-1): modality LUT -> VOI -> presentation
 * (MONOCHROME1 inverted) -> 8-bit grey; colour frames go to 8-bit RGB. The CLI and the viewer
 * both call this, so they show the same pixels. Pass the same `table` between calls to reuse
 * the lookup table while only the frame changes.
 */
export function renderFrame(frame: StoredFrame, settings: FrameDisplaySettings, choices: RenderChoices = {}, palette?: Palette, table = new GreyscaleTable()): RenderedImage {
  const { width, height } = frame;
  if (!isGreyscale(frame)) {
    const rgb = colourToRgb8(frame, palette);
    const data = choices.invert ? rgb.map((v) => 255 - v) : rgb;
    return { width, height, channels: 3, data };
  }
  const voi = chooseVoi(frame, settings, choices);
  const inverted = (frame.photometric === 'MONOCHROME1') !== Boolean(choices.invert);
  const { min, max } = tableRange(frame);
  const data = table.apply(frame.samples, min, max, { modality: settings.modality, voi, inverted }, new Uint8Array(width * height));
  return { width, height, channels: 1, data };
}
