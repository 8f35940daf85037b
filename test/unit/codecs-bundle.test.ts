/**
 * The codecs as a webview worker would run them: bundled by esbuild for the browser, executed
 * in a context where eval and new Function are disabled (a Content Security Policy without
 * 'unsafe-eval', WebAssembly still allowed), with the WASM bytes supplied by the host. Each
 * family decodes a real frame to exactly what the Node path gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import { decodeCompressedFrame, WASM_FILES, type CompressedFrameInfo, type WasmName } from '../../src/core/codecs';
import { compressedFrameInfo } from '../../src/core/codecs/frameDecoders';
import { locateFrame, openPixelReader } from '../../src/core/pixels/readFrame';
import { openDicom } from '../../src/core/parse/readDicom';
import { openFileAccess } from '../../src/node/fileAccess';
import { ENCAPSULATED } from './codecsReference';

type Codecs = { decodeCompressedFrame: typeof decodeCompressedFrame; setCodecWasmProvider(p: (name: WasmName) => Promise<Uint8Array>): void };

function sandboxedCodecs(): { codecs: Codecs; asked: WasmName[] } {
  const bundle = buildSync({
    entryPoints: [path.resolve(__dirname, '../../src/core/codecs/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'Codecs',
    write: false,
    // Only reached in Node by the packages' environment checks.
    external: ['fs', 'path'],
    logLevel: 'error',
  });
  const context: Record<string, unknown> = { console, TextDecoder, TextEncoder, performance, setTimeout, clearTimeout, URL, atob, btoa };
  context.self = context;
  vm.createContext(context, { codeGeneration: { strings: false, wasm: true } });
  vm.runInContext(bundle.outputFiles[0].text, context);
  const codecs = context.Codecs as Codecs;
  const asked: WasmName[] = [];
  codecs.setCodecWasmProvider(async (name) => {
    asked.push(name);
    return readFileSync(require.resolve(WASM_FILES[name]));
  });
  return { codecs, asked };
}

async function firstFrame(name: string): Promise<{ uid: string; bytes: Uint8Array; info: CompressedFrameInfo }> {
  const access = await openFileAccess(path.join(ENCAPSULATED, name));
  try {
    const { file, source } = await openDicom(access);
    const reader = await openPixelReader(file, source);
    const frame = await locateFrame(reader.image, reader.decoder, source, 0);
    assert.equal(frame.kind, 'encapsulated');
    const image = reader.image;
    return {
      uid: image.transferSyntax.uid,
      bytes: (frame.kind === 'encapsulated' ? frame.bytes : new Uint8Array()),
      info: compressedFrameInfo(image),
    };
  } finally {
    await access.close();
  }
}

interface Encoder {
  getDecodedBuffer(info: Record<string, unknown>): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

/** A 64×64 8-bit frame encoded by the JPEG 2000 or HTJ2K encoder of the codec packages. */
async function encoded(kind: 'J2KEncoder' | 'HTJ2KEncoder'): Promise<{ uid: string; bytes: Uint8Array; info: CompressedFrameInfo }> {
  const factory = (kind === 'J2KEncoder' ? await import('@cornerstonejs/codec-openjpeg/wasmjs') : await import('@cornerstonejs/codec-openjph/wasmjs')).default as () => Promise<Record<string, new () => Encoder>>;
  const encoder = new (await factory())[kind]();
  const frame = { width: 64, height: 64, bitsPerSample: 8, componentCount: 1, isSigned: false, isUsingColorTransform: false };
  encoder.getDecodedBuffer(frame).set(Uint8Array.from({ length: 64 * 64 }, (_, i) => (i * 5 + (i >> 6) * 3) & 0xff));
  encoder.encode();
  const bytes = encoder.getEncodedBuffer().slice();
  encoder.delete();
  return {
    uid: kind === 'J2KEncoder' ? '1.2.840.10008.1.2.4.90' : '1.2.840.10008.1.2.4.201',
    bytes,
    info: { rows: 64, columns: 64, samplesPerPixel: 1, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 0, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0 },
  };
}

test('every codec family decodes in a browser bundle without eval, from host-supplied WASM', async () => {
  const { codecs, asked } = sandboxedCodecs();
  const cases = [
    await firstFrame('multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm'),
    await firstFrame('multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm'),
    await firstFrame('multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm'),
    await firstFrame('multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm'),
    await encoded('J2KEncoder'),
    await encoded('HTJ2KEncoder'),
  ];
  for (const c of cases) {
    const inBundle = await codecs.decodeCompressedFrame(c.uid, c.bytes, c.info);
    const inNode = await decodeCompressedFrame(c.uid, c.bytes, c.info);
    assert.equal(inBundle.photometricInterpretation, inNode.photometricInterpretation, c.uid);
    assert.deepEqual([...inBundle.pixels], [...inNode.pixels], c.uid);
  }
  assert.deepEqual([...new Set(asked)].sort(), ['charls', 'dcmjs-native-codecs', 'libjpeg-turbo-8bit', 'openjpeg', 'openjph']);
});
