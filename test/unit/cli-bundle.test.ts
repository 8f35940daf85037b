/**
 * The bundled CLI as it is installed: dist/ copied away from node_modules, so the codecs must
 * find their WebAssembly in dist/wasm/ (scripts/bundle.js copies it there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
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

test('every bundled command that decodes finds the codec binaries, not only render', () => {
  // Each command is its own bundle with its own copy of the codec layer (scripts/bundle.js);
  // diff decodes both files' pixels to compare a compressed file with its uncompressed original.
  const dir = installedCopy();
  const single = path.resolve(CORPUS, '../single-frame');
  const run = spawnSync('node', [
    path.join(dir, 'bin/dicom-inspector.js'), 'diff',
    path.join(single, 'CT1_UNC.explicit_little_endian.dcm'), path.join(single, 'CT1_UNC.not_fragmented_bot_jpeg_ls.80.dcm'),
  ], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /pixels: decoded pixels are equal/);
});

test('dump loads only the dispatcher and its own bundle (no render, codecs or other commands)', () => {
  const dir = installedCopy();
  const script = `require(${JSON.stringify(path.join(dir, 'dist/cli.js'))}).runCli(['dump', process.argv[1]]);
process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));`;
  const run = spawnSync('node', ['-e', script, path.resolve(CORPUS, '../single-frame/CT1_UNC.explicit_little_endian.dcm')], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const loaded = (JSON.parse(run.stderr) as string[]).map((file) => path.relative(dir, file));
  assert.deepEqual(loaded.sort(), ['dist/cli.js', 'dist/cli/dump.js']);
  // The dispatcher is compiled on every start: it holds the command table, not their code.
  const dispatcher = statSync(path.join(dir, 'dist/cli.js')).size;
  assert.ok(dispatcher < 64 * 1024, `dist/cli.js is ${dispatcher} bytes`);
});
