import type { PixelCodecName } from '../dictionary/uids';
import type { ImageDescription } from './imageDescription';
import { PixelDataError } from './imageDescription';

/** Default decode limit: 1 GiB of working memory for one frame (setting / --decode-limit-mib). */
export const DEFAULT_DECODE_LIMIT_MIB = 1024;

/**
 * How many bytes of decoded data one byte of each codestream can hold at most, where the
 * format bounds it: an RLE replicate run is 2 bytes for 128 (PS3.5 G.3.1), a lossless JPEG
 * sample costs at least one bit of Huffman code for at most 16 bits of value. JPEG (DCT),
 * JPEG-LS run mode and JPEG 2000 have no useful bound, so only the limit applies to them.
 */
const MAX_EXPANSION: Partial<Record<PixelCodecName, number>> = { rle: 64, 'jpeg-lossless': 16 };

/**
 * Copies of the decoded frame alive at once while it is decoded: native data is read then
 * unpacked; RLE fills planes then interleaves them; a WASM codec decodes into its heap, the
 * result is copied out and then unpacked.
 */
const PEAK_COPIES: Record<PixelCodecName, number> = { native: 2, rle: 2, 'jpeg-dct': 3, 'jpeg-lossless': 3, 'jpeg-ls': 3, jpeg2000: 3, htj2k: 3 };

/** Decoded bytes of one frame: every sample in the smallest word that holds Bits Stored. */
export function decodedFrameBytes(image: ImageDescription): number {
  const bytesPerSample = image.bitsStored <= 8 ? 1 : image.bitsStored <= 16 ? 2 : 4;
  return image.rows * image.columns * image.samplesPerPixel * bytesPerSample;
}

function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.ceil(bytes / 1024 ** 2)} MiB`;
}

/**
 * Checks, before anything is read or allocated, that frame `index`'s working memory stays
 * within `limitMiB`. Throws PixelDataError (code frame-over-decode-limit) otherwise.
 */
export function checkDecodeLimit(image: ImageDescription, codec: PixelCodecName, limitMiB: number, index: number): void {
  const peak = decodedFrameBytes(image) * PEAK_COPIES[codec];
  if (peak > limitMiB * 1024 * 1024) {
    throw new PixelDataError(
      `Frame ${index + 1} is ${shapeOf(image)}: decoding it needs about ${mib(peak)}, over the decode limit of ${mib(limitMiB * 1024 * 1024)} (setting dicomInspector.decodeLimitMiB, option --decode-limit-mib).`,
      'frame-over-decode-limit',
    );
  }
}

/**
 * Checks, before decoding, that the `encodedBytes` present can hold the decoded frame where the
 * codec bounds the ratio. Throws PixelDataError (code frame-larger-than-data) otherwise.
 */
export function checkDataSuffices(image: ImageDescription, codec: PixelCodecName, encodedBytes: number, index: number): void {
  const decoded = decodedFrameBytes(image);
  const ratio = MAX_EXPANSION[codec];
  if (ratio !== undefined && decoded > encodedBytes * ratio) {
    throw new PixelDataError(
      `Frame ${index + 1} is ${shapeOf(image)} (${decoded} bytes decoded), but its ${encodedBytes} bytes of ${codec} data can hold at most ${encodedBytes * ratio}: the declared size does not match the data.`,
      'frame-larger-than-data',
    );
  }
}

function shapeOf(image: ImageDescription): string {
  return `${image.columns} × ${image.rows} pixels × ${image.samplesPerPixel} sample(s) of ${image.bitsStored} bits`;
}
