// A person opens a structured report in a 1440×900 window and reads it as a report in the
// editor: the Report tab shows the header, the observation context and the content tree with
// relationships, value types, concept names and values; a click on an item selects its sequence
// item in the DICOM Tags view and its bytes; an image reference opens the image the workspace
// has; the report's text form opens beside it; branches fold by their chevron and Left/Right. Screenshots in the dark and the light theme.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { activeTabTitle, openWorkbench, quickOpen, screenshot, setColorTheme, webviewFrame, webviewWithText, workspaceFile, type Workbench } from './harness/workbench';
import { clearHover, selectedTagRowText, showTagsView } from './inspectorSteps';

const REPORT = 'comprehensive-3d-sr.dcm';

let workbench: Workbench;
let restoreTheme: (() => void) | undefined;

before(async () => {
  workbench = await openWorkbench('reportView', { width: 1440, height: 900 });
});

after(async () => {
  restoreTheme?.();
  await workbench?.close();
});

function row(frame: Frame, concept: string) {
  return frame.locator('.report-node', { has: frame.locator('.concept', { hasText: concept }) }).first();
}

async function reportFrame(): Promise<Frame> {
  const { page } = workbench;
  await quickOpen(page, REPORT);
  const frame = await webviewFrame(page, '.report-pane .report-node');
  assert.equal(await frame.locator('.pane-tab[data-tab="report"]').getAttribute('aria-selected'), 'true', 'a report opens on its Report tab');
  return frame;
}

test('dark theme: the report reads as a report, and an item selects its item in DICOM Tags and its bytes', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'reports', REPORT)) return;
  const { page } = workbench;
  restoreTheme = await setColorTheme(page, 'Default Dark Modern', true);
  const frame = await reportFrame();
  await showTagsView(page);
  try {
    assert.equal(await frame.locator('.report-head h2').innerText(), 'Comprehensive 3D SR Document');
    assert.match(await frame.locator('.report-head').innerText(), /Person Observer Name\s+Smith\^Jane/);
    const distance = row(frame, 'Distance');
    assert.match((await distance.innerText()).replace(/\s+/g, ' '), /contains NUM Distance 12\.5 mm/);
    assert.match((await distance.locator('.concept').getAttribute('title')) ?? '', /Code value: 121206\nCoding scheme: DCM/);
    assert.match((await distance.locator('.value').getAttribute('title')) ?? '', /Unit: \(mm,UCUM,"millimeter"\)/);
    assert.match((await row(frame, 'Impression').innerText()).replace(/\s+/g, ' '), /contains CODE Impression Normal/);
    // The tree, the Bytes pane and the tab bar fit the window.
    for (const selector of ['.report-pane', '.bytes-pane', '.pane-tabs']) {
      const box = await frame.locator(selector).first().boundingBox();
      assert.ok(box && box.y + box.height <= 900 && box.x + box.width <= 1440, `${selector} does not fit the window: ${JSON.stringify(box)}`);
    }

    // A branch folds: Left closes it, Right opens it, its chevron does either on a click.
    const findings = row(frame, 'Findings');
    await findings.focus();
    await page.keyboard.press('ArrowLeft');
    await distance.waitFor({ state: 'hidden' });
    assert.equal(await findings.getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('ArrowRight');
    await distance.waitFor({ state: 'visible' });
    assert.equal(await findings.getAttribute('aria-expanded'), 'true');
    await findings.locator('.report-toggle').click();
    await distance.waitFor({ state: 'hidden' });
    await findings.locator('.report-toggle').click();
    await distance.waitFor({ state: 'visible' });

    await distance.click();
    await page.waitForTimeout(200);
    assert.match(await selectedTagRowText(page, /Item 1/), /Item 1/);
    await frame.locator('.report-node.selected .concept', { hasText: 'Distance' }).waitFor({ timeout: 15_000 });
    // The item's bytes are highlighted in the Bytes pane (the selection's header part).
    await frame.locator('.bytes-pane .bytes-row .sel-header').first().waitFor({ timeout: 15_000 });
  } finally {
    await clearHover(page);
    await screenshot(page, 'report-editor-dark');
  }
});

test('light theme: the same report, and an image reference opens the image the workspace has', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'reports', 'referenced-ct.dcm')) return;
  const { page } = workbench;
  restoreTheme?.();
  restoreTheme = await setColorTheme(page, 'Default Light Modern', false);
  const frame = await reportFrame();
  try {
    await row(frame, 'Image Region').waitFor();
    await clearHover(page);
    await screenshot(page, 'report-editor-light');
    const reference = frame.locator('.report-node', { has: frame.locator('.value', { hasText: 'CT Image Storage frame 2' }) }).first();
    await reference.locator('.open-reference').click();
    await page.waitForFunction(() => document.querySelector('.editor-group-container.active .tab.active .label-name')?.textContent?.trim() === 'referenced-ct.dcm', undefined, { timeout: 60_000 });
    assert.equal(await activeTabTitle(page), 'referenced-ct.dcm');
    // The image is drawn: the viewer counts its renders in data-renders.
    const image = await webviewWithText(page, 'CT Image Storage');
    await image.waitForFunction(() => Number(document.querySelector<HTMLElement>('#frame-viewer')?.dataset.renders ?? 0) >= 1, undefined, { timeout: 30_000 });
    await screenshot(page, 'report-referenced-image-light');

    // Back on the report, its text form opens beside it.
    await page.locator('.editor-group-container.active .tab', { hasText: REPORT }).first().click();
    const back = await webviewFrame(page, '.report-pane .report-text');
    await back.locator('.report-text').click();
    await page.locator('.editor-group-container .tab', { hasText: `${REPORT}.report.txt` }).waitFor({ timeout: 30_000 });
  } finally {
    await screenshot(page, 'report-text-light');
  }
});
