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
  transferSyntaxUids: ['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51'],
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
    const decoded = runDecoder(new module.JPEGDecoder(), bytes, (d) => (frameInfo = d.getFrameInfo()));
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
