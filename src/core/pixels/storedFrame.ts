import type { PartialFrame } from './partialFrame';
import type { Issue } from '../model';

/** Typed arrays a decoded frame's samples can live in (chosen by bits stored and sign). */
export type SampleArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/**
 * One decoded frame: the stored values, masked to Bits Stored and sign-extended, samples of a
 * pixel side by side (interleaved) whatever the file's planar configuration was.
 */
export interface StoredFrame {
  readonly width: number;
  readonly height: number;
  readonly samplesPerPixel: number;
  /**
   * Colour model of `samples`. Usually the file's Photometric Interpretation; a decoder that
   * converts colour itself (for example a JPEG decoder returning RGB) reports what it produced.
   * YBR_FULL_422 frames are already expanded to one Y Cb Cr triplet per pixel.
   */
  readonly photometric: string;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly samples: SampleArray;
  /** Set when the frame's bytes end early (read with `allowPartial`): which rows are missing. */
  readonly partial?: PartialFrame;
  /** What the decoder noticed about this frame's data (it was still decoded), with offsets. */
  readonly warnings?: readonly Issue[];
}

/** The smallest typed array that holds `count` values of this many bits and sign. */
export function allocateSamples(count: number, bits: number, signed: boolean): SampleArray {
  if (bits <= 8) return signed ? new Int8Array(count) : new Uint8Array(count);
  if (bits <= 16) return signed ? new Int16Array(count) : new Uint16Array(count);
  return signed ? new Int32Array(count) : new Uint32Array(count);
}

/** Smallest and largest stored value a frame can hold, from Bits Stored and sign. */
export function storedRange(bitsStored: number, signed: boolean): { min: number; max: number } {
  return signed ? { min: -(2 ** (bitsStored - 1)), max: 2 ** (bitsStored - 1) - 1 } : { min: 0, max: 2 ** bitsStored - 1 };
}

/** Stored values that are padding, not image (Pixel Padding Value and Range Limit, PS3.3 C.7.5.1.1.2). */
export interface StoredRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Smallest and largest sample actually present (over all samples of the frame), leaving out
 * the `padding` range when given; { 0, 0 } when no sample counts.
 */
export function sampleMinMax(samples: SampleArray, padding?: StoredRange): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const low = padding?.min ?? Infinity;
  const high = padding?.max ?? -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i];
    if (v >= low && v <= high) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? { min: 0, max: 0 } : { min, max };
}
