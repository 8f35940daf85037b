import { allocateSamples, type SampleArray } from './storedFrame';

/** How the samples of one frame are laid out in bytes (native encoding, PS3.5 section 8). */
export interface NativeLayout {
  readonly width: number;
  readonly height: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly highBit: number;
  readonly signed: boolean;
  readonly littleEndian: boolean;
  readonly planarConfiguration: 0 | 1;
  /** Native YBR_FULL_422 packs two luminance samples with one chroma pair: Y1 Y2 Cb Cr. */
  readonly ybr422: boolean;
  /** Bit at which the frame starts in the first byte (1-bit data only). */
  readonly bitOffset?: number;
}

/**
 * Turns the bytes of one native frame into interleaved stored values, masked to Bits Stored
 * (from High Bit down) and sign-extended when Pixel Representation is 1.
 */
export function unpackNativeFrame(bytes: Uint8Array, layout: NativeLayout): SampleArray {
  const pixels = layout.width * layout.height;
  const packedCount = layout.ybr422 ? pixels * 2 : pixels * layout.samplesPerPixel;
  const needed = Math.ceil(((layout.bitOffset ?? 0) + packedCount * layout.bitsAllocated) / 8);
  if (bytes.length < needed) throw new RangeError(`Frame data has ${bytes.length} bytes; ${needed} are needed.`);
  const raw = readRawSamples(bytes, layout, packedCount);
  const masked = maskAndExtend(raw, layout);
  if (layout.ybr422) return expandYbr422(masked, layout.width, layout.height);
  if (layout.samplesPerPixel > 1 && layout.planarConfiguration === 1) return interleavePlanes(masked, pixels, layout.samplesPerPixel);
  return masked;
}

/** Raw words as they are in the file (no masking yet), as unsigned integers of the allocated width. */
function readRawSamples(bytes: Uint8Array, layout: NativeLayout, count: number): Uint8Array | Uint16Array | Uint32Array {
  const { bitsAllocated, littleEndian } = layout;
  if (bitsAllocated === 1) {
    // Bits are packed least significant bit first (PS3.5 D.1), frames may start mid-byte.
    const out = new Uint8Array(count);
    const start = layout.bitOffset ?? 0;
    for (let i = 0; i < count; i++) {
      const bit = start + i;
      out[i] = (bytes[bit >> 3] >> (bit & 7)) & 1;
    }
    return out;
  }
  if (bitsAllocated === 8) return bytes.subarray(0, count);
  const size = bitsAllocated / 8;
  // Copying into a fresh buffer gives the alignment typed arrays need; the host is little endian.
  const copy = bytes.slice(0, count * size);
  if (!littleEndian) swapBytes(copy, size);
  return size === 2 ? new Uint16Array(copy.buffer, 0, count) : new Uint32Array(copy.buffer, 0, count);
}

function swapBytes(bytes: Uint8Array, size: number): void {
  if (size === 2) {
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const t = bytes[i];
      bytes[i] = bytes[i + 1];
      bytes[i + 1] = t;
    }
  } else {
    for (let i = 0; i + 3 < bytes.length; i += 4) {
      let t = bytes[i];
      bytes[i] = bytes[i + 3];
      bytes[i + 3] = t;
      t = bytes[i + 1];
      bytes[i + 1] = bytes[i + 2];
      bytes[i + 2] = t;
    }
  }
}

function maskAndExtend(raw: Uint8Array | Uint16Array | Uint32Array, layout: NativeLayout): SampleArray {
  const { bitsStored, bitsAllocated, signed } = layout;
  // A High Bit that would push the stored bits out of the allocated word is ignored.
  const shift = Math.min(Math.max(0, layout.highBit - bitsStored + 1), bitsAllocated - bitsStored);
  if (bitsStored === bitsAllocated && shift === 0 && bitsAllocated > 1) {
    // Full-width samples need no masking; signed ones are the same bytes seen as two's complement.
    const own = raw.BYTES_PER_ELEMENT === 1 ? raw.slice() : raw;
    if (!signed) return own;
    if (own.BYTES_PER_ELEMENT === 1) return new Int8Array(own.buffer, own.byteOffset, own.length);
    if (own.BYTES_PER_ELEMENT === 2) return new Int16Array(own.buffer, own.byteOffset, own.length);
    return new Int32Array(own.buffer, own.byteOffset, own.length);
  }
  const out = allocateSamples(raw.length, bitsStored, signed);
  // Generic path: shift the stored bits down, mask them, then sign-extend from bit bitsStored-1.
  // bitsStored is below 32 here (32 stored bits cannot be shifted), so 32-bit integer maths is exact.
  const mask = (1 << bitsStored) - 1;
  const signBit = 1 << (bitsStored - 1);
  for (let i = 0; i < raw.length; i++) {
    let v = (raw[i] >>> shift) & mask;
    if (signed && v & signBit) v -= 2 * signBit;
    out[i] = v;
  }
  return out;
}

function interleavePlanes(planes: SampleArray, pixels: number, spp: number): SampleArray {
  const out = allocateLike(planes);
  for (let s = 0; s < spp; s++) {
    const base = s * pixels;
    for (let p = 0; p < pixels; p++) out[p * spp + s] = planes[base + p];
  }
  return out;
}

/** Y1 Y2 Cb Cr for each pair of pixels becomes Y1 Cb Cr Y2 Cb Cr (PS3.3 C.7.6.3.1.2). */
function expandYbr422(packed: SampleArray, width: number, height: number): SampleArray {
  const out = new (packed.constructor as new (n: number) => SampleArray)(width * height * 3);
  const pairs = (width * height) >> 1;
  for (let i = 0; i < pairs; i++) {
    const src = i * 4;
    const dst = i * 6;
    const cb = packed[src + 2];
    const cr = packed[src + 3];
    out[dst] = packed[src];
    out[dst + 1] = cb;
    out[dst + 2] = cr;
    out[dst + 3] = packed[src + 1];
    out[dst + 4] = cb;
    out[dst + 5] = cr;
  }
  return out;
}

function allocateLike(a: SampleArray): SampleArray {
  return new (a.constructor as new (n: number) => SampleArray)(a.length);
}
