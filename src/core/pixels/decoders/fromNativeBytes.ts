import type { ImageDescription } from '../imageDescription';
import { unpackNativeFrame } from '../nativeUnpack';
import type { StoredFrame } from '../storedFrame';

/** What a decoder's output differs in from the file's Image Pixel Module. */
export interface NativeOverrides {
  readonly littleEndian?: boolean;
  readonly planarConfiguration?: 0 | 1;
  readonly photometric?: string;
  readonly bitsAllocated?: number;
  readonly bitOffset?: number;
}

/**
 * Builds a StoredFrame from bytes in native layout. Decoders whose codec hands back plain
 * sample bytes (RLE, and the compressed syntaxes) finish through here, so masking, sign
 * extension and plane interleaving live in one place.
 */
export function storedFrameFromNativeBytes(bytes: Uint8Array, image: ImageDescription, overrides: NativeOverrides = {}): StoredFrame {
  const photometric = overrides.photometric ?? image.photometric;
  const ybr422 = photometric === 'YBR_FULL_422';
  const samples = unpackNativeFrame(bytes, {
    width: image.columns,
    height: image.rows,
    samplesPerPixel: image.samplesPerPixel,
    bitsAllocated: overrides.bitsAllocated ?? image.bitsAllocated,
    bitsStored: image.bitsStored,
    highBit: image.highBit,
    signed: image.signed,
    littleEndian: overrides.littleEndian ?? image.transferSyntax.littleEndian,
    planarConfiguration: overrides.planarConfiguration ?? image.planarConfiguration,
    ybr422,
    bitOffset: overrides.bitOffset,
  });
  return {
    width: image.columns,
    height: image.rows,
    samplesPerPixel: image.samplesPerPixel,
    // 4:2:2 samples are expanded to one triplet per pixel; the name is kept for the colour step.
    photometric,
    bitsStored: image.bitsStored,
    signed: image.signed,
    samples,
  };
}
