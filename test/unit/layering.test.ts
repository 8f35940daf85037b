/**
 * The layers the design names, checked on the sources: the core imports neither `vscode`, Node
 * modules nor the wire format (src/shared); the message layer imports only the core's types and
 * itself, so the extension host, the webview and the worker can all load it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.join(path.dirname(file), specifier) : specifier;
}

test('src/core imports nothing from vscode, Node or the message layer', () => {
  const offending: string[] = [];
  for (const file of sources('src/core')) {
    for (const specifier of importsOf(file)) {
      const target = resolved(file, specifier);
      if (specifier === 'vscode' || specifier.startsWith('node:') || target.startsWith(`src${path.sep}shared`)) offending.push(`${file} -> ${specifier}`);
    }
  }
  assert.deepEqual(offending, []);
});

test('src/shared imports only itself and the core', () => {
  const offending: string[] = [];
  for (const file of sources('src/shared')) {
    for (const specifier of importsOf(file)) {
      const target = resolved(file, specifier);
      if (!target.startsWith(`src${path.sep}shared`) && !target.startsWith(`src${path.sep}core`)) offending.push(`${file} -> ${specifier}`);
    }
  }
  assert.deepEqual(offending, []);
});

test('the import scanner sees the imports it must judge', () => {
  assert.ok(importsOf('src/shared/protocol.ts').includes('./viewerProtocol'));
  assert.ok(importsOf('src/shared/workerProtocol.ts').includes('../core/model'));
});
