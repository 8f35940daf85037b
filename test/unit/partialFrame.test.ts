/**
 * Frames whose bytes end early: decoded with what is there, zeros after, and the first
 * missing row named; without allowPartial they are refused as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { completeRows } from '../../src/core/pixels/partialFrame';
import { describeImage } from '../../src/core/pixels/imageDescription';
import { writeImage, type ImageSpec } from './renderFixtures';

async function readerOf(bytes: Uint8Array) {
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  return openPixelReader(file, source);
}

const grey16: ImageSpec = {
  rows: 4, columns: 3, frames: 2, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16,
  samples: Array.from({ length: 24 }, (_, i) => i + 1),
};

test('a frame cut by the end of the file keeps its whole rows and zeros the rest', async () => {
  const whole = writeImage(grey16);
  // Frame 2 starts 24 bytes before the end; keep 2 full rows (12 bytes) and one sample of the third.
  const cut = whole.subarray(0, whole.length - 24 + 14);
  const reader = await readerOf(cut);
  await assert.rejects(reader.readFrame(1), /runs past the end of the file: 14 of 24 bytes/);
  const frame = await reader.readFrame(1, { allowPartial: true });
  assert.deepEqual([...frame.samples], [13, 14, 15, 16, 17, 18, 19, 0, 0, 0, 0, 0]);
  assert.equal(frame.partial?.completeRows, 2);
  assert.equal(frame.partial?.presentBytes, 14);
  assert.equal(frame.partial?.neededBytes, 24);
  assert.match(frame.partial?.message ?? '', /^Frame 2 is cut short: 14 of its 24 bytes are there \(the file ends at byte \d+\); rows 3–4 of 4 are missing\.$/);
  // The first frame is whole: no partial mark.
  const first = await reader.readFrame(0, { allowPartial: true });
  assert.equal(first.partial, undefined);
  assert.deepEqual([...first.samples], Array.from({ length: 12 }, (_, i) => i + 1));
});

test('a frame beyond a Pixel Data value declared too short is partial too, and says why', async () => {
  // 12 rows of 3 need 72 bytes; the writer stores the 24 samples given: 48 bytes, 8 rows.
  const reader = await readerOf(writeImage({ ...grey16, frames: 1, rows: 12 }));
  await assert.rejects(reader.readFrame(0), /too short for frame 1/);
  const frame = await reader.readFrame(0, { allowPartial: true });
  assert.equal(frame.partial?.completeRows, 8);
  assert.match(frame.partial?.message ?? '', /Pixel Data declares 48 bytes\); rows 9–12 of 12 are missing/);
  assert.deepEqual([...frame.samples], [...Array.from({ length: 24 }, (_, i) => i + 1), ...new Array(12).fill(0)]);
});

test('nothing of the frame in the file is still an error, partial or not', async () => {
  const whole = writeImage(grey16);
  const reader = await readerOf(whole.subarray(0, whole.length - 24));
  await assert.rejects(reader.readFrame(1, { allowPartial: true }), /0 of 24 bytes/);
});

test('by-plane colour completes a row only when the last plane reaches it', async () => {
  const rgb = writeImage({ rows: 2, columns: 2, photometric: 'RGB', planar: 1, bitsAllocated: 8, bitsStored: 8, samples: Array.from({ length: 12 }, (_, i) => i) });
  const image = describeImage((await openDicom(memoryFileAccess(rgb))).file);
  assert.equal(completeRows(image, 8 * 8), 0); // R and G planes whole, B plane empty
  assert.equal(completeRows(image, 10 * 8), 1);
  assert.equal(completeRows(image, 11 * 8), 1);
  assert.equal(completeRows(image, 12 * 8), 2);
});

test('1-bit frames count rows in bits, from the frame\'s first bit', async () => {
  const bits = writeImage({ rows: 4, columns: 4, photometric: 'MONOCHROME2', bitsAllocated: 1, bitsStored: 1, samples: new Array(16).fill(1) });
  const image = describeImage((await openDicom(memoryFileAccess(bits))).file);
  assert.equal(completeRows(image, 7), 1);
  assert.equal(completeRows(image, 8), 2);
  assert.equal(completeRows(image, 16), 4);
});
