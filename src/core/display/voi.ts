import { lookup, type LookupTable } from '../pixels/lutData';

/** VOI LUT Function (0028,1056) values this pipeline implements (PS3.3 C.11.2.1.2-3). */
export type VoiFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

export interface WindowVoi {
  readonly kind: 'window';
  readonly center: number;
  readonly width: number;
  readonly fn: VoiFunction;
}

export interface LutVoi {
  readonly kind: 'lut';
  readonly lut: LookupTable;
}

export type Voi = WindowVoi | LutVoi;

/** Far below one grey level, far above double rounding error at these magnitudes. */
const EPSILON = 1e-7;

export class WindowError extends Error {
  override readonly name = 'WindowError';
}

/** Throws WindowError when the window cannot be used (width zero, negative or not a number). */
export function checkWindow(center: number, width: number, fn: VoiFunction = 'LINEAR'): void {
  if (!Number.isFinite(center)) throw new WindowError(`Window center ${center} is not a number.`);
  if (!Number.isFinite(width)) throw new WindowError(`Window width ${width} is not a number.`);
  // LINEAR needs a width of at least 1 (C.11.2.1.2.1); LINEAR_EXACT and SIGMOID need it above 0.
  if (fn === 'LINEAR' ? width < 1 : width <= 0) throw new WindowError(`Window width ${width} is not allowed for ${fn}.`);
}

export function parseVoiFunction(text: string | undefined): VoiFunction {
  const t = (text ?? '').trim().toUpperCase();
  return t === 'LINEAR_EXACT' || t === 'SIGMOID' ? t : 'LINEAR';
}

/**
 * Where a modality value falls in the output range, 0 (lowest) to 1 (highest), by the
 * formulas of PS3.3 C.11.2.1.2 (LINEAR, SIGMOID) and C.11.2.1.3.2 (LINEAR_EXACT), or by the
 * VOI LUT (its entry divided by the largest value its bit depth holds).
 */
export function voiFraction(voi: Voi, x: number): number {
  if (voi.kind === 'lut') return lookup(voi.lut, Math.round(x)) / (2 ** voi.lut.bits - 1);
  const { center: c, width: w } = voi;
  switch (voi.fn) {
    case 'LINEAR': {
      if (x <= c - 0.5 - (w - 1) / 2) return 0;
      if (x > c - 0.5 + (w - 1) / 2) return 1;
      return (x - (c - 0.5)) / (w - 1) + 0.5;
    }
    case 'LINEAR_EXACT': {
      if (x <= c - w / 2) return 0;
      if (x > c + w / 2) return 1;
      return (x - c) / w + 0.5;
    }
    case 'SIGMOID':
      return 1 / (1 + Math.exp((-4 * (x - c)) / w));
  }
}

/**
 * 8-bit grey of modality value `x`. LINEAR is evaluated in DCMTK's algebraic form
 * (offset + x * gradient) and truncated as DCMTK does, plus a tiny epsilon so that values the
 * exact formula puts on a whole grey level (212.99999... for 213) are not lost to rounding.
 */
export function voiGrey8(voi: Voi, x: number, inverted: boolean): number {
  if (voi.kind === 'window' && voi.fn === 'LINEAR') {
    const low = inverted ? 255 : 0;
    const high = inverted ? 0 : 255;
    const { center: c, width: w } = voi;
    if (x <= c - 0.5 - (w - 1) / 2) return low;
    if (x > c - 0.5 + (w - 1) / 2) return high;
    const range = high - low;
    const offset = high - ((c - 0.5) / (w - 1) + 0.5) * range;
    const v = Math.trunc(offset + x * (range / (w - 1)) + EPSILON);
    return v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return toGrey8(voiFraction(voi, x), inverted);
}

/**
 * 8-bit output of the fraction; MONOCHROME1 (or the user's invert) swaps the ends. Truncation,
 * not rounding, as DCMTK does, so rendered frames agree with dcmj2pnm.
 */
export function toGrey8(fraction: number, inverted: boolean): number {
  const low = inverted ? 255 : 0;
  const high = inverted ? 0 : 255;
  const v = Math.trunc(low + fraction * (high - low) + EPSILON);
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** The window that maps the smallest value to black and the largest to white. */
export function minMaxWindow(min: number, max: number): WindowVoi {
  return { kind: 'window', center: (min + max + 1) / 2, width: Math.max(1, max - min + 1), fn: 'LINEAR' };
}
