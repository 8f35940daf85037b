// A person opens a multi-frame CT in the DICOM Inspector editor, drags on the image to widen
// the window, and steps to the next frame with the keyboard; the picture changes as it should.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decode } from 'fast-png';
import type { Locator } from 'playwright-core';
import { openWorkbench, quickOpen, screenshot, webviewFrame, workspaceFile, type Workbench } from './harness/workbench';
import { waitForViewerState } from './inspectorSteps';

/** Two CT frames, RLE Lossless, with a window of C 49 W 102 in its functional groups. */
const FILE = 'CT0012.not_fragmented_bot_rle.dcm';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

/** Grey values of the image canvas as the screen shows it (R channel of a screenshot). */
async function greys(canvas: Locator): Promise<Uint8Array> {
  const png = decode(await canvas.screenshot());
  const out = new Uint8Array(png.width * png.height);
  for (let i = 0; i < out.length; i++) out[i] = png.data[i * png.channels];
  return out;
}

function spread(values: Uint8Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return Math.sqrt(sq / values.length);
}

test('drag windows the image and the arrow key steps frames', async (t) => {
  if (!workspaceFile(t, 'corpus', FILE)) return;
  const { page } = workbench;
  await quickOpen(page, FILE);
  const frame = await webviewFrame(page, 'canvas.dv-image');
  const canvas = frame.locator('canvas.dv-image');
  try {
    const first = await waitForViewerState(frame, (s) => Number(s.renders) >= 1, 'first frame rendered');
    assert.equal(first.frame, '0');
    const before = await greys(canvas);

    // Drag right: a wider window, so less contrast.
    const box = await canvas.boundingBox();
    assert.ok(box, 'the image canvas is on screen');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y, { steps: 6 });
    await page.mouse.move(x + 120, y, { steps: 6 });
    await page.mouse.up();
    const widened = await waitForViewerState(frame, (s) => Number(s.width) > Number(first.width), 'a wider window after dragging right');
    const after = await greys(canvas);
    assert.ok(spread(after) < spread(before), `contrast should drop: ${spread(before).toFixed(1)} -> ${spread(after).toFixed(1)}`);
    await screenshot(page, 'viewer-after-drag');

    // Step to frame 2 with the keyboard; the window the user chose is kept.
    await canvas.click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('ArrowRight');
    const second = await waitForViewerState(frame, (s) => s.frame === '1' && Number(s.renders) > Number(widened.renders), 'frame 2 rendered');
    assert.equal(second.width, widened.width);
    const next = await greys(canvas);
    let changed = 0;
    for (let i = 0; i < next.length; i++) if (next[i] !== after[i]) changed++;
    assert.ok(changed > next.length / 100, `frame 2 should look different (${changed} pixels changed)`);
  } finally {
    await screenshot(page, 'viewer-multiframe');
  }
});
