import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitView, imagePoint, prefetchOrder, stepFrame, windowAfterDrag, windowEdges, windowFromEdges, zoomAt } from '../../webview/viewer/viewerMath';
import { FrameStore } from '../../webview/viewer/frameStore';
import type { ViewerPort } from '../../webview/viewer/viewerPort';
import type { FrameMessage, ViewerToHostMessage } from '../../src/shared/viewerProtocol';
import { GreyscaleTable } from '../../src/core/display/greyscaleTable';

test('dragging right widens the window, dragging down raises the center, in proportion to the value range', () => {
  const w = windowAfterDrag({ center: 40, width: 400 }, 100, 50, 4000, 1000);
  assert.deepEqual(w, { center: 240, width: 800 });
  assert.equal(windowAfterDrag({ center: 0, width: 10 }, -1000, 0, 4000, 1000).width, 1, 'width never drops below 1');
});

test('histogram edges and back', () => {
  assert.deepEqual(windowEdges({ center: 40, width: 400 }), { lower: -160, upper: 240 });
  assert.deepEqual(windowFromEdges(240, -160), { center: 40, width: 400 });
});

test('fit, zoom around a point, and the image pixel under the cursor', () => {
  const fit = fitView(512, 256, 1024, 1024);
  assert.deepEqual(fit, { scale: 2, x: 0, y: 256 });
  assert.deepEqual(imagePoint(fit, 3, 256 + 5, 512, 256), { x: 1, y: 2 });
  assert.equal(imagePoint(fit, 3, 100, 512, 256), null);
  const zoomed = zoomAt(fit, 2, 100, 300);
  assert.deepEqual(imagePoint(zoomed, 100, 300, 512, 256), imagePoint(fit, 100, 300, 512, 256));
});

test('frame stepping clamps, cine wraps, prefetch goes nearest first in the direction of travel', () => {
  assert.equal(stepFrame(0, -1, 5), 0);
  assert.equal(stepFrame(4, 1, 5), 4);
  assert.equal(stepFrame(4, 1, 5, true), 0);
  assert.deepEqual(prefetchOrder(5, 8, 2, -1), [4, 6, 3, 7]);
});

test('frame store asks the host once per frame and evicts least recently used frames over budget', async () => {
  const asked: { frame: number; answer(reply: FrameMessage): void }[] = [];
  const port: ViewerPort = {
    request: <R,>(message: ViewerToHostMessage) =>
      new Promise<R>((resolve) => asked.push({ frame: message.type === 'viewer/getFrame' ? message.frame : -1, answer: (reply) => resolve(reply as R) })),
    onMessage: () => () => undefined,
  };
  const store = new FrameStore(port, 2 * 8);
  const reply = (frame: number): FrameMessage => ({
    type: 'viewer/frame', frame, width: 2, height: 2, photometric: 'MONOCHROME2', samplesPerPixel: 1, sampleType: 'Uint16',
    bitsStored: 16, signed: false, samples: new Uint16Array([frame, 1, 2, 3]).buffer,
    display: { modality: { kind: 'rescale', slope: 1, intercept: 0, unit: '' }, windows: [], voiFunction: 'LINEAR', voiLuts: [], modalityName: '' },
    partial: null,
    warnings: [], overlays: [],
  });
  const a = store.get(0);
  const again = store.get(0);
  assert.equal(asked.length, 1);
  asked[0].answer(reply(0));
  assert.equal((await a).frame.samples[0], 0);
  assert.equal(await again, await a);
  for (const i of [1, 2]) {
    const p = store.get(i);
    assert.equal(asked[asked.length - 1].frame, i);
    asked[asked.length - 1].answer(reply(i));
    await p;
  }
  assert.ok(!store.has(0), 'frame 0 evicted: three 8-byte frames exceed a 16-byte budget');
  assert.ok(store.has(2));
});

test('the RGBA table is the grey table as opaque words', () => {
  const table = new GreyscaleTable();
  const params = { modality: { kind: 'rescale' as const, slope: 1, intercept: 0, unit: '' }, voi: { kind: 'window' as const, center: 128, width: 256, fn: 'LINEAR' as const }, inverted: false };
  const lut = table.rgbaTable(0, 255, params)!;
  assert.equal(lut.first, 0);
  assert.equal(lut.table[255], 0xffffffff);
  assert.equal(lut.table[0], 0xff000000);
  assert.equal(lut.table[100] & 0xff, table.greyOf(100, params));
});

test('drag gives whole-number windows for integer data and a step of about 1/1000 of the range otherwise', async () => {
  const { wholeNumberModality } = await import('../../webview/viewer/viewerMath');
  const whole = windowAfterDrag({ center: 40, width: 400 }, 7, 3, 3000, 700, true);
  assert.ok(Number.isInteger(whole.center) && Number.isInteger(whole.width), JSON.stringify(whole));
  assert.deepEqual(whole, { center: Math.round(40 + (3 * 3000) / 700), width: Math.round(400 + (7 * 3000) / 700) });
  const dose = windowAfterDrag({ center: 20, width: 30 }, 5, 5, 70, 700, false);
  assert.deepEqual(dose, { center: 20.5, width: 30.5 }, 'RT Dose in Gy: 0.01 Gy steps give 20.5 / 30.5');
  assert.equal(wholeNumberModality({ kind: 'rescale', slope: 1, intercept: -1024 }), true);
  assert.equal(wholeNumberModality({ kind: 'rescale', slope: 0.000012, intercept: 0 }), false);
});

test('series figures read every frame of a small series and an even sample of a big one', async () => {
  const { sampledFrames } = await import('../../webview/viewer/seriesStats');
  assert.deepEqual(sampledFrames(15, 512 * 512 * 2), Array.from({ length: 15 }, (_, i) => i));
  const big = sampledFrames(300, 512 * 512 * 2);
  assert.equal(big.length, 32);
  assert.equal(big[0], 0);
  assert.equal(big[31], 299);
  assert.equal(sampledFrames(100, 4096 * 4096 * 2).length, 8, '256 MiB of 32 MiB frames');
});
