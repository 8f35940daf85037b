// A person opens a 20-frame chest CT in a 1440 x 900 window, in a dark and then a light theme:
// every viewer control is on screen without scrolling; typing a preset name applies it and the
// box shows its C/W; dragging gives whole-number windows; the bone colour map, the bone value
// range, the equalised ocean_r view and the 16-frame grid each change the picture as expected;
// an ROI reports its figures. Screenshots go to test-output/e2e/viewer-1440-*.png.
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { decode } from 'fast-png';
import type { Frame, Locator, Page } from 'playwright-core';
import { ctPhantomFile } from '../support/ctPhantom';
import { openWorkbench, quickOpen, screenshot, setColorTheme, webviewFrame, workspaceDir, type Workbench } from './harness/workbench';
import { waitForViewerState } from './inspectorSteps';

const FILE = 'phantom-chest-ct.dcm';
const FRAMES = 20;
const VIEWPORT = { width: 1440, height: 900 };

let workbench: Workbench;
let restoreTheme: (() => void) | undefined;

before(async () => {
  const dir = path.join(workspaceDir(), 'generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, FILE), ctPhantomFile(256, FRAMES));
  workbench = await openWorkbench(undefined, VIEWPORT);
});

after(async () => {
  restoreTheme?.();
  await workbench?.close();
});

/** RGB pixels of the image canvas as the screen shows them. */
async function pixels(canvas: Locator): Promise<{ data: Uint8Array; count: number; channels: number }> {
  const png = decode(await canvas.screenshot());
  return { data: png.data as Uint8Array, count: png.width * png.height, channels: png.channels };
}

function share(p: { data: Uint8Array; count: number; channels: number }, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < p.count; i++) if (test(p.data[i * p.channels], p.data[i * p.channels + 1], p.data[i * p.channels + 2])) n++;
  return n / p.count;
}

/** Every control named here lies fully inside the browser window (no scrolling needed). */
async function assertOnScreen(page: Page, frame: Frame, selectors: readonly string[]): Promise<void> {
  const offscreen: string[] = [];
  for (const selector of selectors) {
    const box = await frame.locator(selector).first().boundingBox();
    if (!box || box.y < 0 || box.x < 0 || box.y + box.height > VIEWPORT.height || box.x + box.width > VIEWPORT.width) offscreen.push(`${selector} ${JSON.stringify(box)}`);
  }
  assert.deepEqual(offscreen, [], 'controls outside the 1440 x 900 window');
}

const CONTROLS = [
  '[data-control="center"]', '[data-control="width"]', '[data-control="presets"]', '[data-control="colourmap"]', '[data-action="save"]',
  'canvas.dv-image', '[data-control="colourbar"]', '[data-control="frame"]', '[data-control="play"]', '[data-control="grid"]',
  'canvas.dv-histogram', '[data-control="histogram-bins"]', '[data-control="histogram-log"]', '[data-control="range"]', '[data-control="range-max"]',
  '[data-control="equalise"]', '[data-tool="rectangle"]', '[data-tool="line"]',
];

async function choose(frame: Frame, control: string, option: string): Promise<void> {
  await frame.locator(`[data-control="${control}"]`).click();
  await frame.getByRole('option', { name: option, exact: false }).first().click();
}

async function openPhantom(page: Page): Promise<{ frame: Frame; canvas: Locator; first: Record<string, string> }> {
  await quickOpen(page, FILE);
  const frame = await webviewFrame(page, 'canvas.dv-image');
  const first = await waitForViewerState(frame, (s) => Number(s.renders) >= 1 && s.seriesSampled === String(FRAMES), 'first frame and series min-max');
  return { frame, canvas: frame.locator('canvas.dv-image'), first };
}

test('dark theme at 1440 x 900: controls on screen, typed preset, whole-number drag, bone map and range, grid', async () => {
  const { page } = workbench;
  restoreTheme = await setColorTheme(page, 'Default Dark Modern', true);
  const { frame, canvas, first } = await openPhantom(page);
  try {
    await canvas.hover();
    await assertOnScreen(page, frame, [...CONTROLS, '.dv-readout']);
    assert.match(await frame.locator('.dv-readout').innerText(), /mm .*value -?\d+ HU/, 'readout shows mm and HU');
    // Min-max is the series' (all 20 frames), the same on every frame.
    assert.equal(first.seriesSampled, String(FRAMES));
    await screenshot(page, 'viewer-1440-dark-open');

    // Type a preset's name and Enter: the window is applied and the box shows it with its C/W.
    await frame.locator('[data-control="presets"]').click();
    await page.keyboard.type('Brain');
    await page.keyboard.press('Enter');
    const brain = await waitForViewerState(frame, (s) => s.preset === 'ct-brain', 'the Brain preset');
    assert.equal(brain.center, '40');
    assert.equal(brain.width, '80');
    const shown = await frame.locator('[data-control="presets"]').evaluate((el) => (el.shadowRoot?.querySelector('input') as HTMLInputElement | null)?.value ?? el.textContent ?? '');
    assert.match(shown, /Brain\s+C 40 W 80/, 'the preset box shows the preset and its C/W');
    await screenshot(page, 'viewer-1440-dark-brain-preset');

    // Drag: whole-number center and width for integer CT data.
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 37, box.y + box.height / 2 + 13, { steps: 5 });
    await page.mouse.up();
    const dragged = await waitForViewerState(frame, (s) => s.width !== '80', 'a window after dragging');
    assert.ok(Number.isInteger(Number(dragged.center)) && Number.isInteger(Number(dragged.width)), `whole-number window: ${dragged.center} / ${dragged.width}`);

    // Soft-tissue window, then the bone colour map: the picture turns blue-grey.
    await choose(frame, 'presets', 'Mediastinum');
    await waitForViewerState(frame, (s) => s.preset === 'ct-mediastinum', 'mediastinum');
    const grey = await pixels(canvas);
    await choose(frame, 'colourmap', 'bone');
    await waitForViewerState(frame, (s) => s.colourMap === 'bone', 'bone colour map');
    const bone = await pixels(canvas);
    const bluish = (p: typeof bone) => share(p, (r, g, b) => b > r + 8);
    assert.ok(bluish(grey) < 0.01 && bluish(bone) > 0.2, `bone tints mid-greys blue: ${bluish(grey).toFixed(3)} -> ${bluish(bone).toFixed(3)}`);
    await screenshot(page, 'viewer-1440-dark-bone-map');

    // The article's bone range: soft tissue and lungs go black, ribs and spine stay.
    await choose(frame, 'range', 'Bone 300 to 894');
    await waitForViewerState(frame, (s) => s.range === '300 894', 'bone range');
    const masked = await pixels(canvas);
    const black = (p: typeof bone) => share(p, (r, g, b) => r + g + b === 0);
    // Measured against what was not black before, so the share of canvas the image covers (it
    // depends on the layout around it) does not matter.
    const maskedShare = (black(masked) - black(bone)) / (1 - black(bone));
    assert.ok(maskedShare > 0.5, `bone range masks the rest: black ${black(bone).toFixed(3)} -> ${black(masked).toFixed(3)} (${maskedShare.toFixed(2)} of the picture)`);
    assert.ok(share(masked, (r, g, b) => r + g + b > 300) > 0.005, 'ribs and spine stay bright');
    await screenshot(page, 'viewer-1440-dark-bone-range');

    // The grid of 16 frames; clicking frame 5 opens it.
    await frame.locator('[data-control="grid"]').click();
    await waitForViewerState(frame, (s) => s.gridDrawn === '16', 'a grid of 16 frames');
    await assertOnScreen(page, frame, ['.dv-grid-cell[data-frame="15"]']);
    await screenshot(page, 'viewer-1440-dark-grid');
    await frame.locator('.dv-grid-cell[data-frame="4"]').click();
    await waitForViewerState(frame, (s) => s.frame === '4', 'frame 5 opened from the grid');
  } finally {
    await screenshot(page, 'viewer-1440-dark-final');
  }
});

test('light theme at 1440 x 900: equalised ocean_r view, histogram bins, ROI figures', async () => {
  const { page } = workbench;
  restoreTheme?.();
  restoreTheme = await setColorTheme(page, 'Default Light Modern', false);
  const { frame, canvas } = await openPhantom(page);
  try {
    await assertOnScreen(page, frame, CONTROLS);
    // Start from the file's own display (the first test left a colour map and a range on).
    await frame.locator('vscode-button', { hasText: 'Reset' }).click();
    await waitForViewerState(frame, (s) => s.colourMap === 'gray' && s.range === '', 'reset');
    const before = await pixels(canvas);
    await frame.locator('[data-control="equalise"]').click();
    await choose(frame, 'colourmap', 'ocean_r');
    await waitForViewerState(frame, (s) => s.equalise === '100' && s.colourMap === 'ocean_r', 'equalised ocean_r');
    const after = await pixels(canvas);
    const coloured = (p: typeof after) => share(p, (r, g, b) => Math.max(r, g, b) - Math.min(r, g, b) > 30);
    assert.ok(coloured(before) < 0.01 && coloured(after) > 0.5, `ocean_r colours the view: ${coloured(before).toFixed(3)} -> ${coloured(after).toFixed(3)}`);

    const bins = frame.locator('[data-control="histogram-bins"] input');
    await bins.fill('32');
    await bins.press('Enter');
    await frame.locator('canvas.dv-histogram[data-bins="32"]').waitFor();

    // A rectangle ROI on the body: mean, SD, min, max in HU and an area in mm².
    await frame.locator('[data-tool="rectangle"]').click();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.62);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.7, { steps: 4 });
    await page.mouse.up();
    await waitForViewerState(frame, (s) => s.measurements === '1', 'one measurement');
    assert.match(await frame.locator('[data-control="measurements"]').innerText(), /Rectangle: mean -?[\d.]+ SD [\d.]+ min -?\d+ max -?\d+ HU, [\d.]+ mm²/);
    await screenshot(page, 'viewer-1440-light-equalised-roi');
    await frame.locator('#frame-viewer .dv-root').focus();
    await page.keyboard.press('Escape');
    await waitForViewerState(frame, (s) => s.measurements === '0', 'Escape clears measurements');
  } finally {
    await screenshot(page, 'viewer-1440-light-final');
  }
});
