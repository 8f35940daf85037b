import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The module itself, not the codecs' index: a bundle that only sets the provider (the CLI's
// dispatcher) must not take in the codecs.
import { setCodecWasmProvider, type WasmName } from '../core/codecs/wasmSource';

/**
 * Serves the codecs' WebAssembly from `dir` (the bundle's `wasm/` folder, where
 * scripts/bundle.js copies them). A bundled CLI or extension has no node_modules beside it, so
 * the packages could not find their own binaries. Where `dir` lacks a file (running from
 * sources), the package loads its own from node_modules.
 */
export function serveCodecWasmFrom(dir: string): void {
  setCodecWasmProvider(async (name: WasmName) => {
    const file = join(dir, `${name}.wasm`);
    return existsSync(file) ? readFileSync(file) : undefined;
  });
}
