// The codec packages ship no type declarations; emscriptenModules.ts and the codec files type
// the parts they use.
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
declare module '@cornerstonejs/codec-charls/decodewasmjs';
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs';
declare module '@cornerstonejs/codec-openjph/wasmjs';
// Encoders, used by the tests to make JPEG 2000 fixtures.
declare module '@cornerstonejs/codec-openjpeg/wasmjs';
declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    /** Returns a Uint8Array or Uint16Array of the samples, whatever the typings of older versions say. */
    decode(buffer: ArrayBuffer, offset?: number, length?: number, numBytes?: number): ArrayBufferView | ArrayBuffer | undefined;
    numComp: number;
    precision: number;
    xDim: number;
    yDim: number;
  }
}
