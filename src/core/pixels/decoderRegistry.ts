import { compressedFrameDecoders } from '../codecs/frameDecoders';
import { transferSyntax, type PixelCodecName } from '../dictionary/uids';
import { nativeDecoder } from './decoders/native';
import { rleDecoder } from './decoders/rle';
import type { FrameDecoder } from './decoders/types';

/**
 * Frame decoders by codec name. Which syntax uses which decoder is a column of the one
 * transfer-syntax registry (src/core/dictionary/uids-transfer.ts), not a list kept here.
 */
const DECODERS: ReadonlyMap<PixelCodecName, FrameDecoder> = new Map([nativeDecoder, rleDecoder, ...compressedFrameDecoders].map((d) => [d.codec, d]));

/** The decoder for a transfer syntax, or in words why there is none. */
export function findFrameDecoder(transferSyntaxUid: string): FrameDecoder | { readonly unsupported: string } {
  const pixels = transferSyntax(transferSyntaxUid)?.pixels;
  if (pixels === undefined) return { unsupported: 'it is not a transfer syntax of the DICOM standard' };
  if (typeof pixels !== 'string') return pixels;
  const decoder = DECODERS.get(pixels);
  return decoder ?? { unsupported: `no decoder is registered for ${pixels}` };
}
