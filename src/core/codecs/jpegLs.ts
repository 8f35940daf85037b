import { transferSyntax } from '../dictionary/uids';
import { readJpegHeader } from './codestreamHeaders';
import { charls, runDecoder } from './emscriptenModules';
import { CodecError, type CodecOutput, type CompressedCodec } from './types';

/** JPEG-LS lossless and near-lossless through the CharLS WASM build. */
export const jpegLsCodec: CompressedCodec = {
  name: 'JPEG-LS',
  codec: 'jpeg-ls',
  wasmNames: ['charls'],
  needsWholeCodestream: true,
  async decode(bytes, info, transferSyntaxUid): Promise<CodecOutput> {
    const header = readJpegHeader(bytes);
    if (!header || header.sof !== 0xf7) throw new CodecError('the fragment data is not a JPEG-LS codestream (no SOI and SOF55 frame header)');
    const module = await charls();
    let frameInfo = { width: 0, height: 0, bitsPerSample: 0, componentCount: 0 };
    let interleave = 0;
    let near = 0;
    const decoded = runDecoder(new module.JpegLSDecoder(), bytes, (d) => {
      frameInfo = d.getFrameInfo();
      interleave = d.getInterleaveMode();
      near = d.getNearLossless();
    });
    const warnings =
      near > 0 && transferSyntax(transferSyntaxUid)?.keyword === 'JPEGLSLossless'
        ? [{ code: 'codestream-near-lossless', message: `The transfer syntax is JPEG-LS Lossless but the codestream is near-lossless (NEAR=${near}).` }]
        : [];
    return {
      bytes: decoded,
      width: frameInfo.width,
      height: frameInfo.height,
      components: frameInfo.componentCount,
      precision: frameInfo.bitsPerSample,
      signed: false,
      // Interleave mode 0 (none) keeps each component in its own plane.
      planar: frameInfo.componentCount > 1 && interleave === 0,
      photometric: info.photometricInterpretation,
      warnings,
    };
  },
};
