import { lookup, type LookupTable } from './lutData';
import type { Palette } from './palette';
import type { StoredFrame } from './storedFrame';

/**
 * Colour frames to 8-bit RGB (three bytes per pixel). The arithmetic follows DCMTK's dcmimage
 * (integer truncation, the same YCbCr coefficients) so `render` agrees with `dcmj2pnm`.
 */
export function colourToRgb8(frame: StoredFrame, palette?: Palette): Uint8Array {
  switch (frame.photometric) {
    case 'RGB':
      return scaleTo8(frame);
    case 'YBR_FULL':
      return ybrFullToRgb8(scaleTo8(frame));
    case 'YBR_FULL_422':
      return ybrToRgb8Exact(scaleTo8(frame));
    case 'PALETTE COLOR':
      if (!palette) throw new Error('PALETTE COLOR image without a palette.');
      return paletteToRgb8(frame, palette);
    default:
      throw new Error(`Photometric Interpretation ${frame.photometric} cannot be shown in colour.`);
  }
}

/** Samples of any depth to 0..255: deeper samples lose their low bits, shallower ones are stretched. */
function scaleTo8(frame: StoredFrame): Uint8Array {
  const s = frame.samples;
  const bits = frame.bitsStored;
  if (bits === 8 && !frame.signed && s instanceof Uint8Array) return s;
  const out = new Uint8Array(s.length);
  // Signed colour samples are shown by moving them into the unsigned range first.
  const offset = frame.signed ? 2 ** (bits - 1) : 0;
  if (bits > 8) {
    const div = 2 ** (bits - 8);
    for (let i = 0; i < s.length; i++) out[i] = Math.floor((s[i] + offset) / div);
  } else {
    const gain = 255 / (2 ** bits - 1);
    for (let i = 0; i < s.length; i++) out[i] = Math.floor((s[i] + offset) * gain);
  }
  return out;
}

/** YBR_FULL (PS3.3 C.7.6.3.1.2) to RGB, as DCMTK does it for 8-bit data: per-term tables, truncated. */
export function ybrFullToRgb8(ybr: Uint8Array): Uint8Array {
  const rcr = new Int16Array(256);
  const gcb = new Int16Array(256);
  const gcr = new Int16Array(256);
  const bcb = new Int16Array(256);
  for (let l = 0; l < 256; l++) {
    rcr[l] = Math.trunc(1.402 * l - 0.701 * 255);
    gcb[l] = Math.trunc(0.3441 * l);
    gcr[l] = Math.trunc(0.7141 * l - 0.5291 * 255);
    bcb[l] = Math.trunc(1.772 * l - 0.8859 * 255);
  }
  const out = new Uint8Array(ybr.length);
  for (let i = 0; i + 2 < ybr.length; i += 3) {
    const y = ybr[i];
    const cb = ybr[i + 1];
    const cr = ybr[i + 2];
    out[i] = clamp255(y + rcr[cr]);
    out[i + 1] = clamp255(y - gcb[cb] - gcr[cr]);
    out[i + 2] = clamp255(y + bcb[cb]);
  }
  return out;
}

/**
 * The same conversion in floating point, truncated once: DCMTK takes this path for 4:2:2 data,
 * and the per-term tables above can differ from it by up to two levels.
 */
export function ybrToRgb8Exact(ybr: Uint8Array): Uint8Array {
  const out = new Uint8Array(ybr.length);
  for (let i = 0; i + 2 < ybr.length; i += 3) {
    const y = ybr[i];
    const cb = ybr[i + 1];
    const cr = ybr[i + 2];
    out[i] = clamp255(Math.trunc(y + 1.402 * cr - 0.701 * 255));
    out[i + 1] = clamp255(Math.trunc(y - 0.3441 * cb - 0.7141 * cr + 0.5291 * 255));
    out[i + 2] = clamp255(Math.trunc(y + 1.772 * cb - 0.8859 * 255));
  }
  return out;
}

function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

function paletteToRgb8(frame: StoredFrame, palette: Palette): Uint8Array {
  const channels = [palette.red, palette.green, palette.blue].map(toEightBitTable);
  const s = frame.samples;
  const out = new Uint8Array(s.length * 3);
  for (let i = 0; i < s.length; i++) {
    const v = s[i];
    for (let c = 0; c < 3; c++) {
      const t = channels[c];
      const k = v - t.first;
      out[i * 3 + c] = t.table[k <= 0 ? 0 : k >= t.table.length ? t.table.length - 1 : k];
    }
  }
  return out;
}

/** A palette channel reduced to 8 bits once, so the per-pixel loop is a plain lookup. */
function toEightBitTable(lut: LookupTable): { first: number; table: Uint8Array } {
  const shift = Math.max(0, lut.bits - 8);
  const table = new Uint8Array(lut.entries.length);
  for (let i = 0; i < table.length; i++) table[i] = lookup(lut, lut.firstMapped + i) >> shift;
  return { first: lut.firstMapped, table };
}
