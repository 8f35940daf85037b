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
    const input = colour.keepRgb ? withAdobeRgbMarker(bytes) : bytes;
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

/**
 * The libjpeg-turbo build offers no way to set the output colour space, so an unmarked RGB
 * codestream gets an Adobe APP14 segment with transform 0 ("no transform") after SOI, which is
 * how libjpeg itself is told that three components are RGB.
 */
function withAdobeRgbMarker(bytes: Uint8Array): Uint8Array {
  const adobe = [0xff, 0xee, 0x00, 0x0e, 0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00];
  const out = new Uint8Array(bytes.length + adobe.length);
  out.set(bytes.subarray(0, 2));
  out.set(adobe, 2);
  out.set(bytes.subarray(2), 2 + adobe.length);
  return out;
}
