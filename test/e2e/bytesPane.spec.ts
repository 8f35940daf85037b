// A person debugging a parser opens files in a 1440×900 window and looks at their bytes: the
// Bytes pane beside the image and the element list, coloured by part. Clicking a node of the
// DICOM Tags view highlights its bytes; clicking a byte selects the node locateOffset names; a
// deflated file switches to its raw bytes; a 2 GiB file scrolls to its last byte. Screenshots
// are taken in the dark and the light theme.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { locateOffset } from '../../src/core/locate/locateOffset';
import type { DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom, readDicom } from '../../src/core/parse/readDicom';
import { writeSparseImage } from '../support/sparseImage';
import { openWorkbench, quickOpen, screenshot, setColorTheme, webviewFrame, workspaceDir, workspaceFile, type Workbench } from './harness/workbench';
import { byteCell, clearHover, selectedTagRowText, showTagsView, tagRow, waitForByteClass } from './inspectorSteps';

const CT = 'CT1_UNC.explicit_little_endian.dcm';
const DEFLATED = 'sequences-undefined-deflated.dcm';
const ENCAPSULATED = 'encapsulated-jpeg-bot.dcm';
const IMAGE = 'syntax-explicit-le.dcm';
const LARGE = 'bytes-2gib.dcm';
/** A file without pixels this spec has not opened before (the layout applies to a newly opened file). */
const NO_PIXELS = 'sequences-empty.dcm';
const LARGE_PIXELS = 2 ** 31;

let workbench: Workbench;
let restoreTheme: (() => void) | undefined;
let largeSize = 0;

before(async () => {
  // A 2 GiB image whose pixel data is a hole in a sparse file: real size, almost no disk.
  largeSize = writeSparseImage(path.join(workspaceDir(), LARGE), 'bytes-2gib', LARGE_PIXELS);
  workbench = await openWorkbench('bytesPane', { width: 1440, height: 900 });
});

after(async () => {
  restoreTheme?.();
  await workbench?.close();
  rmSync(path.join(workspaceDir(), LARGE), { force: true });
});

function hexOf(bytes: Uint8Array, from: number, count: number): string[] {
  return [...bytes.subarray(from, from + count)].map((b) => b.toString(16).toUpperCase().padStart(2, '0'));
}

/** Text and classes of `count` hex cells from `offset`, waiting for the row to be on screen. */
async function cells(frame: Frame, offset: number, count: number): Promise<Array<{ text: string; className: string }>> {
  await byteCell(frame, offset).waitFor({ timeout: 15_000 });
  const out: Array<{ text: string; className: string }> = [];
  for (let at = offset; at < offset + count; at++) {
    const cell = byteCell(frame, at);
    out.push({ text: (await cell.innerText()).trim(), className: (await cell.getAttribute('class')) ?? '' });
  }
  return out;
}

/**
 * The editor page of the file in front with its Bytes pane shown: for an image the pane is one
 * click away (the "Bytes" button at the end of the tab bar), as a person would open it.
 */
async function bytesFrame(page: Page, rows = '.bytes-pane .bytes-row'): Promise<Frame> {
  const frame = await webviewFrame(page, '.bytes-toggle');
  const toggle = frame.locator('.bytes-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await frame.locator(rows).first().waitFor({ timeout: 30_000 });
  return frame;
}

let parsedCt: { bytes: Uint8Array; model: DicomFile } | undefined;

/** The CT image's bytes and model, read once; skipped outside CI (and failed in CI) without the corpus. */
async function ctImage(t: { skip(message: string): void }): Promise<{ bytes: Uint8Array; model: DicomFile } | undefined> {
  if (parsedCt) return parsedCt;
  const file = workspaceFile(t, 'corpus', CT);
  if (!file) return undefined;
  const bytes = new Uint8Array(readFileSync(file));
  parsedCt = { bytes, model: await readDicom(memoryFileAccess(bytes)) };
  return parsedCt;
}

test('a CT image: image, element list and bytes on one 1440×900 screen, DICM coloured as the prefix', async (t) => {
  if (!(await ctImage(t))) return;
  const { page } = workbench;
  // The workbench starts in the light theme; this first look is in the dark one.
  restoreTheme = await setColorTheme(page, 'Default Dark Modern', true);
  await quickOpen(page, CT);
  const frame = await bytesFrame(page);
  await frame.waitForFunction(() => document.body.classList.contains('vscode-dark'));
  try {
    const prefix = await cells(frame, 128, 4);
    assert.deepEqual(prefix.map((c) => c.text), ['44', '49', '43', '4D']);
    assert.ok(prefix.every((c) => c.className.includes('p-prefix')), JSON.stringify(prefix));
    assert.ok((await cells(frame, 0, 1))[0].className.includes('p-preamble'));
    // Everything fits: the pane, the element list and the image are inside the window.
    for (const selector of ['.bytes-pane .bytes-view', '.pane-tabs', '.frame-viewer .dv-stage']) {
      const box = await frame.locator(selector).first().boundingBox();
      assert.ok(box && box.y + box.height <= 900, `${selector} does not fit the window: ${JSON.stringify(box)}`);
    }
    await showTagsView(page);
  } finally {
    await clearHover(page);
    await screenshot(page, 'bytes-editor-dark');
  }
});

test('clicking a node in the DICOM Tags view highlights its header and value bytes', async (t) => {
  const ct = await ctImage(t);
  if (!ct) return;
  const { page } = workbench;
  const sopClass = ct.model.dataSet.find((e) => e.keyword === 'SOPClassUID')!;
  const frame = await bytesFrame(page);
  try {
    await frame.locator('.pane-tab', { hasText: 'Elements' }).click();
    await tagRow(page, 'SOPClassUID').click();
    await waitForByteClass(frame, sopClass.offset, 'sel-header');
    const header = await cells(frame, sopClass.offset, sopClass.valueOffset - sopClass.offset);
    assert.deepEqual(header.map((c) => c.text), hexOf(ct.bytes, sopClass.offset, header.length));
    assert.ok(header.every((c) => c.className.includes('sel-header')), JSON.stringify(header));
    assert.deepEqual(header.slice(0, 4).map((c) => c.className.includes('p-tag')), [true, true, true, true]);
    const value = await cells(frame, sopClass.valueOffset, 2);
    assert.ok(value.every((c) => c.className.includes('sel-value') && c.className.includes('p-value')), JSON.stringify(value));
    // The element list follows.
    const row = frame.locator('.element-list .el-row.selected');
    await row.filter({ hasText: 'SOPClassUID' }).waitFor({ timeout: 15_000 });
    assert.ok(await row.isVisible());
  } finally {
    await screenshot(page, 'bytes-tree-click');
  }
});

test('clicking a byte selects the node locateOffset names, in the tags view and the element list', async (t) => {
  const ct = await ctImage(t);
  if (!ct) return;
  const { page } = workbench;
  const sopClass = ct.model.dataSet.find((e) => e.keyword === 'SOPClassUID')!;
  const target = sopClass.offset - 1;
  const located = locateOffset(ct.model, target);
  assert.ok(located?.element?.keyword);
  const frame = await bytesFrame(page);
  try {
    await byteCell(frame, target).click();
    assert.match(await selectedTagRowText(page, located.element.keyword), new RegExp(located.element.keyword));
    await waitForByteClass(frame, target, 'sel-value');
    await frame.locator('.element-list .el-row.selected', { hasText: located.element.keyword }).waitFor({ timeout: 15_000 });
    assert.match(await frame.locator('.data-inspector caption').innerText(), new RegExp(`0x${target.toString(16).toUpperCase().padStart(4, '0')}`));
  } finally {
    await screenshot(page, 'bytes-byte-click');
  }
});

test('the same editor in the light theme', async (t) => {
  if (!(await ctImage(t))) return;
  const { page } = workbench;
  restoreTheme?.();
  restoreTheme = await setColorTheme(page, 'Default Light Modern', false);
  const frame = await bytesFrame(page);
  await frame.waitForFunction(() => document.body.classList.contains('vscode-light'));
  await clearHover(page);
  await screenshot(page, 'bytes-editor-light');
});

test('an encapsulated image: Basic Offset Table, fragment headers and fragment data', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'good', ENCAPSULATED)) return;
  const { page } = workbench;
  const model = await readDicom(memoryFileAccess(new Uint8Array(readFileSync(path.join(workspaceDir(), 'fixtures', 'good', ENCAPSULATED)))));
  const pixels = model.dataSet.find((e) => e.keyword === 'PixelData')!;
  await quickOpen(page, ENCAPSULATED);
  const frame = await bytesFrame(page, '.bytes-pane .bytes-row[data-offset="0"]');
  try {
    await showTagsView(page);
    await tagRow(page, /PixelData/).click();
    const table = pixels.basicOffsetTable!.item;
    await waitForByteClass(frame, table.offset, 'p-fragmentHeader');
    if (table.length > 0) await waitForByteClass(frame, table.valueOffset, 'p-offsetTable');
    const fragment = pixels.fragments![0];
    await waitForByteClass(frame, fragment.offset, 'p-fragmentHeader');
    await waitForByteClass(frame, fragment.valueOffset, 'p-fragment');
  } finally {
    await screenshot(page, 'bytes-encapsulated-light');
  }
});

test('a deflated file shows the inflated stream, labelled, and switches to the raw file', async (t) => {
  const file = workspaceFile(t, 'fixtures', 'good', DEFLATED);
  if (!file) return;
  const { page } = workbench;
  const { file: model } = await openDicom(memoryFileAccess(new Uint8Array(readFileSync(file))));
  await quickOpen(page, DEFLATED);
  const frame = await webviewFrame(page, '.bytes-pane .stream-switch:not([hidden])');
  try {
    assert.match(await frame.locator('.stream-label').innerText(), /Inflated stream/);
    // The data set's first element, selected in the tags view, shows in the inflated stream.
    await showTagsView(page);
    await tagRow(page, '(0008,0016)').click();
    await waitForByteClass(frame, model.dataSetOffset, 'p-tag');
    await frame.locator('.stream-switch').click();
    await waitForByteClass(frame, model.dataSetOffset, 'p-deflated');
    assert.match(await frame.locator('.stream-label').innerText(), /Raw file/);
  } finally {
    await screenshot(page, 'bytes-deflated-raw-light');
  }
});

test('a 2 GiB file scrolls to its last byte', async () => {
  const { page } = workbench;
  await quickOpen(page, LARGE);
  const frame = await bytesFrame(page, '.bytes-pane .bytes-row[data-offset="0"]');
  try {
    await frame.locator('.bytes-view').click({ position: { x: 5, y: 5 } });
    restoreTheme?.();
    restoreTheme = await setColorTheme(page, 'Default Dark Modern', true);
    await frame.locator('.bytes-view').focus();
    await page.keyboard.press('Control+End');
    // The last row holds the file's last byte, read by range and coloured as Pixel Data's value.
    const rows = frame.locator('.bytes-row:not([hidden])');
    const lastRow = rows.last();
    await lastRow.waitFor();
    const lastOffset = Number(await lastRow.getAttribute('data-offset'));
    assert.equal(lastOffset, largeSize - 1 - ((largeSize - 1) % 16), `last row at ${lastOffset} of ${largeSize} bytes`);
    const last = lastRow.locator('.hex .b.p-value');
    await last.first().waitFor({ timeout: 15_000 });
    assert.equal((await last.first().innerText()).trim(), '00');
  } finally {
    await clearHover(page);
    await screenshot(page, 'bytes-2gib-end-dark');
  }
});

/** The editor page of `fileName` (its title), once the page has drawn it. */
function pageOf(page: Page, fileName: string): Promise<Frame> {
  return webviewFrame(page, `header.title h1:has-text("${fileName}")`);
}

test('the layout chosen (Bytes pane hidden, element list in front) is restored for the next file of the workspace', async (t) => {
  if (!workspaceFile(t, 'fixtures', 'good', ENCAPSULATED) || !workspaceFile(t, 'fixtures', 'good', IMAGE) || !workspaceFile(t, 'fixtures', 'good', NO_PIXELS)) return;
  const { page } = workbench;
  await quickOpen(page, ENCAPSULATED);
  const first = await bytesFrame(page);
  await first.locator('.pane-tab', { hasText: 'Elements' }).click();
  await first.locator('.bytes-toggle').click();
  assert.equal(await first.locator('.bytes-toggle').getAttribute('aria-pressed'), 'false');

  // Another image: it opens the way the last one was left, not with the image in front.
  await quickOpen(page, IMAGE);
  const next = await pageOf(page, IMAGE);
  try {
    await next.locator('.pane-tab[data-tab="elements"][aria-selected="true"]').waitFor({ timeout: 15_000 });
    assert.equal(await next.locator('.bytes-toggle').getAttribute('aria-pressed'), 'false');
    assert.equal(await next.locator('.bytes-pane').isHidden(), true);
    assert.equal(await next.locator('.element-list').isVisible(), true);
    const list = await next.locator('.pane-column').boundingBox();
    assert.ok(list && list.width > 1000, `the element list takes the width the Bytes pane left: ${JSON.stringify(list)}`);
  } finally {
    await clearHover(page);
    await screenshot(page, 'bytes-layout-restored-dark');
  }

  // Shown again: the next file (one without pixels) has it too, in the light theme.
  await next.locator('.bytes-toggle').click();
  await quickOpen(page, NO_PIXELS);
  try {
    const shown = await pageOf(page, NO_PIXELS);
    await shown.locator('.bytes-pane .bytes-row[data-offset="0"]').waitFor({ timeout: 15_000 });
    assert.equal(await shown.locator('.bytes-toggle').getAttribute('aria-pressed'), 'true');
    for (const selector of ['.bytes-pane .bytes-view', '.pane-tabs', '.element-list']) {
      const box = await shown.locator(selector).first().boundingBox();
      assert.ok(box && box.y < 900 && box.height > 0, `${selector} is on screen: ${JSON.stringify(box)}`);
    }
    // Switched on top of the dark theme, undone in turn: removing the settings folder in
    // between would stop VS Code watching it.
    const restoreDark = restoreTheme;
    const restoreLight = await setColorTheme(page, 'Default Light Modern', false);
    restoreTheme = () => {
      restoreLight();
      restoreDark?.();
    };
    await shown.waitForFunction(() => document.body.classList.contains('vscode-light'), undefined, { timeout: 30_000 });
  } finally {
    await clearHover(page);
    await screenshot(page, 'bytes-layout-restored-light');
  }
});
