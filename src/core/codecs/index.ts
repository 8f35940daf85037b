/**
 * Compressed pixel data: JPEG (baseline, extended 12-bit, lossless), JPEG-LS, JPEG 2000 (Part 1
 * and 2) and HTJ2K. The pixel decoder registry (src/core/pixels/decoderRegistry.ts) registers
 * `compressedFrameDecoders`, so `openPixelReader(...).readFrame(n)` decodes these syntaxes;
 * `decodeCompressedFrame` decodes one frame's bytes directly (e.g. inside a worker).
 *
 * Hosts: codecs load on first use. In Node from node_modules nothing needs setting up. A bundle
 * (extension, CLI, webview worker) should call `setCodecWasmProvider` with a function returning
 * the bytes of each binary (`WASM_FILES` names them; copy those files next to the bundle), bundle
 * with `fs` and `path` external (only reached under Node), and a webview's CSP needs
 * `'wasm-unsafe-eval'` in script-src (no `'unsafe-eval'`: see test/unit/codecs-bundle.test.ts).
 */
export { decodeCompressedFrame, compressedCodecFor, COMPRESSED_CODECS } from './decodeCompressedFrame';
export { compressedFrameDecoders, type CompressedStoredFrame } from './frameDecoders';
export { setCodecWasmProvider, WASM_FILES, type WasmName, type WasmProvider } from './wasmSource';
export { readJpegHeader, readJ2kHeader, type JpegHeader, type J2kHeader } from './codestreamHeaders';
export { CodecError, type CompressedFrameInfo, type DecodedCompressedFrame, type CompressedCodec } from './types';
