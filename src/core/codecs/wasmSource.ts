/**
 * Where the codecs' WebAssembly binaries come from. Each codec package can find its own
 * `.wasm` beside its script when run from node_modules; a bundled extension, CLI or webview
 * worker cannot rely on that (the bundle lives elsewhere, and a webview must not fetch by
 * relative URL or run `eval`), so the host registers a provider that returns the bytes.
 */
import wasmFiles from './wasmFiles.json';

export type WasmName = 'libjpeg-turbo-8bit' | 'charls' | 'openjpeg' | 'openjph' | 'dcmjs-native-codecs';

/** Returns the bytes of a named binary, or undefined to let the package load its own. */
export type WasmProvider = (name: WasmName) => Promise<Uint8Array | ArrayBuffer | undefined>;

/**
 * Kept on the global object under a registered symbol rather than in this module: the bundled
 * CLI is one bundle per command (scripts/bundle.js), each with its own copy of this module, and
 * the provider its dispatcher sets must reach whichever copy decodes.
 */
const PROVIDER = Symbol.for('dicom-inspector.codecWasmProvider');
const shared = globalThis as { [PROVIDER]?: WasmProvider };

export function setCodecWasmProvider(next: WasmProvider | undefined): void {
  shared[PROVIDER] = next;
}

export async function codecWasmBytes(name: WasmName): Promise<ArrayBuffer | undefined> {
  const provider = shared[PROVIDER];
  const bytes = provider ? await provider(name) : undefined;
  if (bytes === undefined) return undefined;
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Each binary as a module specifier that `require.resolve` accepts (the packages' own export
 * names): what a host reads, or copies next to its bundle, to supply the bytes. Kept as JSON so
 * that scripts/bundle.js reads the same list when it copies them into dist/wasm/.
 */
export const WASM_FILES: Readonly<Record<WasmName, string>> = wasmFiles;
