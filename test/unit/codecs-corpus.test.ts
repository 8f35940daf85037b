/**
 * Every frame of every compressed corpus file decodes, and matches DCMTK's own decompression
 * (dcmdjpeg, dcmdjpls, dcmdrle) read back as native pixels: exactly for lossless syntaxes,
 * within a small tolerance for lossy ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dcmtk, dcmtkDecompressor, decodeAllFrames, ENCAPSULATED, maxDifference } from './codecsReference';

const LOSSY = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.81']);

const files = ['single-frame', 'multi-frame'].flatMap((dir) =>
  readdirSync(path.join(ENCAPSULATED, dir))
    .filter((name) => name.endsWith('.dcm') && !/_endian\.dcm$/.test(name))
    .map((name) => path.join(ENCAPSULATED, dir, name)),
);

test('the corpus has compressed files to check', () => {
  assert.ok(files.length >= 14, `found ${files.length}`);
});

for (const file of files) {
  test(`${path.basename(file)} decodes every frame like DCMTK`, async () => {
    const ours = await decodeAllFrames(file);
    const reference = await decodeAllFrames(dcmtk(dcmtkDecompressor(ours.transferSyntax), file));
    assert.equal(ours.frames.length, reference.frames.length);
    const tolerance = LOSSY.has(ours.transferSyntax) ? 3 : 0;
    for (const [i, frame] of ours.frames.entries()) assert.equal(frame.photometric, reference.frames[i].photometric, `frame ${i + 1} colour model`);
    const diffs = ours.frames.map((frame, i) => maxDifference(frame, reference.frames[i]));
    for (const [i, d] of diffs.entries()) assert.ok(d <= tolerance, `frame ${i + 1}: max difference ${d} > ${tolerance}`);
    console.log(`# ${path.basename(file)} ${ours.transferSyntax}: ${ours.frames.length} frame(s), max difference ${Math.max(...diffs)}`);
  });
}
