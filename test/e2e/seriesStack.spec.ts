// A person opens a CT series from the DICOM Explorer as a stack (the series row's inline
// button), steps to the sixth slice with the arrow key, looks at the series in the frame grid,
// and opens the file of the slice on screen from the line that names it; light and dark themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { activeTabTitle, openWorkbench, screenshot, setColorTheme, webviewWithText, workspaceFile, type Workbench } from './harness/workbench';
import { clearHover, showSidePane, waitForViewerState } from './inspectorSteps';
import { ctSeriesSlices } from '../fixtures/series/ctSeries';

/** The slice stepped to: the sixth along the normal. */
const STEP_TO = 5;

let workbench: Workbench;
let restoreTheme: (() => void) | undefined;

before(async () => {
  workbench = await openWorkbench('seriesStack', { width: 1440, height: 900 });
});

after(async () => {
  restoreTheme?.();
  await workbench?.close();
});

/** Expands the tree row with `text` (click, then the right arrow, as a person would with the keyboard). */
async function expandRow(page: Page, explorer: ReturnType<Page['locator']>, text: string): Promise<void> {
  const row = explorer.locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
}

async function stackBarText(frame: Frame): Promise<string> {
  return (await frame.locator('.stack-bar').innerText()).replace(/\s+/g, ' ').trim();
}

test('a series opened from the DICOM Explorer steps like a multi-frame file, in order along the normal', async (t) => {
  const slices = ctSeriesSlices().sort((a, b) => a.place - b.place);
  if (!workspaceFile(t, 'fixtures', 'series', 'ct', slices[0].fileName)) return;
  const { page } = workbench;
  restoreTheme = await setColorTheme(page, 'Default Light Modern', false);
  const explorer = await showSidePane(page, 'DICOM Explorer');
  await expandRow(page, explorer, 'Stack^Sam');
  await expandRow(page, explorer, 'Stack study');
  const series = explorer.locator('.monaco-list-row', { hasText: '#5 CT Tilted chest stack' }).first();
  await series.waitFor();
  await series.hover();
  await series.locator('.action-label[aria-label="Open Series as Stack"]').click();

  const frame = await webviewWithText(page, /Ordered by Image Position \(Patient\) along the normal/);
  try {
    await waitForViewerState(frame, (s) => Number(s.renders) >= 1 && s.frame === '0', 'the first slice drawn');
    assert.match(await stackBarText(frame), new RegExp(`Instance 1 of 12: ${slices[0].fileName}`));
    assert.match(await frame.locator('.summary-details > summary').innerText(), /12 instances, 12 frames/);
    const canvas = frame.locator('canvas.dv-image');
    await canvas.click({ position: { x: 4, y: 4 } });
    for (let i = 0; i < STEP_TO; i++) await page.keyboard.press('ArrowRight');
    const stepped = await waitForViewerState(frame, (s) => s.frame === String(STEP_TO), `slice ${STEP_TO + 1} on screen`);
    // The window preset is the slice's own (Window Center 40 + its place along the normal).
    await waitForViewerState(frame, (s) => s.center === String(40 + STEP_TO) && Number(s.renders) > 1, 'the slice\'s own window');
    assert.equal(stepped.frame, String(STEP_TO));
    const bar = await stackBarText(frame);
    assert.match(bar, new RegExp(`Instance ${STEP_TO + 1} of 12: ${slices[STEP_TO].fileName}`));
    assert.match(bar, new RegExp(`Instance Number ${slices[STEP_TO].instanceNumber}`));
    await clearHover(page);
    await screenshot(page, 'series-stack-light');

    // The frame grid shows the series, from the slice on screen.
    await canvas.focus().catch(() => undefined);
    await frame.locator('.dv-root').press('g');
    await waitForViewerState(frame, (s) => Number(s.gridDrawn) >= 7, 'the grid drawn');
    await screenshot(page, 'series-stack-grid-light');
    await frame.locator('.dv-root').press('g');

    restoreTheme();
    restoreTheme = await setColorTheme(page, 'Default Dark Modern', true);
    await waitForViewerState(frame, (s) => s.frame === String(STEP_TO), 'the same slice after the theme changed');
    await screenshot(page, 'series-stack-dark');

    // The file name opens the slice's own file.
    await frame.locator('.stack-file').click();
    await page.waitForFunction((name) => document.querySelector('.editor-group-container.active .tab.active .label-name')?.textContent?.trim() === name, slices[STEP_TO].fileName);
    assert.equal(await activeTabTitle(page), slices[STEP_TO].fileName);
    const opened = await webviewWithText(page, 'CT Image Storage');
    await waitForViewerState(opened, (s) => Number(s.renders) >= 1 && s.center === String(40 + STEP_TO), 'the opened file drawn with its own window');
  } finally {
    await screenshot(page, 'series-stack-opened-file');
  }
});
