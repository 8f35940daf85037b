/**
 * The viewer's host side without VS Code: image information, frames with their display
 * settings, errors as messages (never thrown), PNG through the render pipeline, and the
 * validation of what the webview sends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from 'fast-png';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { openImageSession as openSessionOn } from '../../src/extension/viewer/imageSession';
import { parseViewerMessage } from '../../src/shared/viewerProtocol';
import { samplesFromBuffer, settingsFromView } from '../../src/shared/frameTransport';
import { writeImage } from './renderFixtures';
import { colourMapRgb } from '../../src/core/display/colourMaps';

const ct = writeImage({
  rows: 2, columns: 3, frames: 2, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, signed: true, modality: 'CT',
  samples: [-1000, 0, 40, 100, 1000, 2000, 1, 2, 3, 4, 5, 6],
  extra: [{ tag: 0x00281050, vr: 'DS', value: '40' }, { tag: 0x00281051, vr: 'DS', value: '400' }, { tag: 0x00281052, vr: 'DS', value: '-1024' }, { tag: 0x00281053, vr: 'DS', value: '1' }],
});

/** The session over a file's bytes, given the model as the document would give it. */
async function openImageSession(bytes: Uint8Array) {
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  return openSessionOn(file, source);
}

test('image info and a frame with its samples and display settings', async () => {
  const session = await openImageSession(ct);
  assert.equal(session.info.error, null);
  assert.equal(session.info.info?.numberOfFrames, 2);
  const frame = await session.frameMessage(1);
  assert.equal(frame.type, 'viewer/frame');
  if (frame.type !== 'viewer/frame') return;
  assert.equal(frame.frame, 1);
  assert.equal(frame.partial, null);
  assert.deepEqual([...samplesFromBuffer(frame.sampleType, frame.samples)], [1, 2, 3, 4, 5, 6]);
  const settings = settingsFromView(frame.display);
  assert.deepEqual(settings.modality, { kind: 'rescale', slope: 1, intercept: -1024, unit: 'HU' });
  assert.deepEqual(settings.windows, [{ center: 40, width: 400, explanation: '' }]);
});

test('a missing frame and bad pixel data become messages, not exceptions', async () => {
  const session = await openImageSession(ct);
  const missing = await session.frameMessage(5);
  assert.equal(missing.type, 'viewer/frameError');
  const broken = await openImageSession((writeImage({ rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 9, samples: [1, 2, 3, 4] })));
  assert.equal(broken.info.info, null);
  assert.match(broken.info.error ?? '', /Bits Stored 9/);
  assert.equal((await broken.frameMessage(0)).type, 'viewer/frameError');
});

test('Save Frame as PNG renders through the render pipeline with the viewer window', async () => {
  const session = await openImageSession(ct);
  const png = decode(await session.renderPng(0, { window: { center: -1024 + 40, width: 2 }, voiLutIndex: null, invert: false }));
  // Modality values -2024, -1024, -984, ...: a 2-wide window at -984 thresholds them.
  assert.deepEqual([...png.data], [0, 0, 255, 255, 255, 255]);
  const inverted = decode(await session.renderPng(0, { window: { center: -1024 + 40, width: 2 }, voiLutIndex: null, invert: true }));
  assert.deepEqual([...inverted.data], [255, 255, 0, 0, 0, 0]);
  // With the viewer's look: RGB through the hot map, black outside the value range.
  const looked = decode(await session.renderPng(0, { window: { center: -1024 + 40, width: 2 }, voiLutIndex: null, invert: false, colourMap: 'hot', range: { min: -1000, max: 0 } }));
  assert.equal(looked.channels, 3);
  const hot = colourMapRgb('hot');
  const rgb = (g: number) => [...hot.slice(g * 3, g * 3 + 3)];
  // Modality values -2024 and -1024 fall below the range, -984, -924 and -24 inside it (grey 255), 976 above.
  assert.deepEqual([...looked.data], [0, 0, 0, 0, 0, 0, ...rgb(255), ...rgb(255), ...rgb(255), 0, 0, 0]);
});

test('messages from the webview are validated field by field', () => {
  assert.deepEqual(parseViewerMessage({ type: 'viewer/getFrame', requestId: 3, frame: 2 }), { type: 'viewer/getFrame', frame: 2 });
  assert.equal(parseViewerMessage({ type: 'viewer/getFrame', requestId: 3, frame: -1 }), null);
  assert.equal(parseViewerMessage({ type: 'viewer/getFrame', requestId: 3, frame: '2' }), null);
  assert.equal(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: false, window: { center: 'x', width: 1 } }), null);
  assert.deepEqual(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: true, window: null }), { type: 'viewer/saveFrame', frame: 0, invert: true, window: null, voiLutIndex: null });
  assert.equal(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: true, window: null, voiLutIndex: -2 }), null);
  // The display look travels with the request, checked field by field.
  const look = { colourMap: 'bone', range: { min: 300, max: 894 }, equalise: [-1000, 0, 40, 1200] };
  assert.deepEqual(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: false, window: null, ...look }), { type: 'viewer/saveFrame', frame: 0, invert: false, window: null, voiLutIndex: null, ...look });
  assert.equal(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: false, window: null, range: { min: 5, max: 1 } }), null);
  assert.equal(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: false, window: null, equalise: [0, 'x'] }), null);
  assert.equal(parseViewerMessage({ type: 'viewer/saveFrame', frame: 0, invert: false, window: null, colourMap: 7 }), null);
  // Save Frames: the same choices, no frame number.
  assert.deepEqual(parseViewerMessage({ type: 'viewer/saveFrames', invert: false, window: { center: 40, width: 400 }, ...look }), { type: 'viewer/saveFrames', invert: false, window: { center: 40, width: 400 }, voiLutIndex: null, ...look });
  assert.equal(parseViewerMessage({ type: 'viewer/saveFrames', window: null }), null);
  assert.equal(parseViewerMessage({ type: 'revealRow', id: 'x' }), null);
  assert.equal(parseViewerMessage(null), null);
});
