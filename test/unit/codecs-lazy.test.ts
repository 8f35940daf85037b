/**
 * Codecs load on first use: reading an uncompressed image (the common case) must not load any
 * codec package or WASM. Checked in a fresh process, since other tests load them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SCRIPT = `
const { openDicom } = require('./src/core/parse/readDicom');
const { openPixelReader } = require('./src/core/pixels/readFrame');
const { openFileAccess } = require('./src/node/fileAccess');
const loaded = () => Object.keys(require.cache).filter((k) => /codec-|jpeg-lossless|dcmjs/.test(k));
(async () => {
  const access = await openFileAccess(process.argv[1]);
  const { file, source } = await openDicom(access);
  await (await openPixelReader(file, source)).readFrame(0);
  const before = loaded();
  const compressed = await openFileAccess(process.argv[2]);
  const opened = await openDicom(compressed);
  await (await openPixelReader(opened.file, opened.source)).readFrame(0);
  console.log(JSON.stringify({ before, after: loaded() }));
  await access.close();
  await compressed.close();
})();
`;

test('no codec is loaded until a compressed frame is decoded, then only its own', () => {
  const corpus = path.resolve(__dirname, '../../../shared/corpus/dicomparser/encapsulated/single-frame');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', SCRIPT, path.join(corpus, 'CT1_UNC.explicit_little_endian.dcm'), path.join(corpus, 'CT1_UNC.not_fragmented_bot_jpeg_ls.80.dcm')],
    { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  const { before, after } = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { before: string[]; after: string[] };
  assert.deepEqual(before, []);
  assert.ok(after.some((k) => k.includes('codec-charls')), JSON.stringify(after));
  assert.ok(!after.some((k) => /openjpeg|openjph|libjpeg|dcmjs|jpeg-lossless/.test(k)), JSON.stringify(after));
});
