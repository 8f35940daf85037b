import { codecWasmBytes, type WasmName } from './wasmSource';

/**
 * Lazy, shared instances of the cornerstone codec builds (Emscripten modules). Each package is
 * imported on first use only, so opening an uncompressed file never loads a codec, and a
 * bundler can still see the imports and include them.
 */

/** The part of an Emscripten decoder object these codecs share. */
export interface EmscriptenDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned?: boolean };
  delete(): void;
}

export interface CharlsDecoder extends EmscriptenDecoder {
  getInterleaveMode(): number;
  getNearLossless(): number;
}

export interface OpenJpegDecoder extends EmscriptenDecoder {
  readHeader(): void;
  getColorSpace(): number;
}

export interface OpenJphDecoder extends EmscriptenDecoder {
  readHeader(): void;
  getIsReversible(): boolean;
}

interface DecoderModule<D> {
  new (): D;
}

export interface LibJpegTurboModule {
  JPEGDecoder: DecoderModule<EmscriptenDecoder>;
}
export interface CharlsModule {
  JpegLSDecoder: DecoderModule<CharlsDecoder>;
}
export interface OpenJpegModule {
  J2KDecoder: DecoderModule<OpenJpegDecoder>;
}
export interface OpenJphModule {
  HTJ2KDecoder: DecoderModule<OpenJphDecoder>;
}

type Factory = (options: Record<string, unknown>) => Promise<unknown>;

const instances = new Map<WasmName, Promise<unknown>>();

/** One instance per module; a failed start is forgotten so the next frame tries again. */
function instantiate<T>(name: WasmName, load: () => Promise<{ default?: unknown }>): Promise<T> {
  let pending = instances.get(name);
  if (!pending) {
    pending = (async () => {
      const imported = await load();
      const factory = (imported.default ?? imported) as Factory;
      const wasmBinary = await codecWasmBytes(name);
      // Without provided bytes the module locates its own .wasm (node_modules in Node). The
      // codecs log progress ("[INFO] ...") to stdout, which would corrupt CLI output: drop it;
      // failures surface as exceptions instead.
      const quiet = { print: () => undefined, printErr: () => undefined };
      return factory(wasmBinary ? { ...quiet, wasmBinary } : quiet);
    })();
    pending.catch(() => instances.delete(name));
    instances.set(name, pending);
  }
  return pending as Promise<T>;
}

export function libJpegTurbo(): Promise<LibJpegTurboModule> {
  return instantiate('libjpeg-turbo-8bit', () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'));
}

export function charls(): Promise<CharlsModule> {
  return instantiate('charls', () => import('@cornerstonejs/codec-charls/decodewasmjs'));
}

export function openJpeg(): Promise<OpenJpegModule> {
  return instantiate('openjpeg', () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'));
}

export function openJph(): Promise<OpenJphModule> {
  return instantiate('openjph', () => import('@cornerstonejs/codec-openjph/wasmjs'));
}

/**
 * Copies a codestream into a fresh decoder, decodes it and copies the result out of the WASM
 * heap (the heap view is overwritten by the next decode). The decoder is always freed.
 */
export function runDecoder<D extends EmscriptenDecoder>(decoder: D, codestream: Uint8Array, afterDecode?: (decoder: D) => void): Uint8Array {
  try {
    decoder.getEncodedBuffer(codestream.length).set(codestream);
    decoder.decode();
    afterDecode?.(decoder);
    // Some builds hand back a Uint8ClampedArray view; copy into a plain Uint8Array.
    const view = decoder.getDecodedBuffer();
    return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
  } finally {
    decoder.delete();
  }
}
