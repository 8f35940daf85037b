import type { JpegHeader } from './codestreamHeaders';
import { codecWasmBytes } from './wasmSource';
import { CodecError, type CodecOutput, type CompressedFrameInfo } from './types';

/** The part of dcmjs-codecs used here (DCMTK's IJG decoders compiled to WASM). */
interface DcmjsCodecs {
  NativeCodecs: {
    initializeAsync(options?: { webAssemblyModulePathOrUrl?: string }): Promise<void>;
    decodeJpeg(context: DcmjsContext, parameters?: { convertColorspaceToRgb?: boolean }): DcmjsContext;
    _getWebAssemblyBytes?: () => Promise<ArrayBuffer>;
  };
  Context: new (attributes: Record<string, unknown>) => DcmjsContext;
}
interface DcmjsContext {
  getDecodedBuffer(): Uint8Array | undefined;
  getPhotometricInterpretation(): string | undefined;
}

let started: Promise<DcmjsCodecs> | undefined;

function dcmjsCodecs(): Promise<DcmjsCodecs> {
  started ??= (async () => {
    const imported = (await import('dcmjs-codecs')) as unknown as DcmjsCodecs & { default?: DcmjsCodecs };
    const codecs = imported.NativeCodecs ? imported : (imported.default as DcmjsCodecs);
    const provided = await codecWasmBytes('dcmjs-native-codecs');
    // The package fetches or reads its binary through eval, which a webview's CSP forbids;
    // when the host supplies the bytes, hand them over through the package's own loader hook.
    if (provided) codecs.NativeCodecs._getWebAssemblyBytes = async () => provided;
    await codecs.NativeCodecs.initializeAsync();
    return codecs;
  })();
  started.catch(() => (started = undefined));
  return started;
}

/** 12-bit JPEG (Extended, process 4): values come back in 16-bit words. */
export async function decodeJpeg12(bytes: Uint8Array, info: CompressedFrameInfo, header: JpegHeader): Promise<CodecOutput> {
  const { NativeCodecs, Context } = await dcmjsCodecs();
  const components = header.componentIds.length;
  const colour = components === 3 && info.photometricInterpretation !== 'RGB';
  const context = new Context({
    width: header.columns,
    height: header.rows,
    bitsAllocated: 16,
    bitsStored: 12,
    samplesPerPixel: components,
    pixelRepresentation: info.pixelRepresentation,
    planarConfiguration: 0,
    photometricInterpretation: components === 3 ? info.photometricInterpretation : 'MONOCHROME2',
    encodedBuffer: bytes,
  });
  let decoded: Uint8Array | undefined;
  try {
    decoded = NativeCodecs.decodeJpeg(context, { convertColorspaceToRgb: colour }).getDecodedBuffer();
  } catch (problem) {
    throw new CodecError(`the 12-bit JPEG decoder failed: ${problem instanceof Error ? problem.message : String(problem)}`);
  }
  if (!decoded || decoded.length === 0) throw new CodecError('the 12-bit JPEG decoder returned no pixels');
  return {
    bytes: decoded,
    width: header.columns,
    height: header.rows,
    components,
    precision: 12,
    signed: false,
    planar: false,
    photometric: colour ? 'RGB' : info.photometricInterpretation,
    warnings: [],
  };
}
