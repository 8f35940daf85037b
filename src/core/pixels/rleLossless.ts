/**
 * RLE Lossless (PS3.5 Annex G). Written here because no small maintained package decodes it on
 * its own (cornerstone's decoder ships inside its whole image loader), and it is ~80 lines.
 *
 * A frame is a 64-byte header (segment count, then 15 segment offsets, little endian) followed
 * by PackBits segments: one per byte of each sample, most significant byte first, sample by
 * sample. The output is the frame in native layout with planar configuration 1 and little
 * endian byte order, ready for `unpackNativeFrame`.
 */
export interface RleFrameShape {
  readonly pixels: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
}

/** A frame that is not valid RLE; `codestreamOffset` is where in the frame's bytes the problem lies. */
export class RleError extends Error {
  override readonly name = 'RleError';
  constructor(message: string, readonly codestreamOffset?: number) {
    super(message);
  }
}

export function decodeRleFrame(data: Uint8Array, shape: RleFrameShape): Uint8Array {
  if (shape.bitsAllocated % 8 !== 0) throw new RleError(`RLE with Bits Allocated ${shape.bitsAllocated} is not supported.`);
  if (data.length < 64) throw new RleError(`RLE frame is ${data.length} bytes, shorter than its 64-byte header.`, 0);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const segmentCount = view.getUint32(0, true);
  const bytesPerSample = shape.bitsAllocated / 8;
  const expected = bytesPerSample * shape.samplesPerPixel;
  if (segmentCount !== expected) {
    throw new RleError(`RLE header lists ${segmentCount} segments; ${shape.samplesPerPixel} samples of ${shape.bitsAllocated} bits need ${expected}.`, 0);
  }
  const offsets: number[] = [];
  for (let i = 0; i < segmentCount; i++) offsets.push(view.getUint32(4 + i * 4, true));
  const ends = offsets.map((start, seg) => (seg + 1 < segmentCount ? offsets[seg + 1] : data.length));
  // Every segment is checked before the frame is allocated: its place in the data, and that
  // its bytes can decode to a whole plane (a replicate run turns 2 bytes into at most 128).
  for (let seg = 0; seg < segmentCount; seg++) {
    const start = offsets[seg];
    const end = ends[seg];
    if (start < 64 || start > data.length || end < start || end > data.length) {
      throw new RleError(`RLE segment ${seg + 1} has offset ${start}, outside the frame of ${data.length} bytes.`, 4 + seg * 4);
    }
    const most = Math.ceil((end - start) / 2) * 128;
    if (most < shape.pixels) {
      throw new RleError(`RLE segment ${seg + 1} (frame offset ${start}) has ${end - start} bytes, which decode to at most ${most}; the frame needs ${shape.pixels}.`, start);
    }
  }
  const out = new Uint8Array(shape.pixels * expected);
  for (let seg = 0; seg < segmentCount; seg++) {
    const sample = Math.floor(seg / bytesPerSample);
    const byteInSample = bytesPerSample - 1 - (seg % bytesPerSample); // segments go MSB first
    const planeBase = sample * shape.pixels * bytesPerSample + byteInSample;
    unpackBits(data, offsets[seg], ends[seg], out, planeBase, bytesPerSample, shape.pixels, seg + 1);
  }
  return out;
}

/** PackBits into every `stride`-th byte of `out` starting at `base`, exactly `count` bytes. */
function unpackBits(src: Uint8Array, start: number, end: number, out: Uint8Array, base: number, stride: number, count: number, segment: number): void {
  let i = start;
  let n = 0;
  while (n < count && i < end) {
    const header = src[i++];
    if (header < 128) {
      // Literal run of header + 1 bytes.
      const run = Math.min(header + 1, count - n, end - i);
      for (let k = 0; k < run; k++) out[base + (n++) * stride] = src[i + k];
      i += header + 1;
    } else if (header > 128) {
      // Replicate the next byte 257 - header times.
      if (i >= end) break;
      const value = src[i++];
      const run = Math.min(257 - header, count - n);
      for (let k = 0; k < run; k++) out[base + (n++) * stride] = value;
    }
    // 128 is a no-op.
  }
  if (n < count) throw new RleError(`RLE segment ${segment} decodes to ${n} bytes; ${count} are needed.`, start);
}
