// A person opens an image whose file ends in the middle of its first frame: the rows that are
// there are drawn, the missing ones are striped, the viewer says which rows are missing, and
// dragging on the image still changes the window.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { decode } from 'fast-png';
import { fixtureByName } from '../fixtures/catalog';
import { openWorkbench, quickOpen, screenshot, webviewFrame, workspaceDir, type Workbench } from './harness/workbench';
import { waitForViewerState } from './inspectorSteps';

const FILE = 'partial-first-frame.dcm';
/** 16 rows of 12 columns at 16 bits: 24 bytes a row. */
const ROWS = 16;
const ROW_BYTES = 24;
const KEPT_ROWS = 8;

let workbench: Workbench;

before(async () => {
  // The writer's 5-frame native image, cut 8½ rows into the first frame.
  const { bytes, layout } = fixtureByName('multiframe-native-16bit').build();
  const pixelData = layout.dataSet.find((element) => element.tag === '7FE00010');
  assert.ok(pixelData, 'the fixture has Pixel Data');
  writeFileSync(path.join(workspaceDir(), FILE), bytes.subarray(0, pixelData.valueOffset + KEPT_ROWS * ROW_BYTES + ROW_BYTES / 2));
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

test('a frame cut short is drawn in part, its missing rows marked, and windowing works on it', async () => {
  const { page } = workbench;
  await quickOpen(page, FILE);
  const frame = await webviewFrame(page, 'canvas.dv-image');
  const canvas = frame.locator('canvas.dv-image');
  try {
    const first = await waitForViewerState(frame, (s) => Number(s.renders) >= 1, 'the partial frame rendered');
    assert.equal(first.completeRows, String(KEPT_ROWS));
    const note = frame.locator('.dv-partial');
    assert.match(await note.innerText(), new RegExp(`Frame 1 is cut short: ${KEPT_ROWS * ROW_BYTES + ROW_BYTES / 2} of its ${ROWS * ROW_BYTES} bytes.*rows ${KEPT_ROWS + 1}–${ROWS} of ${ROWS} are missing`));

    // The lower half of the image (the missing rows) is striped in red; the upper half is grey.
    const box = await canvas.boundingBox();
    assert.ok(box);
    const png = decode(await page.screenshot({ clip: box }));
    const pixel = (fx: number, fy: number): number[] => {
      const i = (Math.floor(fy * png.height) * png.width + Math.floor(fx * png.width)) * png.channels;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    };
    let reddish = 0;
    let greyish = 0;
    for (let k = 1; k < 20; k++) {
      const [r, g, b] = pixel(0.5, 0.5 + (k / 20) * 0.15 + 0.3);
      if (r > g + 20 && r > b + 20) reddish++;
      const [r2, g2, b2] = pixel(0.5, 0.3 + (k / 20) * 0.1);
      if (Math.abs(r2 - g2) < 8 && Math.abs(g2 - b2) < 8) greyish++;
    }
    assert.ok(reddish > 0, 'missing rows are marked');
    assert.equal(greyish, 19, 'rows that are there are drawn as they are');

    // Windowing by drag works on the partial frame.
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 4;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y, { steps: 6 });
    await page.mouse.move(x + 120, y, { steps: 6 });
    await page.mouse.up();
    await waitForViewerState(frame, (s) => Number(s.width) > Number(first.width), 'a wider window after dragging right');
  } finally {
    await screenshot(page, 'viewer-partial-frame');
  }
});
