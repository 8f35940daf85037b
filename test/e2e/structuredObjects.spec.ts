// A person opens a structured report and sees it as a report beside the editor, opens a
// DICOMDIR and follows a record to its image, and browses the workspace as patients, studies
// and series in the DICOM Explorer. Every step saves a screenshot and checks what is on screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { activeTabTitle, openWorkbench, quickOpen, runCommand, screenshot, webviewWithText, workspaceFile, type Workbench } from './harness/workbench';
import { clearHover, showSidePane } from './inspectorSteps';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

test('a structured report reads as its content tree, and as text beside the editor', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'reports', 'comprehensive-3d-sr.dcm')) return;
  const { page } = workbench;
  await quickOpen(page, 'comprehensive-3d-sr.dcm');
  const structure = await showSidePane(page, 'Comprehensive 3D SR Document');
  try {
    const distance = structure.locator('.monaco-list-row', { hasText: 'Distance' }).first();
    await distance.waitFor();
    assert.match((await distance.innerText()).replace(/\s+/g, ' '), /Distance\s*NUM 12\.5 mm/);
    await distance.click();
    // The view's own title button, as a person would find it.
    await structure.locator('.pane-header').hover();
    await structure.locator('.pane-header .action-label[aria-label="Open Report as Text"]').click();
    await page.locator('.editor-group-container .tab', { hasText: 'comprehensive-3d-sr.dcm.report.txt' }).waitFor();
    // Monaco draws spaces as no-break spaces.
    const text = (await page.locator('.editor-group-container.active .view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /<contains NUM:\(121206,DCM,"Distance"\)="12\.5" \(mm,UCUM,"millimeter"\)>/);
    await clearHover(page);
  } finally {
    await screenshot(page, 'structured-report');
  }
});

test('a DICOMDIR lists its records by level, and a record opens its image', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'media', 'DICOMDIR')) return;
  const { page } = workbench;
  await runCommand(page, 'View: Close All Editors');
  await quickOpen(page, 'DICOMDIR');
  const structure = await showSidePane(page, /DICOMDIR: 13 records/);
  try {
    const patient = structure.locator('.monaco-list-row', { hasText: 'Alpha^Ann' }).first();
    await patient.waitFor();
    const image = structure.locator('.monaco-list-row', { hasText: 'P1/S1/IMG1' }).first();
    await image.waitFor();
    await image.hover();
    await image.locator('.action-label[aria-label="Open Referenced File"]').click();
    await page.waitForFunction(() => document.querySelector('.editor-group-container.active .tab.active .label-name')?.textContent?.trim() === 'IMG1');
    assert.equal(await activeTabTitle(page), 'IMG1');
    const editor = await webviewWithText(page, 'CT Image Storage');
    // The image is drawn: the viewer counts its renders in data-renders.
    await editor.waitForFunction(() => Number(document.querySelector<HTMLElement>('#frame-viewer')?.dataset.renders ?? 0) >= 1, undefined, { timeout: 30_000 });
  } finally {
    await screenshot(page, 'dicomdir-records');
  }
});

test('the DICOM Explorer shows the workspace as patients, studies and series', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'media', 'P1', 'S1', 'IMG1')) return;
  const { page } = workbench;
  const explorer = await showSidePane(page, 'DICOM Explorer');
  try {
    const patient = explorer.locator('.monaco-list-row', { hasText: 'Alpha^Ann' }).first();
    await patient.waitFor({ timeout: 60_000 });
    await patient.click();
    await page.keyboard.press('ArrowRight');
    const study = explorer.locator('.monaco-list-row', { hasText: 'Study of P1' }).first();
    await study.waitFor();
    await study.click();
    await page.keyboard.press('ArrowRight');
    const series = explorer.locator('.monaco-list-row', { hasText: '#1 CT' }).first();
    await series.waitFor();
    assert.match((await series.innerText()).replace(/\s+/g, ' '), /2 instances/);
    await clearHover(page);
  } finally {
    await screenshot(page, 'dicom-explorer');
  }
});
