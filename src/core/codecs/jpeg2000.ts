import { j2kColour } from './colourModel';
import { readJ2kHeader } from './codestreamHeaders';
import { openJpeg, openJph, runDecoder, type EmscriptenDecoder } from './emscriptenModules';
import { CodecError, failureReason, type CodecOutput, type CompressedFrameInfo } from './types';


async function decodeJ2k(bytes: Uint8Array, info: CompressedFrameInfo, makeDecoder: () => Promise<EmscriptenDecoder>, what: string): Promise<CodecOutput> {
  const header = readJ2kHeader(bytes);
  if (!header) throw new CodecError(`the fragment data is not a ${what} codestream (no SOC and SIZ markers)`);
  const colour = j2kColour(header, info.photometricInterpretation);
  let frameInfo: ReturnType<EmscriptenDecoder['getFrameInfo']> = { width: 0, height: 0, bitsPerSample: 0, componentCount: 0 };
  let decoded: Uint8Array;
  try {
    decoded = runDecoder(await makeDecoder(), bytes, (d) => (frameInfo = d.getFrameInfo()));
  } catch (problem) {
    throw new CodecError(failureReason(problem));
  }
  const warnings = [...colour.warnings];
  if (header.signed !== (info.pixelRepresentation === 1)) {
    warnings.push({ code: 'codestream-sign-mismatch', message: `Pixel Representation is ${info.pixelRepresentation} but the ${what} codestream's samples are ${header.signed ? 'signed' : 'unsigned'}.` });
  }
  return {
    bytes: decoded,
    width: frameInfo.width,
    height: frameInfo.height,
    components: frameInfo.componentCount,
    precision: header.precision,
    signed: header.signed,
    planar: false,
    photometric: colour.photometric,
    warnings,
  };
}

/** JPEG 2000 Part 1 and Part 2 (lossless and lossy) through the OpenJPEG WASM build. */
export const jpeg2000Codec = {
  name: 'JPEG 2000',
  codec: 'jpeg2000' as const,
  wasmNames: ['openjpeg'] as const,
  decode: (bytes: Uint8Array, info: CompressedFrameInfo) => decodeJ2k(bytes, info, async () => new (await openJpeg()).J2KDecoder(), 'JPEG 2000'),
};

/** High-Throughput JPEG 2000 (lossless, RPCL lossless, lossy) through the OpenJPH WASM build. */
export const htj2kCodec = {
  name: 'HTJ2K',
  codec: 'htj2k' as const,
  wasmNames: ['openjph'] as const,
  decode: (bytes: Uint8Array, info: CompressedFrameInfo) => decodeJ2k(bytes, info, async () => new (await openJph()).HTJ2KDecoder(), 'HTJ2K'),
};
