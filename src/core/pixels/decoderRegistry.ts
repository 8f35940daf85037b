import { compressedFrameDecoders } from '../codecs/frameDecoders';
import { nativeDecoder } from './decoders/native';
import { rleDecoder } from './decoders/rle';
import type { FrameDecoder } from './decoders/types';

/**
 * Transfer syntax UID -> frame decoder. Native and RLE are built in; the compressed syntaxes
 * register themselves with `registerFrameDecoder` (a later registration for a UID wins).
 */
const decoders = new Map<string, FrameDecoder>();

export function registerFrameDecoder(decoder: FrameDecoder): void {
  for (const uid of decoder.transferSyntaxUids) decoders.set(uid, decoder);
}

export function findFrameDecoder(transferSyntaxUid: string): FrameDecoder | undefined {
  return decoders.get(transferSyntaxUid);
}

export function supportedTransferSyntaxes(): string[] {
  return [...decoders.keys()];
}

registerFrameDecoder(nativeDecoder);
registerFrameDecoder(rleDecoder);
// JPEG, JPEG-LS, JPEG 2000 and HTJ2K; each loads its codec on first use.
for (const decoder of compressedFrameDecoders) registerFrameDecoder(decoder);
