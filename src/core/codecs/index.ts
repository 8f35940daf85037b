export { decodeCompressedFrame, compressedCodecFor, COMPRESSED_CODECS } from './decodeCompressedFrame';
export { compressedFrameDecoders, type CompressedStoredFrame } from './frameDecoders';
export { setCodecWasmProvider, WASM_FILES, type WasmName, type WasmProvider } from './wasmSource';
export { readJpegHeader, readJ2kHeader, type JpegHeader, type J2kHeader } from './codestreamHeaders';
export { CodecError, type CompressedFrameInfo, type DecodedCompressedFrame, type CompressedCodec } from './types';
