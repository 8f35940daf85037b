/**
 * Header values that used to pass silently now give issues with codes and offsets (dump exits
 * 1 on the errors), a window width of 0 falls back like NaN, padding is left out of min-max
 * and the histogram, RT Dose reads in Gy, and a fragment holding delimiter-like bytes is read
 * by its item length (the decoding of such a fragment is in codecs-pydicom.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { openDicom } from '../../src/core/parse/readDicom';
import { frameDisplaySettings } from '../../src/core/display/frameDisplaySettings';
import { modalityHistogram } from '../../src/core/display/histogram';
import { chooseVoi, modalityMinMax } from '../../src/core/display/renderFrame';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { runDump } from '../../src/cli/commands/dump';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { scratchPath } from './codecsReference';
import { writeImage } from './renderFixtures';
import { collect } from './renderDcmtkSupport';

const grey = (extra: ElementSpec[], samples = [0, 100, 200, 300]) =>
  writeImage({ rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples, extra });

function issue(bytes: Uint8Array, code: string) {
  const file = parseDicomBytes(bytes);
  const found = file.issues.find((i) => i.code === code);
  assert.ok(found, `${code} among ${file.issues.map((i) => i.code).join(', ') || 'no issues'}`);
  return { found, file };
}

async function dumpExit(bytes: Uint8Array): Promise<number> {
  const path = scratchPath('silent.dcm');
  writeFileSync(path, bytes);
  const out = collect();
  return runDump([path], { stdout: out.stream, stderr: out.stream });
}

test('Number of Frames "1e308" is an error at its offset, and the image reads as one frame', async () => {
  const bytes = grey([{ tag: 0x00280008, vr: 'IS', value: '1e308' }]);
  const { found, file } = issue(bytes, 'number-of-frames-invalid');
  assert.equal(found.offset, file.dataSet.find((e) => e.tag === '00280008')?.offset);
  assert.match(found.message, /"1e308" is not a whole number of frames/);
  assert.equal((await openPixelReader(file, memoryFileAccess(bytes))).image.numberOfFrames, 1);
  assert.equal(await dumpExit(bytes), 1);
});

test('Bits Allocated 0, 3 and 64 and Samples per Pixel 0 are errors that dump reports with exit 1', async () => {
  for (const bits of [0, 3, 64]) {
    const bytes = writeImage({ rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, samples: [1, 2, 3, 4] });
    // Rewrite the US value of (0028,0100) in place: the writer checks the value it packs.
    const file = parseDicomBytes(bytes);
    const element = file.dataSet.find((e) => e.tag === '00280100');
    assert.ok(element);
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(element.valueOffset, bits, true);
    const { found } = issue(bytes, 'bits-allocated-unsupported');
    assert.equal(found.offset, element.offset);
    assert.equal(await dumpExit(bytes), 1);
  }
  const zeroSamples = grey([]);
  const spp = parseDicomBytes(zeroSamples).dataSet.find((e) => e.tag === '00280002');
  assert.ok(spp);
  new DataView(zeroSamples.buffer, zeroSamples.byteOffset).setUint16(spp.valueOffset, 0, true);
  assert.equal(issue(zeroSamples, 'samples-per-pixel-zero').found.offset, spp.offset);
  assert.equal(await dumpExit(zeroSamples), 1);
});

test('a meta group length of 0xFFFFFFF0 is reported with the length it should have', () => {
  const written = writeDicom([{ tag: 0x00100010, vr: 'PN', value: 'A^B' }], { transferSyntax: 'explicitLittle' });
  const bytes = written.bytes.slice();
  const groupLength = written.layout.meta[0];
  new DataView(bytes.buffer).setUint32(groupLength.valueOffset, 0xfffffff0, true);
  const { found, file } = issue(bytes, 'meta-group-length-mismatch');
  assert.equal(found.offset, groupLength.valueOffset);
  assert.match(found.message, new RegExp(`is 4294967280 \\(0xFFFFFFF0\\), but the meta elements after it take ${written.layout.dataSetOffset - groupLength.valueOffset - 4} bytes`));
  assert.equal(file.dataSet[0]?.tag, '00100010', 'the data set is still read');
});

test('a window width of 0 is a warning and falls back like NaN, to min-max', async () => {
  const bytes = grey([{ tag: 0x00281050, vr: 'DS', value: '100' }, { tag: 0x00281051, vr: 'DS', value: '0' }]);
  issue(bytes, 'window-width-invalid');
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  const settings = await frameDisplaySettings(file, 0, source);
  assert.deepEqual(settings.windows, []);
  const frame = await (await openPixelReader(file, source)).readFrame(0);
  assert.deepEqual(chooseVoi(frame, settings, {}), { kind: 'window', center: 150.5, width: 301, fn: 'LINEAR' });
  assert.equal(await dumpExit(bytes), 0, 'a warning alone does not fail dump');
});

test('Pixel Padding Value and Range Limit are left out of min-max and the histogram', async () => {
  const samples = [0, 100, 200, 300];
  for (const [extra, expected, counted] of [
    [[{ tag: 0x00280120, vr: 'US', value: [0] }], { min: 100, max: 300 }, 3],
    [[{ tag: 0x00280120, vr: 'US', value: [300] }, { tag: 0x00280121, vr: 'US', value: [200] }], { min: 0, max: 100 }, 2],
  ] as const) {
    const bytes = grey([...extra], samples);
    const { file, source } = await openDicom(memoryFileAccess(bytes));
    const settings = await frameDisplaySettings(file, 0, source);
    const frame = await (await openPixelReader(file, source)).readFrame(0);
    assert.deepEqual(modalityMinMax(frame, settings.modality, settings.padding), expected);
    const histogram = modalityHistogram(frame.samples, settings.modality, 4, settings.padding);
    assert.deepEqual({ min: histogram.min, max: histogram.max }, expected);
    assert.equal(histogram.counts.reduce((a, b) => a + b, 0), counted, 'padded samples are not counted');
  }
});

test('RT Dose reads in Gy through Dose Grid Scaling', async () => {
  const bytes = grey([{ tag: 0x30040002, vr: 'CS', value: 'GY' }, { tag: 0x3004000e, vr: 'DS', value: '0.001' }]);
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  const settings = await frameDisplaySettings(file, 0, source);
  assert.deepEqual(settings.modality, { kind: 'rescale', slope: 0.001, intercept: 0, unit: 'Gy' });
  const frame = await (await openPixelReader(file, source)).readFrame(0);
  assert.deepEqual(modalityMinMax(frame, settings.modality), { min: 0, max: 0.3 });
});

test('a JPEG 2000 fragment holding FE FF DD E0 is read by its item length, in memory and by range', async () => {
  // The bytes of a Sequence Delimitation Item tag, inside a fragment, before the real one.
  const codestream = Uint8Array.from([0xff, 0x4f, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0, 0xff, 0xd9]);
  const bytes = writeImage({ rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, samples: [], transferSyntax: 'jpeg2000Lossless', encapsulatedFrames: [[codestream, Uint8Array.from([1, 2])]] });
  for (const file of [parseDicomBytes(bytes), (await openDicom(memoryFileAccess(bytes))).file]) {
    const pixelData = file.dataSet.find((e) => e.tag === '7FE00010');
    assert.deepEqual(pixelData?.fragments?.map((f) => f.length), [12, 2]);
    assert.deepEqual(file.issues, []);
  }
});
