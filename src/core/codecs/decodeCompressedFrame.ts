import { transferSyntax } from '../dictionary/uids';
import { unpackNativeFrame } from '../pixels/nativeUnpack';
import { chooseCodec } from './codestreamFamily';
import { findCodestreamDamage } from './codestreamDamage';
import { readJ2kHeader, readJpegHeader } from './codestreamHeaders';
import { htj2kCodec, jpeg2000Codec } from './jpeg2000';
import { jpegDctCodec } from './jpegDct';
import { jpegLosslessCodec } from './jpegLossless';
import { jpegLsCodec } from './jpegLs';
import { CodecError, failureReason, type CodecOutput, type CompressedCodec, type CompressedFrameInfo, type DecodedCompressedFrame } from './types';

/** Every compressed-frame codec, one per family of transfer syntaxes. */
export const COMPRESSED_CODECS: readonly CompressedCodec[] = [jpegDctCodec, jpegLosslessCodec, jpegLsCodec, jpeg2000Codec, htj2kCodec];

/** The compressed codec the transfer-syntax registry names for this syntax, if any. */
export function compressedCodecFor(transferSyntaxUid: string): CompressedCodec | undefined {
  const pixels = transferSyntax(transferSyntaxUid)?.pixels;
  return COMPRESSED_CODECS.find((codec) => codec.codec === pixels);
}

/**
 * Decodes one compressed frame (the joined fragments of that frame) to stored values, masked
 * to Bits Stored and sign-extended as the header says. Throws CodecError naming the transfer
 * syntax and why when the data cannot be decoded.
 */
export async function decodeCompressedFrame(transferSyntaxUid: string, frameBytes: Uint8Array, info: CompressedFrameInfo): Promise<DecodedCompressedFrame> {
  const declared = compressedCodecFor(transferSyntaxUid);
  if (!declared) throw new CodecError(`Transfer syntax ${transferSyntaxUid} is not a compressed syntax this viewer decodes.`);
  const choice = chooseCodec(declared, frameBytes);
  const what = `${declared.name} (${transferSyntaxUid}) frame cannot be decoded`;
  // Before the codec allocates anything: the codestream's own size must be the header's.
  checkDeclaredSize(choice.bytes, info, what);
  // The codecs rarely say where a codestream is broken; the marker walk finds the first
  // broken segment. A JP2 wrapper cut off the front is counted back in, so offsets count from
  // the start of the frame's data.
  const damaged = (): CodecError | undefined => {
    const damage = findCodestreamDamage(choice.bytes);
    return damage && new CodecError(`${what}: ${damage.message}.`, damage.offset + (frameBytes.length - choice.bytes.length));
  };
  if (choice.codec.needsWholeCodestream) {
    const refused = damaged();
    if (refused) throw refused;
  }
  let out: CodecOutput;
  try {
    out = await choice.codec.decode(choice.bytes, info, transferSyntaxUid);
  } catch (problem) {
    throw damaged() ?? new CodecError(`${what}: ${failureReason(problem)}.`);
  }
  checkShape(out, info, what);
  const warnings = [...choice.warnings, ...out.warnings];
  if (!endsWithEndMarker(frameBytes)) {
    warnings.push({ code: 'codestream-no-end-marker', message: 'The codestream does not end with its end marker (FFD9): the frame may be incomplete.' });
  }
  if (out.precision > info.bitsStored) {
    warnings.push({ code: 'codestream-precision-above-bits-stored', message: `The codestream has ${out.precision}-bit samples but Bits Stored is ${info.bitsStored}; values were masked to Bits Stored.` });
  }
  const signed = info.pixelRepresentation === 1;
  // Codecs return bytes up to 8 bits and 16-bit words above; values keep the header's Bits
  // Stored (and so its sign bit) unless the codestream cannot hold that many bits.
  const container = out.precision <= 8 ? 8 : 16;
  const bitsStored = Math.min(info.bitsStored, container);
  const pixels = unpackNativeFrame(out.bytes, {
    width: out.width,
    height: out.height,
    samplesPerPixel: out.components,
    bitsAllocated: container,
    bitsStored,
    highBit: bitsStored - 1,
    signed,
    littleEndian: true,
    planarConfiguration: out.planar ? 1 : 0,
    ybr422: false,
  });
  return {
    pixels,
    width: out.width,
    height: out.height,
    samplesPerPixel: out.components,
    bitsStored,
    signed,
    photometricInterpretation: out.photometric,
    warnings,
  };
}

function checkDeclaredSize(bytes: Uint8Array, info: CompressedFrameInfo, what: string): void {
  const jpeg = readJpegHeader(bytes);
  const j2k = jpeg ? undefined : readJ2kHeader(bytes);
  const size = jpeg ? { columns: jpeg.columns, rows: jpeg.rows, components: jpeg.componentIds.length } : j2k;
  if (!size) return;
  // JPEG may give 0 rows and the height later in a DNL marker.
  if (size.columns !== info.columns || (size.rows !== info.rows && size.rows !== 0)) {
    throw new CodecError(`${what}: the codestream is ${size.columns} × ${size.rows} pixels but Columns × Rows is ${info.columns} × ${info.rows}; nothing was decoded.`);
  }
  if (size.components !== info.samplesPerPixel) {
    throw new CodecError(`${what}: the codestream has ${size.components} components but Samples per Pixel is ${info.samplesPerPixel}; nothing was decoded.`);
  }
}

function checkShape(out: CodecOutput, info: CompressedFrameInfo, what: string): void {
  const fail = (reason: string) => new CodecError(`${what}: ${reason}.`);
  if (out.precision > 16) throw fail(`the codestream has ${out.precision}-bit samples; at most 16 bits are supported`);
  if (out.width === 0 || out.height === 0) throw fail('the decoder could not read the codestream (corrupt data)');
  if (out.width !== info.columns || out.height !== info.rows) {
    throw fail(`the codestream is ${out.width} × ${out.height} pixels but Columns × Rows is ${info.columns} × ${info.rows}`);
  }
  if (out.components !== info.samplesPerPixel) {
    throw fail(`the codestream has ${out.components} components but Samples per Pixel is ${info.samplesPerPixel}`);
  }
  const expected = out.width * out.height * out.components * (out.precision <= 8 ? 1 : 2);
  if (out.bytes.length < expected) throw fail(`the decoder returned ${out.bytes.length} bytes where ${expected} were expected`);
}

/**
 * JPEG, JPEG-LS and JPEG 2000 codestreams all end with FFD9 (EOI / EOC). Writers pad odd
 * lengths with a byte after it (00, some FF) and a few add more zeros.
 */
export function endsWithEndMarker(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const at = (k: number) => end >= k + 2 && bytes[end - k - 2] === 0xff && bytes[end - k - 1] === 0xd9;
  return at(0) || at(1);
}
