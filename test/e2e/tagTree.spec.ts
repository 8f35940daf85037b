// A person opens a CT image, reads its summary, looks at the DICOM Tags view (the prefix at
// 0x0080, the SOP Class with its name), jumps to an offset and opens the text dump beside it,
// all through Quick Open, the mouse and the command palette. Every step saves a screenshot and
// checks what is on the screen.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { readDicom } from '../../src/core/parse/readDicom';
import { memoryFileAccess } from '../../src/core/io';
import { activeTabTitle, openWorkbench, quickOpen, runCommand, screenshot, webviewWithText, workspaceDir, workspaceFile, type Workbench } from './harness/workbench';
import { activeGroupTabTitle, clearHover, runCommandWithInput, selectedTagRowText, showTagsView, tagRow } from './inspectorSteps';

const FILE = 'CT1_UNC.explicit_little_endian.dcm';

let workbench: Workbench;
let filePath: string;

before(async () => {
  filePath = path.join(workspaceDir(), 'corpus', FILE);
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

function skipWithoutCorpus(t: { skip(message: string): void }): boolean {
  return workspaceFile(t, 'corpus', FILE) === undefined;
}

test('the DICOM editor shows the summary of a CT image', async (t) => {
  if (skipWithoutCorpus(t)) return;
  const { page } = workbench;
  await quickOpen(page, FILE);
  assert.equal(await activeTabTitle(page), FILE);
  try {
    const frame = await webviewWithText(page, 'CT Image Storage');
    assert.equal((await frame.locator('h1').innerText()).trim(), FILE);
    // With pixels, the summary is folded into one line above the image: open it as a person would.
    await frame.locator('.summary-details > summary').click();
    const summary = await frame.locator('.summary').innerText();
    assert.match(summary, /Modality\s+CT/);
    assert.match(summary, /Dimensions\s+512 × 512/);
    assert.match(summary, /Explicit VR Little Endian/);
    assert.match(await frame.locator('.issues').innerText(), /No problems found/);
  } finally {
    await screenshot(page, 'editor-summary');
  }
});

test('the DICOM Tags view shows the prefix at 0x0080 and named UIDs', async (t) => {
  if (skipWithoutCorpus(t)) return;
  const { page } = workbench;
  try {
    await showTagsView(page);
    const prefix = tagRow(page, 'Prefix "DICM"');
    await prefix.waitFor();
    assert.match(await prefix.innerText(), /0x0080/);
    // The data set opens by itself; its SOP Class UID names the class.
    const sopClass = tagRow(page, 'SOPClassUID');
    await sopClass.waitFor();
    assert.match(await sopClass.innerText(), /\(0008,0016\) SOPClassUID UI = 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2 \(CT Image Storage\)/);
  } finally {
    await clearHover(page);
    await screenshot(page, 'tag-tree');
  }
});

test('Go to Offset from the palette selects the element holding that byte', async (t) => {
  if (skipWithoutCorpus(t)) return;
  const { page } = workbench;
  const model = await readDicom(memoryFileAccess(new Uint8Array(fs.readFileSync(filePath))));
  const patientName = model.dataSet.find((element) => element.keyword === 'PatientName');
  assert.ok(patientName);
  try {
    await runCommandWithInput(page, 'Go to Offset', '0x80');
    assert.match(await selectedTagRowText(page, 'Prefix "DICM"'), /Prefix "DICM"/);
    await runCommandWithInput(page, 'Go to Offset', String(patientName.valueOffset + 2));
    const selected = await selectedTagRowText(page, 'PatientName');
    assert.match(selected, /\(0010,0010\) PatientName PN/);
    assert.match(selected, new RegExp(`0x${patientName.offset.toString(16).toUpperCase().padStart(4, '0')}`));
  } finally {
    await clearHover(page);
    await screenshot(page, 'go-to-offset');
  }
});

test('Open Text Dump to the Side shows the dump in a second editor group', async (t) => {
  if (skipWithoutCorpus(t)) return;
  const { page } = workbench;
  try {
    await runCommand(page, 'Open Text Dump to the Side');
    await page.locator('.editor-group-container.active .tab.active', { hasText: `${FILE}.dump.txt` }).waitFor({ timeout: 30_000 });
    assert.equal(await activeGroupTabTitle(page), `${FILE}.dump.txt`);
    assert.equal(await page.locator('.editor-group-container').count(), 2);
    const lines = page.locator('.editor-group-container.active .view-lines');
    await lines.filter({ hasText: 'SOPClassUID' }).waitFor({ timeout: 30_000 });
    assert.match(await lines.innerText(), /\(0008,0016\)/);
  } finally {
    await screenshot(page, 'text-dump');
  }
});

test('Filter Tags from the view toolbar keeps only matches and their parents', async (t) => {
  if (skipWithoutCorpus(t)) return;
  const { page } = workbench;
  try {
    const pane = await showTagsView(page);
    await pane.locator('.pane-header').hover();
    await pane.locator('.pane-header .action-label[aria-label^="Filter Tags"]').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('PatientName');
    await page.keyboard.press('Enter');
    await pane.getByText('Filter "PatientName": 1 match').waitFor();
    // The tree redraws after the message: wait for the rows that do not match to go.
    await pane.locator('.monaco-list-row').nth(2).waitFor({ state: 'detached', timeout: 15_000 });
    const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    assert.equal(rows.length, 2, rows.join(' | '));
    // Labels are led by their offset, so a narrow sidebar never cuts it off.
    assert.match(rows[0], /^0x[0-9A-F]{4,} Data Set/);
    assert.match(rows[1], /^0x[0-9A-F]{4,} \(0010,0010\) PatientName PN = CompressedSamples\^CT1/);
    await clearHover(page);
    await screenshot(page, 'tag-filter');
  } finally {
    await runCommand(page, 'Clear Tag Filter').catch(() => undefined);
  }
});

test('the context menu of a tag copies its path', async (t) => {
  if (skipWithoutCorpus(t)) return;
  const { page } = workbench;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  try {
    await showTagsView(page);
    // Rows far down the tree are not drawn until scrolled to: Go to Offset brings it into view.
    const model = await readDicom(memoryFileAccess(new Uint8Array(fs.readFileSync(filePath))));
    const patientName = model.dataSet.find((element) => element.keyword === 'PatientName')!;
    await runCommandWithInput(page, 'Go to Offset', String(patientName.offset));
    await selectedTagRowText(page, 'PatientName PN');
    await tagRow(page, 'PatientName PN').click({ button: 'right' });
    const menu = page.locator('.monaco-menu');
    await menu.waitFor();
    const entries = (await menu.locator('.action-label').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    for (const title of ['Copy Value', 'Copy Tag', 'Copy Keyword', 'Copy Offset', 'Copy Path', 'Copy as JSON']) {
      assert.ok(entries.includes(title), `${title} is in the menu: ${entries.join(', ')}`);
    }
    await page.waitForTimeout(300); // the menu fades in
    await screenshot(page, 'tag-context-menu');
    await menu.locator('.action-label', { hasText: /^Copy Path$/ }).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'PatientName', undefined, { timeout: 10_000 });
  } finally {
    await page.keyboard.press('Escape');
  }
});
