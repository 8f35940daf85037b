/**
 * What the user layers on top of the DICOM greyscale pipeline: an equalised VOI instead of the
 * window, a value range mask, and a colour map. The result is one RGBA word per stored value
 * (a table the viewer samples on-screen pixels through), or RGB pixels for a PNG.
 */
import type { SampleArray, StoredFrame } from '../pixels/storedFrame';
import { colourMapWords, isColourMapName, type ColourMapName } from './colourMaps';
import { equalisedFraction, equalisedGreyTable } from './equalise';
import type { FrameDisplaySettings } from './frameDisplaySettings';
import { GreyscaleTable } from './greyscaleTable';
import { modalityValue, type ModalityTransform } from './modality';
import { chooseVoi, tableRange, type RenderChoices, type RenderedImage } from './renderFrame';
import { inRange, type ValueRange } from './valueRange';
import { toGrey8, voiGrey8 } from './voi';

/** Stored ranges up to this many values get a table; wider ones (32-bit data) are mapped per pixel. */
export const MAX_LOOK_TABLE = 1 << 20;

export interface DisplayLook {
  readonly colourMap: ColourMapName;
  /** Modality values shown; the others are masked. */
  readonly range: ValueRange | null;
  /** Break points of an equalised display (see equalise.ts), replacing the window. */
  readonly equalise: readonly number[] | null;
}

export const PLAIN_LOOK: DisplayLook = { colourMap: 'gray', range: null, equalise: null };

/** Masked pixels: opaque black. */
export const MASKED_WORD = 0xff000000;

/** The look a save request carries (unknown colour map names fall back to gray). */
export function lookFromView(v: { readonly colourMap?: string; readonly range?: ValueRange | null; readonly equalise?: readonly number[] | null }): DisplayLook {
  return { colourMap: v.colourMap && isColourMapName(v.colourMap) ? v.colourMap : 'gray', range: v.range ?? null, equalise: v.equalise?.length ? v.equalise : null };
}

export function isPlainLook(look: DisplayLook): boolean {
  return look.colourMap === 'gray' && !look.range && !look.equalise;
}

/** Grey level of every stored value from `first`: equalised when asked, else the VOI of the choices. */
export function greyTable(frame: StoredFrame, settings: FrameDisplaySettings, choices: RenderChoices, look: DisplayLook, first: number, size: number, table = new GreyscaleTable()): Uint8Array {
  const inverted = (frame.photometric === 'MONOCHROME1') !== Boolean(choices.invert);
  if (look.equalise) return equalisedGreyTable(first, size, settings.modality, look.equalise, inverted);
  const voi = chooseVoi(frame, settings, choices);
  const ramp = new Int32Array(size);
  for (let k = 0; k < size; k++) ramp[k] = first + k;
  return table.apply(ramp, first, first + size - 1, { modality: settings.modality, voi, inverted }, new Uint8Array(size));
}

/** RGBA word of every stored value from `first`: grey through the colour map, masked outside the range. */
export function lookWords(grey: Uint8Array, first: number, modality: ModalityTransform, look: DisplayLook): Uint32Array {
  const colours = colourMapWords(look.colourMap);
  const out = new Uint32Array(grey.length);
  const range = look.range;
  for (let k = 0; k < grey.length; k++) {
    out[k] = range && !inRange(range, modalityValue(modality, first + k)) ? MASKED_WORD : colours[grey[k]];
  }
  return out;
}

/** Per-pixel words through a stored-value table (clamped at its ends). */
export function wordsOfSamples(samples: SampleArray, words: Uint32Array, first: number, out = new Uint32Array(samples.length)): Uint32Array {
  const last = words.length - 1;
  for (let i = 0; i < samples.length; i++) {
    const k = samples[i] - first;
    out[i] = words[k < 0 ? 0 : k > last ? last : k];
  }
  return out;
}

/** RGBA word of every pixel of a greyscale frame with the look. */
export function lookedPixels(frame: StoredFrame, settings: FrameDisplaySettings, choices: RenderChoices, look: DisplayLook, out = new Uint32Array(frame.samples.length)): Uint32Array {
  const { min, max } = tableRange(frame);
  const size = max - min + 1;
  if (size <= MAX_LOOK_TABLE) return wordsOfSamples(frame.samples, lookWords(greyTable(frame, settings, choices, look, min, size), min, settings.modality, look), min, out);
  const inverted = (frame.photometric === 'MONOCHROME1') !== Boolean(choices.invert);
  const voi = look.equalise ? undefined : chooseVoi(frame, settings, choices);
  const colours = colourMapWords(look.colourMap);
  const { samples } = frame;
  for (let i = 0; i < samples.length; i++) {
    const v = modalityValue(settings.modality, samples[i]);
    const grey = voi ? voiGrey8(voi, v, inverted) : toGrey8(equalisedFraction(v, look.equalise!), inverted);
    out[i] = look.range && !inRange(look.range, v) ? MASKED_WORD : colours[grey];
  }
  return out;
}

/**
 * A greyscale frame rendered with a look, for PNG export: RGB, or grey when the map is gray and
 * nothing is masked (so plain exports stay 8-bit grey like `render` without options).
 */
export function renderWithLook(frame: StoredFrame, settings: FrameDisplaySettings, choices: RenderChoices, look: DisplayLook): RenderedImage {
  const words = lookedPixels(frame, settings, choices, look);
  const count = frame.width * frame.height;
  if (look.colourMap === 'gray' && !look.range) {
    const data = new Uint8Array(count);
    for (let i = 0; i < count; i++) data[i] = words[i] & 0xff;
    return { width: frame.width, height: frame.height, channels: 1, data };
  }
  const data = new Uint8Array(count * 3);
  for (let i = 0, j = 0; i < count; i++, j += 3) {
    const w = words[i];
    data[j] = w & 0xff;
    data[j + 1] = (w >>> 8) & 0xff;
    data[j + 2] = (w >>> 16) & 0xff;
  }
  return { width: frame.width, height: frame.height, channels: 3, data };
}
