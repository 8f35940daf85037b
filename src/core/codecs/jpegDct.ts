import { joinFragments } from '../pixels/decoders/joinFragments';
import { jpegDctColour } from './colourModel';
import { readJpegHeader } from './codestreamHeaders';
import { libJpegTurbo, runDecoder } from './emscriptenModules';
import { decodeJpeg12 } from './jpeg12';
import { CodecError, type CodecOutput, type CompressedCodec } from './types';

/**
 * JPEG Baseline (process 1) and Extended (processes 2 and 4): 8-bit streams through the
 * libjpeg-turbo WASM build, 12-bit streams through DCMTK's IJG 12-bit decoder (dcmjs-codecs),
 * since the libjpeg-turbo build is compiled for 8-bit samples only.
 */
export const jpegDctCodec: CompressedCodec = {
  name: 'JPEG (DCT)',
  codec: 'jpeg-dct',
  wasmNames: ['libjpeg-turbo-8bit', 'dcmjs-native-codecs'],
  async decode(bytes, info): Promise<CodecOutput> {
    const header = readJpegHeader(bytes);
    if (!header) throw new CodecError('the fragment data is not a JPEG codestream (no SOI and frame header)');
    if (header.sof === 0xc3 || header.sof === 0xf7) throw new CodecError(`the codestream is ${header.sof === 0xc3 ? 'lossless JPEG' : 'JPEG-LS'}, not DCT-based JPEG`);
    if (header.precision === 12) return decodeJpeg12(bytes, info, header);
    if (header.precision !== 8) throw new CodecError(`JPEG sample precision ${header.precision} is not 8 or 12 bits`);
    const colour = jpegDctColour(header, info.photometricInterpretation);
    const module = await libJpegTurbo();
    let frameInfo = { width: 0, height: 0, bitsPerSample: 8, componentCount: 1 };
    const input = header.componentIds.length === 3 ? withColourMarker(bytes, colour.ycbcr) : bytes;
    const decoded = runDecoder(new module.JPEGDecoder(), input, (d) => (frameInfo = d.getFrameInfo()));
    return {
      bytes: decoded,
      width: frameInfo.width,
      height: frameInfo.height,
      components: frameInfo.componentCount,
      precision: 8,
      signed: false,
      planar: false,
      photometric: colour.photometric,
      warnings: colour.warnings,
    };
  },
};

const JFIF_APP0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
const ADOBE_NO_TRANSFORM = [0xff, 0xee, 0x00, 0x0e, 0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00];

/**
 * The libjpeg-turbo build offers no way to set the colour spaces, and libjpeg decides from
 * the markers (JFIF first, then Adobe APP14, then component ids). So the JFIF and Adobe
 * segments before the frame header are dropped and one segment saying what the DICOM header
 * decided is put after SOI: JFIF for YCbCr, Adobe with transform 0 for "no transform".
 */
export function withColourMarker(bytes: Uint8Array, ycbcr: boolean): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2), Uint8Array.from(ycbcr ? JFIF_APP0 : ADOBE_NO_TRANSFORM)];
  let at = 2;
  let kept = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker !== 0xe0 && marker !== 0xee) {
      if (marker >= 0xc0 && marker <= 0xfe && marker !== 0xff) {
        // Only APPn and table segments come before the frame header; stop at anything else.
        if (!(marker >= 0xe1 && marker <= 0xef) && marker !== 0xdb && marker !== 0xc4 && marker !== 0xdd && marker !== 0xfe) break;
      }
      at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
      continue;
    }
    parts.push(bytes.subarray(kept, at));
    at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
    kept = at;
  }
  parts.push(bytes.subarray(kept));
  return joinFragments(parts);
}
