/**
 * `dicom-inspector diff`: exit 0 same, 1 different, 2 unreadable; the JSON shape; the ignore
 * options; Pixel Data of a lossless and a lossy copy of real corpus files compared decoded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseElements, edit, written } from '../support/dicomPairs';
import { runCli } from '../support/runCli';

const run = runCli;

const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-cli-diff-'));
const file = (name: string, bytes: Uint8Array) => {
  const full = path.join(dir, name);
  writeFileSync(full, bytes);
  return full;
};
const base = baseElements();
const a = file('a.dcm', written(base));
const same = file('same.dcm', written(baseElements({ undefinedLengths: true })));
let changed = edit(base, { set: { tag: 0x00100010, vr: 'PN', value: 'Roe^Richard' } });
changed = edit(changed, { set: { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5.7' } });
changed = edit(changed, { set: { tag: 0x00191001, vr: 'LO', value: 'other' } });
const b = file('b.dcm', written(changed));
const text = file('notes.txt', new TextEncoder().encode('not DICOM\n'.repeat(30)));
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/dicomparser/encapsulated/multi-frame');

test('diff exits 0 on the same elements, 1 on differences, 2 on unreadable files', async () => {
  const sameRun = await run('diff', a, same);
  assert.equal(sameRun.code, 0, sameRun.stderr);
  assert.match(sameRun.stdout, /^# same: \d+ elements compared$/m);
  const differ = await run('diff', a, b);
  assert.equal(differ.code, 1);
  assert.match(differ.stdout, /^changed 00100010 PatientName \(length, value\)\n {2}A 0x[0-9A-F]+ PN 8 {2}Doe\^Jane\n {2}B 0x[0-9A-F]+ PN 12 {2}Roe\^Richard$/m);
  assert.equal((await run('diff', a, text)).code, 2);
  assert.equal((await run('diff', a, path.join(dir, 'missing.dcm'))).code, 2);
  assert.equal((await run('diff', a)).code, 2);
});

test('diff --json lists {path, tag, keyword, change, a, b} and the ignore options remove entries', async () => {
  const { code, stdout } = await run('diff', '--json', a, b);
  assert.equal(code, 1);
  const entries = JSON.parse(stdout);
  assert.deepEqual(entries.map((e: { path: string }) => e.path), ['00080018', '00100010', '00191001']);
  const name = entries[1];
  assert.deepEqual(Object.keys(name).slice(0, 6), ['path', 'tag', 'keyword', 'change', 'a', 'b']);
  assert.deepEqual(Object.keys(name.a), ['offset', 'vr', 'length', 'value']);
  assert.equal(name.keyword, 'PatientName');
  const ignored = await run('diff', '--json', '--ignore-uids', '--ignore-private', '--ignore', 'PatientName', a, b);
  assert.equal(ignored.code, 0);
  assert.deepEqual(JSON.parse(ignored.stdout), []);
  const byTag = await run('diff', '--json', '--ignore', '(0010,0010),00080018', a, b);
  assert.deepEqual(JSON.parse(byTag.stdout).map((e: { path: string }) => e.path), ['00191001']);
  assert.equal((await run('diff', '--ignore', 'NoSuchKeyword', a, b)).code, 2);
});

test('pixel data of a lossless copy is equal decoded, of a lossy copy it differs by a measured amount', async () => {
  const original = path.join(CORPUS, 'CT0012.explicit_little_endian.dcm');
  const rle = await run('diff', '--json', '--ignore-meta', original, path.join(CORPUS, 'CT0012.not_fragmented_bot_rle.dcm'));
  const rlePixels = JSON.parse(rle.stdout).find((e: { tag: string }) => e.tag === '7FE00010');
  assert.equal(rlePixels.pixels.decoded.differingSamples, 0);
  assert.ok(rlePixels.pixels.decoded.samples > 0);
  const lossy = await run('diff', '--json', '--ignore-meta', original, path.join(CORPUS, 'CT0012.fragmented_no_bot_jpeg_baseline.51.dcm'));
  const lossyPixels = JSON.parse(lossy.stdout).find((e: { tag: string }) => e.tag === '7FE00010');
  assert.ok(lossyPixels.pixels.decoded.differingSamples > 0, JSON.stringify(lossyPixels.pixels));
  assert.ok(lossyPixels.pixels.decoded.maxDifference > 0);
});

test('dump --no-offsets lines up two files: only the changed elements differ, not every later line', async () => {
  const lines = async (...argv: string[]) => (await run('dump', ...argv)).stdout.split('\n').slice(1); // line 1 names the file
  const differing = (x: string[], y: string[]) => {
    const ys = new Set(y);
    return x.filter((line) => !ys.has(line));
  };
  // b's patient name is longer: everything after it moves by 4 bytes.
  const plain = differing(await lines('--no-offsets', a), await lines('--no-offsets', b));
  assert.deepEqual(plain.map((l) => l.trim().split(/\s+/)[0]), ['(0008,0018)', '(0010,0010)', '(0019,1001)']);
  const withOffsets = differing(await lines(a), await lines(b));
  assert.ok(withOffsets.length > 10, `with offsets ${withOffsets.length} lines differ`);
  assert.doesNotMatch((await lines('--no-offsets', a)).join('\n'), /0x[0-9A-F]{4}/);
});
