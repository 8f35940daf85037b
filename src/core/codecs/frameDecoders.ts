import type { EncodedFrame, FrameDecoder } from '../pixels/decoders/types';
import { locateEncapsulatedFrame } from '../pixels/encapsulatedFrames';
import { PixelDataError, type ImageDescription } from '../pixels/imageDescription';
import type { StoredFrame } from '../pixels/storedFrame';
import { COMPRESSED_CODECS, decodeCompressedFrame } from './decodeCompressedFrame';
import type { Issue } from '../model';
import { hex } from '../parse/errors';
import { fileOffsetOf } from '../pixels/codestreamOffset';
import { CodecError, type CodecWarning, type CompressedCodec, type CompressedFrameInfo } from './types';

/** A decoded compressed frame; `warnings` say where the codestream and the header disagree. */
export interface CompressedStoredFrame extends StoredFrame {
  readonly warnings: readonly Issue[];
}

/** A codec's warning as a problem of the file, placed at the frame's first fragment. */
function asIssue(warning: CodecWarning, offset: number, index: number): Issue {
  return { code: warning.code, severity: 'warning', offset, tag: '7FE00010', keyword: 'PixelData', message: `Frame ${index + 1} (fragment at ${hex(offset)}): ${warning.message}` };
}

function frameDecoderFor(codec: CompressedCodec): FrameDecoder {
  return {
    name: codec.name,
    codec: codec.codec,
    encapsulated: true,
    locateFrame: locateEncapsulatedFrame,
    decode: (frame: EncodedFrame, image: ImageDescription) => decodeStoredFrame(frame, image),
  };
}

/** What a codec needs to know of the image, from the header's Image Pixel module. */
export function compressedFrameInfo(image: ImageDescription): CompressedFrameInfo {
  return {
    rows: image.rows,
    columns: image.columns,
    samplesPerPixel: image.samplesPerPixel,
    bitsAllocated: image.bitsAllocated,
    bitsStored: image.bitsStored,
    pixelRepresentation: image.signed ? 1 : 0,
    photometricInterpretation: image.photometric,
    planarConfiguration: image.planarConfiguration,
  };
}

async function decodeStoredFrame(frame: EncodedFrame, image: ImageDescription): Promise<CompressedStoredFrame> {
  if (frame.kind !== 'encapsulated') throw new PixelDataError(`${image.transferSyntax.name} needs encapsulated Pixel Data.`);
  try {
    const decoded = await decodeCompressedFrame(image.transferSyntax.uid, frame.bytes, compressedFrameInfo(image));
    return {
      width: decoded.width,
      height: decoded.height,
      samplesPerPixel: decoded.samplesPerPixel,
      photometric: decoded.photometricInterpretation,
      bitsStored: decoded.bitsStored,
      signed: decoded.signed,
      samples: decoded.pixels,
      warnings: decoded.warnings.map((w) => asIssue(w, frame.offset, frame.index)),
    };
  } catch (problem) {
    // The viewer shows PixelDataError messages; the codec's message already names the syntax.
    if (problem instanceof CodecError) {
      const where = problem.codestreamOffset === undefined ? ` (its first fragment at ${hex(frame.offset)})` : ` (file offset ${hex(fileOffsetOf(frame, problem.codestreamOffset))})`;
      const message = problem.message.replace(/\(1\.2\.840[^)]*\)/, `(${image.transferSyntax.name}, ${image.transferSyntax.uid})`).replace(/\.$/, `${where}.`);
      throw new PixelDataError(`Frame ${frame.index + 1}: ${message}`, 'codestream-undecodable');
    }
    throw problem;
  }
}

/** One FrameDecoder per codec family, for the pixel decoder registry. */
export const compressedFrameDecoders: readonly FrameDecoder[] = COMPRESSED_CODECS.map(frameDecoderFor);
