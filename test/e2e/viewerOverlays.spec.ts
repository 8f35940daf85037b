// A person opens an image with two overlay planes (60xx) in a 1440 x 900 window, dark then
// light theme: the Overlays toggle is on screen and on, the planes are drawn white over the
// image; switching them off (the toggle, or the O key) takes the white lines away and back.
// Screenshots go to test-output/e2e/viewer-overlays-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decode } from 'fast-png';
import type { Locator } from 'playwright-core';
import { openWorkbench, quickOpen, screenshot, setColorTheme, webviewFrame, type Workbench } from './harness/workbench';
import { waitForViewerState } from './inspectorSteps';

const FILE = 'overlay-data.dcm';
const VIEWPORT = { width: 1440, height: 900 };

let workbench: Workbench;
let restoreTheme: (() => void) | undefined;

before(async () => {
  workbench = await openWorkbench(undefined, VIEWPORT);
});

after(async () => {
  restoreTheme?.();
  await workbench?.close();
});

/** Share of the canvas's screen pixels that are pure white (overlay pixels; the 12-bit image peaks below). */
async function whiteShare(canvas: Locator): Promise<number> {
  const png = decode(await canvas.screenshot());
  const d = png.data as Uint8Array;
  let n = 0;
  for (let i = 0; i < png.width * png.height; i++) if (d[i * png.channels] === 255 && d[i * png.channels + 1] === 255 && d[i * png.channels + 2] === 255) n++;
  return n / (png.width * png.height);
}

for (const theme of [{ name: 'Default Dark Modern', dark: true, tag: 'dark' }, { name: 'Default Light Modern', dark: false, tag: 'light' }]) {
  test(`${theme.tag} theme at 1440 x 900: overlays drawn, and hidden with the toggle and the O key`, async () => {
    const { page } = workbench;
    restoreTheme?.();
    restoreTheme = await setColorTheme(page, theme.name, theme.dark);
    await quickOpen(page, FILE);
    const frame = await webviewFrame(page, 'canvas.dv-image');
    const canvas = frame.locator('canvas.dv-image');
    const toggle = frame.locator('[data-control="overlays"]');
    try {
      // On by default when the file has overlays (an earlier test may have left it off: turn it on).
      let state = await waitForViewerState(frame, (s) => Number(s.renders) >= 1 && s.overlays !== undefined && s.overlays !== '', 'first frame with overlay state');
      if (state.overlays === 'hidden') {
        await toggle.click();
        state = await waitForViewerState(frame, (s) => s.overlays !== 'hidden', 'overlays back on');
      }
      assert.equal(state.overlays, '2 shown');
      const box = await toggle.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= VIEWPORT.height && box.x + box.width <= VIEWPORT.width, `toggle on screen: ${JSON.stringify(box)}`);
      assert.equal(await toggle.evaluate((el) => (el as HTMLElement & { checked: boolean }).checked), true);
      const shown = await whiteShare(canvas);
      await screenshot(page, `viewer-overlays-${theme.tag}-on`);

      await toggle.click();
      await waitForViewerState(frame, (s) => s.overlays === 'hidden', 'overlays hidden by the toggle');
      const hidden = await whiteShare(canvas);
      await screenshot(page, `viewer-overlays-${theme.tag}-off`);
      assert.ok(shown > 0.02 && hidden < shown / 4, `white overlay pixels: ${shown.toFixed(3)} shown, ${hidden.toFixed(3)} hidden`);

      // The keyboard brings them back: O on the viewer.
      await frame.locator('#frame-viewer .dv-root').focus();
      await page.keyboard.press('o');
      await waitForViewerState(frame, (s) => s.overlays === '2 shown', 'overlays shown again with O');
      assert.ok(Math.abs((await whiteShare(canvas)) - shown) < 0.005, 'the same overlay pixels come back');
    } finally {
      await screenshot(page, `viewer-overlays-${theme.tag}-final`);
    }
  });
}
