import type { SampleArray } from '../pixels/storedFrame';
import { modalityKey, modalityValue, type ModalityTransform } from './modality';
import { voiGrey8, type Voi } from './voi';

/** Stored ranges up to this many values get a lookup table; wider ones are computed per pixel. */
const MAX_TABLE_ENTRIES = 1 << 20;

export interface GreyscaleParams {
  readonly modality: ModalityTransform;
  readonly voi: Voi;
  /** MONOCHROME1, or the user's invert (the two cancel out). */
  readonly inverted: boolean;
}

function voiKey(voi: Voi): string {
  return voi.kind === 'window' ? `w${voi.center}/${voi.width}/${voi.fn}` : `l${voi.lut.firstMapped}/${voi.lut.entries.length}/${voi.lut.bits}`;
}

/**
 * Modality -> VOI -> presentation -> 8-bit grey as one table indexed by stored value. The table
 * is rebuilt only when the parameters (window center/width, function, inversion, rescale) or
 * the stored range change, so dragging the window costs one table and one pass over the pixels.
 */
export class GreyscaleTable {
  private key = '';
  private table = new Uint8Array(0);
  /** The same table as opaque RGBA words (little-endian canvas byte order), for the viewer. */
  private rgba = new Uint32Array(0);
  private first = 0;
  /** How many times the table was built (the tests check it is not rebuilt needlessly). */
  builds = 0;

  /** Writes the grey value of every sample into `out` (one byte per pixel). */
  apply(samples: SampleArray, storedMin: number, storedMax: number, params: GreyscaleParams, out: Uint8Array): Uint8Array {
    const entries = storedMax - storedMin + 1;
    if (entries > MAX_TABLE_ENTRIES) return applyDirect(samples, params, out);
    this.ensure(storedMin, storedMax, params);
    const table = this.table;
    const first = this.first;
    const last = table.length - 1;
    for (let i = 0; i < samples.length; i++) {
      const k = samples[i] - first;
      out[i] = table[k < 0 ? 0 : k > last ? last : k];
    }
    return out;
  }

  /**
   * Writes opaque grey RGBA words straight into a canvas buffer: one pass and no intermediate
   * grey image, which matters for 4096 x 4096 frames.
   */
  applyRgba(samples: SampleArray, storedMin: number, storedMax: number, params: GreyscaleParams, out: Uint32Array): void {
    if (storedMax - storedMin + 1 > MAX_TABLE_ENTRIES) {
      const grey = applyDirect(samples, params, new Uint8Array(samples.length));
      for (let i = 0; i < grey.length; i++) out[i] = rgbaWord(grey[i]);
      return;
    }
    this.ensure(storedMin, storedMax, params);
    const rgba = this.rgba;
    const first = this.first;
    const last = rgba.length - 1;
    for (let i = 0; i < samples.length; i++) {
      const k = samples[i] - first;
      out[i] = rgba[k < 0 ? 0 : k > last ? last : k];
    }
  }

  /**
   * The RGBA table for these parameters (index = stored value - first), or null when the stored
   * range is too wide for a table. The viewer samples only the pixels on screen through it.
   */
  rgbaTable(storedMin: number, storedMax: number, params: GreyscaleParams): { table: Uint32Array; first: number } | null {
    if (storedMax - storedMin + 1 > MAX_TABLE_ENTRIES) return null;
    this.ensure(storedMin, storedMax, params);
    return { table: this.rgba, first: this.first };
  }

  /** Grey value of one stored value with the current parameters (for the cursor readout). */
  greyOf(stored: number, params: GreyscaleParams): number {
    return voiGrey8(params.voi, modalityValue(params.modality, stored), params.inverted);
  }

  private ensure(storedMin: number, storedMax: number, params: GreyscaleParams): void {
    const key = `${storedMin}:${storedMax}:${modalityKey(params.modality)}:${voiKey(params.voi)}:${params.inverted}`;
    if (key === this.key) return;
    const table = new Uint8Array(storedMax - storedMin + 1);
    for (let i = 0; i < table.length; i++) {
      table[i] = voiGrey8(params.voi, modalityValue(params.modality, storedMin + i), params.inverted);
    }
    this.table = table;
    this.rgba = new Uint32Array(table.length);
    for (let i = 0; i < table.length; i++) this.rgba[i] = rgbaWord(table[i]);
    this.first = storedMin;
    this.key = key;
    this.builds++;
  }
}

/** Grey level as an opaque RGBA word: bytes R, G, B, A in memory on little-endian hosts. */
function rgbaWord(grey: number): number {
  return (0xff000000 | (grey * 0x010101)) >>> 0;
}

function applyDirect(samples: SampleArray, params: GreyscaleParams, out: Uint8Array): Uint8Array {
  for (let i = 0; i < samples.length; i++) {
    out[i] = voiGrey8(params.voi, modalityValue(params.modality, samples[i]), params.inverted);
  }
  return out;
}
