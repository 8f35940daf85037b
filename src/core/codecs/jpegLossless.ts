import { readJpegHeader } from './codestreamHeaders';
import { CodecError, type CodecOutput, type CompressedCodec } from './types';

/** JPEG Lossless, process 14 (any predictor) and its selection-value-1 subset (SV1). */
export const jpegLosslessCodec: CompressedCodec = {
  name: 'JPEG Lossless',
  codec: 'jpeg-lossless',
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
      const own = withPaddingBeforeEoi(bytes);
      output = decoder.decode(own.buffer as ArrayBuffer, 0, own.length);
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

/**
 * jpeg-lossless-decoder-js 2.1 treats the end marker as reached while it still looks ahead for
 * the last Huffman code, and then sets the last pixel to the marker's value (seen on DCMTK
 * streams: one wrong pixel at the end). Eight one-bits written as a stuffed byte (FF 00) before
 * the EOI are the padding a JPEG stream may carry after its last code, and give the look-ahead
 * real bits to read. Returns a copy; the caller's bytes are not changed.
 */
function withPaddingBeforeEoi(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0) end--; // fragment padding after EOI
  if (end < 4 || bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return bytes.slice();
  let data = end - 2;
  while (data > 2 && bytes[data - 1] === 0xff) data--; // fill bytes before the marker
  const out = new Uint8Array(data + 6);
  out.set(bytes.subarray(0, data));
  out.set([0xff, 0x00, 0xff, 0x00, 0xff, 0xd9], data);
  return out;
}
