import { readJpegHeader } from './codestreamHeaders';
import { CodecError, type CodecOutput, type CompressedCodec } from './types';

/** JPEG Lossless, process 14 (any predictor) and its selection-value-1 subset (SV1). */
export const jpegLosslessCodec: CompressedCodec = {
  name: 'JPEG Lossless',
  transferSyntaxUids: ['1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70'],
  wasmNames: [],
  async decode(bytes, info): Promise<CodecOutput> {
    const header = readJpegHeader(bytes);
    if (!header) throw new CodecError('the fragment data is not a JPEG codestream (no SOI and frame header)');
    if (header.sof !== 0xc3) throw new CodecError(`the codestream's frame header is SOF${(header.sof - 0xc0).toString(16)}, not lossless (SOF3)`);
    const { Decoder } = await import('jpeg-lossless-decoder-js');
    const decoder = new Decoder();
    let output: ArrayBuffer | ArrayBufferView | undefined;
    try {
      // The decoder keeps a view on the buffer it is given; give it its own copy.
      const own = bytes.slice();
      output = decoder.decode(own.buffer, 0, own.length);
    } catch (problem) {
      throw new CodecError(`the lossless JPEG decoder failed: ${problem instanceof Error ? problem.message : String(problem)}`);
    }
    if (!output) throw new CodecError('the lossless JPEG decoder returned no pixels');
    // Samples come back as native-endian 16-bit words above 8 bits (little endian on every
    // platform JavaScript runs on), as bytes otherwise, components interleaved.
    return {
      bytes: ArrayBuffer.isView(output) ? new Uint8Array(output.buffer, output.byteOffset, output.byteLength) : new Uint8Array(output),
      width: decoder.xDim,
      height: decoder.yDim,
      components: decoder.numComp,
      precision: header.precision,
      signed: false,
      planar: false,
      photometric: info.photometricInterpretation,
      warnings: [],
    };
  },
};
