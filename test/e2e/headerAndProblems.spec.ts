// A person opens a file without pixel data and searches its header table, clicks a row to find
// it in the DICOM Tags view, then opens a broken file and sees what was read and where it broke.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { readDicom } from '../../src/core/parse/readDicom';
import { memoryFileAccess } from '../../src/core/io';
import type { DicomFile } from '../../src/core/model';
import { openWorkbench, quickOpen, screenshot, webviewFrame, workspaceFile, type Workbench } from './harness/workbench';
import { activeGroupTabTitle, selectedTagRowText, showTagsView } from './inspectorSteps';

const SEQUENCES = 'sequences-undefined-explicit.dcm';
const BROKEN = 'bad-truncated-mid-element.dcm';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

async function parse(file: string): Promise<DicomFile> {
  return readDicom(memoryFileAccess(new Uint8Array(fs.readFileSync(file))));
}

function fixture(kind: 'good' | 'bad', name: string, t: { skip(message: string): void }): string | undefined {
  return workspaceFile(t, 'fixtures', kind, name);
}

test('a file without pixel data shows a searchable header table', async (t) => {
  const file = fixture('good', SEQUENCES, t);
  if (!file) return;
  const model = await parse(file);
  const sequence = model.dataSet.find((element) => element.items && element.items.some((item) => item.elements.length > 0));
  assert.ok(sequence?.items, 'the fixture has a sequence with elements');
  const nested = sequence.items.flatMap((item) => item.elements).find((element) => element.keyword);
  assert.ok(nested?.keyword);
  const { page } = workbench;
  await quickOpen(page, SEQUENCES);
  assert.equal(await activeGroupTabTitle(page), SEQUENCES);
  try {
    const frame = await webviewFrame(page, '.header-table tbody tr');
    assert.equal(await frame.locator('.frame-viewer').count(), 0, 'no frame viewer without pixel data');
    const total = await frame.locator('.header-table tbody tr').count();
    assert.ok(total > model.dataSet.length, 'nested rows are listed too');
    await frame.locator('.header-table .search').fill(nested.keyword);
    const visible = frame.locator('.header-table tbody tr:not([hidden])');
    await frame.locator('.row-count', { hasText: ' of ' }).waitFor();
    const shown = await visible.count();
    assert.ok(shown > 0 && shown < total, `search narrowed ${total} rows to ${shown}`);
    // The enclosing sequence row stays visible above the match.
    assert.match(await visible.first().innerText(), new RegExp(sequence.keyword ?? sequence.tag));
    assert.match(await visible.last().innerText(), new RegExp(nested.keyword));
  } finally {
    await screenshot(page, 'header-table-search');
  }
});

test('clicking a header row reveals it in the DICOM Tags view', async (t) => {
  const file = fixture('good', SEQUENCES, t);
  if (!file) return;
  const { page } = workbench;
  try {
    await showTagsView(page);
    const frame = await webviewFrame(page, '.header-table tbody tr');
    const row = frame.locator('.header-table tbody tr:not([hidden])').last();
    const keyword = (await row.locator('.keyword').innerText()).trim();
    await row.click();
    assert.match(await selectedTagRowText(page, keyword), new RegExp(keyword));
    await frame.locator('.header-table tbody tr.selected').waitFor({ timeout: 15_000 });
  } finally {
    await screenshot(page, 'header-row-revealed');
  }
});

test('a broken file shows its problem with the offset, and what was read before it', async (t) => {
  const file = fixture('bad', BROKEN, t);
  if (!file) return;
  const model = await parse(file);
  const error = model.issues.find((issue) => issue.severity === 'error');
  assert.ok(error && error.offset !== null, 'the fixture has an error with an offset');
  const { page } = workbench;
  await quickOpen(page, BROKEN);
  try {
    const frame = await webviewFrame(page, '.issues.has-issues');
    const issues = await frame.locator('.issues').innerText();
    assert.match(issues, /Error/);
    assert.ok(issues.includes(`at 0x${error.offset.toString(16).toUpperCase().padStart(4, '0')}`), issues);
    assert.ok(issues.includes(error.message), issues);
    const rows = await frame.locator('.header-table tbody tr').count();
    assert.ok(rows >= model.meta.length + model.dataSet.length - 1, 'the elements read before the problem are listed');
    // The offset in the problem is a link to the DICOM Tags view.
    await frame.locator('.issues li', { hasText: error.message }).locator('.offset-link').first().click();
    // The problem lies in the Patient Name's value: that element is revealed.
    assert.match(await selectedTagRowText(page, 'PatientName'), /\(0010,0010\) PatientName/);
  } finally {
    await screenshot(page, 'broken-file');
  }
});
