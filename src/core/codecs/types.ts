import type { PixelCodecName } from '../dictionary/uids';
import type { SampleArray } from '../pixels/storedFrame';
import type { WasmName } from './wasmSource';

/**
 * Something a codec noticed while decoding a frame it could still decode (the codestream and
 * the header disagree, the data is padded oddly...). `code` is stable; `message` is for people.
 */
export interface CodecWarning {
  readonly code: string;
  readonly message: string;
}

/** What the Image Pixel Module says about a frame; codecs check the codestream against it. */
export interface CompressedFrameInfo {
  readonly rows: number;
  readonly columns: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  /** 0 unsigned, 1 two's complement. */
  readonly pixelRepresentation: number;
  readonly photometricInterpretation: string;
  readonly planarConfiguration: number;
}

/**
 * One decoded frame as the codec produced it: little-endian sample bytes (one byte per sample
 * for precisions up to 8 bits, two above), interleaved unless `planar` says otherwise.
 */
export interface CodecOutput {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly components: number;
  /** Bits per sample in the codestream. */
  readonly precision: number;
  readonly signed: boolean;
  readonly planar: boolean;
  /** Colour model of `bytes` (for example RGB after the codec undid a YCbCr or MCT transform). */
  readonly photometric: string;
  readonly warnings: readonly CodecWarning[];
}

/** A decoded frame: stored values masked and sign-extended, samples of a pixel side by side. */
export interface DecodedCompressedFrame {
  readonly pixels: SampleArray;
  readonly width: number;
  readonly height: number;
  readonly samplesPerPixel: number;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly photometricInterpretation: string;
  readonly warnings: readonly CodecWarning[];
}

/** Decodes one codestream; `transferSyntaxUid` tells which of the family's syntaxes it is. */
export interface CompressedCodec {
  readonly name: string;
  /** The registry's name for this decoder (the `pixels` column of uids-transfer.ts). */
  readonly codec: PixelCodecName;
  /** Names of the WASM binaries the codec loads, for hosts that supply them (see wasmSource). */
  readonly wasmNames: readonly WasmName[];
  /**
   * True when the codec cannot use a damaged codestream: it is then refused from the marker
   * walk without decoding (CharLS spends minutes on a truncated stream before it gives up).
   */
  readonly needsWholeCodestream?: boolean;
  decode(bytes: Uint8Array, info: CompressedFrameInfo, transferSyntaxUid: string): Promise<CodecOutput>;
}

/**
 * Compressed data that cannot be decoded; the message names the transfer syntax and the reason,
 * and `codestreamOffset` the byte of the frame's codestream where the problem is, when known.
 */
export class CodecError extends Error {
  override readonly name = 'CodecError';
  constructor(message: string, readonly codestreamOffset?: number) {
    super(message);
  }
}

/**
 * Why a codec call failed, in words. The WASM builds throw C++ exceptions as bare numbers (a
 * pointer into their heap, with no message exported), so those get a generic reason.
 */
export function failureReason(problem: unknown): string {
  if (typeof problem === 'number') return 'the decoder rejected the codestream (corrupt or truncated data, or a feature the codec does not support)';
  return problem instanceof Error ? problem.message : String(problem);
}
