/**
 * The bundled CLI as it is installed: dist/ copied away from node_modules, so the codecs must
 * find their WebAssembly in dist/wasm/ (scripts/bundle.js copies it there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/dicomparser/encapsulated/multi-frame');

function installedCopy(): string {
  if (!existsSync(path.join(ROOT, 'dist/cli.js')) || !existsSync(path.join(ROOT, 'dist/wasm'))) {
    assert.equal(spawnSync('node', ['scripts/bundle.js'], { cwd: ROOT, stdio: 'inherit' }).status, 0);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-installed-'));
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, 'bin'));
  cpSync(path.join(ROOT, 'bin/dicom-inspector.js'), path.join(dir, 'bin/dicom-inspector.js'));
  return dir;
}

test('the bundled CLI renders compressed frames with only dist/ beside it', () => {
  const dir = installedCopy();
  for (const name of ['CT0012.fragmented_no_bot_jpeg_ls.80.dcm', 'IM00001.fragmented_no_bot_jpeg_baseline.50.dcm']) {
    const out = path.join(dir, `${name}.png`);
    const run = spawnSync('node', [path.join(dir, 'bin/dicom-inspector.js'), 'render', path.join(CORPUS, name), '--out', out], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual([...readFileSync(out).subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG was written');
  }
});
