import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { checkWindow, minMaxWindow, voiFraction, voiGrey8, WindowError, type Voi } from '../../src/core/display/voi';
import { modalityValue } from '../../src/core/display/modality';
import { GreyscaleTable } from '../../src/core/display/greyscaleTable';
import { modalityHistogram } from '../../src/core/display/histogram';
import { frameDisplaySettings } from '../../src/core/display/frameDisplaySettings';
import { renderFrame } from '../../src/core/display/renderFrame';
import { windowPresets } from '../../src/core/display/presets';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import { writeImage } from './renderFixtures';

const linear = (center: number, width: number): Voi => ({ kind: 'window', center, width, fn: 'LINEAR' });

test('LINEAR (PS3.3 C.11.2.1.2.1): borders at c - 0.5 -/+ (w - 1) / 2', () => {
  // c = 50.5, w = 101: lower border 0, upper border 100; c - 0.5 = 50 maps to 0.5.
  const voi = linear(50.5, 101);
  assert.equal(voiFraction(voi, 0), 0);
  assert.equal(voiFraction(voi, -10), 0);
  assert.equal(voiFraction(voi, 100), 1);
  assert.equal(voiFraction(voi, 101), 1);
  assert.equal(voiFraction(voi, 50), 0.5);
  assert.equal(voiFraction(voi, 25), 0.25);
  // 8-bit output: ((x - (c - 0.5)) / (w - 1) + 0.5) * 255, truncated: 63.75 -> 63.
  assert.equal(voiGrey8(voi, 25, false), 63);
  assert.equal(voiGrey8(voi, 100, false), 255);
  assert.equal(voiGrey8(voi, 0, true), 255, 'inverted: the low border is white');
});

test('LINEAR with width 1 is a threshold at the center', () => {
  const voi = linear(100, 1);
  assert.equal(voiGrey8(voi, 99.5, false), 0);
  assert.equal(voiGrey8(voi, 100, false), 255);
});

test('LINEAR_EXACT (C.11.2.1.3.2): borders at c -/+ w / 2', () => {
  const voi: Voi = { kind: 'window', center: 0, width: 100, fn: 'LINEAR_EXACT' };
  assert.equal(voiFraction(voi, -50), 0);
  assert.equal(voiFraction(voi, 0), 0.5);
  assert.equal(voiFraction(voi, 25), 0.75);
  assert.equal(voiFraction(voi, 50), 1);
});

test('SIGMOID (C.11.2.1.3.1): 1 / (1 + exp(-4 (x - c) / w))', () => {
  const voi: Voi = { kind: 'window', center: 40, width: 400, fn: 'SIGMOID' };
  assert.equal(voiFraction(voi, 40), 0.5);
  assert.ok(Math.abs(voiFraction(voi, 140) - 1 / (1 + Math.exp(-1))) < 1e-12);
  assert.equal(voiGrey8(voi, 40, false), 127);
});

test('VOI LUT: entries scaled by the LUT bit depth, clamped outside its range', () => {
  const voi: Voi = { kind: 'lut', lut: { firstMapped: 10, bits: 12, entries: Uint16Array.of(0, 1000, 4095) } };
  assert.equal(voiFraction(voi, 0), 0);
  assert.equal(voiFraction(voi, 11), 1000 / 4095);
  assert.equal(voiFraction(voi, 99), 1);
});

test('modality: rescale slope and intercept, or a Modality LUT', () => {
  assert.equal(modalityValue({ kind: 'rescale', slope: 2, intercept: -1024, unit: 'HU' }, 600), 176);
  const lut = { kind: 'lut' as const, lut: { firstMapped: -2, bits: 16, entries: Uint16Array.of(5, 6, 7) }, unit: '' };
  assert.equal(modalityValue(lut, -5), 5);
  assert.equal(modalityValue(lut, -1), 6);
  assert.equal(modalityValue(lut, 9), 7);
});

test('unusable windows are rejected with a message', () => {
  assert.throws(() => checkWindow(40, 0), WindowError);
  assert.throws(() => checkWindow(40, Number.NaN), /not a number/);
  assert.throws(() => checkWindow(40, 0.5), WindowError);
  assert.doesNotThrow(() => checkWindow(40, 0.5, 'SIGMOID'));
});

test('min-max window maps the smallest value to 0 and the largest to 255', () => {
  const voi = minMaxWindow(-1000, 3000);
  assert.equal(voiGrey8(voi, -1000, false), 0);
  assert.equal(voiGrey8(voi, 3000, false), 255);
});

const frame = (samples: Int16Array, photometric = 'MONOCHROME2'): StoredFrame => ({
  width: samples.length, height: 1, samplesPerPixel: 1, photometric, bitsStored: 16, signed: true, samples,
});
const settings = { modality: { kind: 'rescale' as const, slope: 1, intercept: -1024, unit: 'HU' }, windows: [], voiFunction: 'LINEAR' as const, voiLuts: [], modalityName: 'CT' };

test('the grey table is rebuilt only when the window changes, not per frame', () => {
  const table = new GreyscaleTable();
  const a = frame(Int16Array.of(0, 1024, 2048));
  const b = frame(Int16Array.of(100, 200, 300));
  renderFrame(a, settings, { window: { center: 0, width: 400 } }, undefined, table);
  renderFrame(b, settings, { window: { center: 0, width: 400 } }, undefined, table);
  assert.equal(table.builds, 1);
  const out = renderFrame(a, settings, { window: { center: 40, width: 80 } }, undefined, table);
  assert.equal(table.builds, 2);
  assert.deepEqual([...out.data], [0, 0, 255]);
});

test('MONOCHROME1 is inverted, and the user invert undoes it', () => {
  const f = frame(Int16Array.of(0, 2048), 'MONOCHROME1');
  assert.deepEqual([...renderFrame(f, settings, { window: { center: 0, width: 100 } }).data], [255, 0]);
  assert.deepEqual([...renderFrame(f, settings, { window: { center: 0, width: 100 }, invert: true }).data], [0, 255]);
});

test('histogram counts modality values in equal bins', () => {
  const h = modalityHistogram(Int16Array.of(0, 0, 10, 20), { kind: 'rescale', slope: 1, intercept: -10, unit: '' }, 2);
  assert.equal(h.min, -10);
  assert.equal(h.max, 10);
  assert.deepEqual([...h.counts], [2, 2]);
});

test('presets: the file windows with explanations, min-max, and CT presets for CT', () => {
  const presets = windowPresets([{ center: 40, width: 400, explanation: 'SOFT TISSUE' }], { center: 0, width: 10 }, 'CT');
  assert.equal(presets[0].label, 'SOFT TISSUE (file)');
  assert.ok(presets.some((p) => p.id === 'ct-lung' && p.center === -600 && p.width === 1500));
  assert.ok(!windowPresets([], { center: 0, width: 10 }, 'MR').some((p) => p.source === 'ct'));
});

test('enhanced multi-frame: per-frame functional groups override shared ones', async () => {
  const item = (elements: object[]) => ({ elements });
  const pixelValue = (intercept: string) => ({ tag: 0x00289145, vr: 'SQ', items: [item([{ tag: 0x00281052, vr: 'DS', value: intercept }, { tag: 0x00281053, vr: 'DS', value: '1' }, { tag: 0x00281054, vr: 'LO', value: 'HU' }])] });
  const voi = (c: string, w: string) => ({ tag: 0x00289132, vr: 'SQ', items: [item([{ tag: 0x00281050, vr: 'DS', value: c }, { tag: 0x00281051, vr: 'DS', value: w }])] });
  const bytes = writeImage({
    rows: 1, columns: 2, frames: 2, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: [1, 2, 3, 4],
    extra: [
      { tag: 0x52009229, vr: 'SQ', items: [item([pixelValue('-1024'), voi('40', '400')])] },
      { tag: 0x52009230, vr: 'SQ', items: [item([]), item([pixelValue('-1000'), voi('-600', '1500')])] },
    ] as never,
  });
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  const first = await frameDisplaySettings(file, 0, source);
  const second = await frameDisplaySettings(file, 1, source);
  assert.deepEqual(first.modality, { kind: 'rescale', slope: 1, intercept: -1024, unit: 'HU' });
  assert.deepEqual(first.windows, [{ center: 40, width: 400, explanation: '' }]);
  assert.deepEqual(second.modality, { kind: 'rescale', slope: 1, intercept: -1000, unit: 'HU' });
  assert.deepEqual(second.windows, [{ center: -600, width: 1500, explanation: '' }]);
});
