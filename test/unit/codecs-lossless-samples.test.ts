/**
 * The lossless JPEG sample files shipped with jpeg-lossless-decoder-js (every predictor 1-7,
 * 8-bit multi-frame, RGB), written by other tools: each frame matches DCMTK's dcmdjpeg exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dcmtk, decodeAllFrames, maxDifference } from './codecsReference';

const DATA = path.join(path.dirname(require.resolve('jpeg-lossless-decoder-js/package.json')), 'tests/data');
const files = readdirSync(DATA).filter((name) => name.endsWith('.dcm'));

test('the package ships its sample files', () => {
  assert.ok(files.length >= 9, files.join(', '));
});

for (const name of files) {
  test(`${name} matches dcmdjpeg exactly`, async () => {
    const ours = await decodeAllFrames(path.join(DATA, name));
    const reference = await decodeAllFrames(dcmtk('dcmdjpeg', path.join(DATA, name)));
    assert.equal(ours.frames.length, reference.frames.length);
    for (const [i, frame] of ours.frames.entries()) {
      assert.equal(frame.photometric, reference.frames[i].photometric);
      assert.equal(maxDifference(frame, reference.frames[i]), 0, `frame ${i + 1}`);
    }
  });
}
