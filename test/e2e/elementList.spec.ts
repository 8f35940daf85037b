// A person debugging a parser opens a file with sequences in a 1440×900 window, opens a sequence
// in the element list, filters it, selects a row and sees its bytes highlighted and its node
// selected in the DICOM Tags view; a byte click selects the row back; the keyboard moves the
// selection and Ctrl+click and Shift+click select several rows. Screenshots in dark and light.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Frame, Locator, Page } from 'playwright-core';
import { memoryFileAccess } from '../../src/core/io';
import type { DicomElement, DicomFile } from '../../src/core/model';
import { readDicom } from '../../src/core/parse/readDicom';
import { openWorkbench, quickOpen, screenshot, setColorTheme, webviewFrame, workspaceFile, type Workbench } from './harness/workbench';
import { byteCell, clearHover, selectedTagRowText, showTagsView, waitForByteClass } from './inspectorSteps';

const SEQUENCES = 'sequences-undefined-explicit.dcm';

let workbench: Workbench;
let restoreTheme: (() => void) | undefined;
let parsed: DicomFile | undefined;

before(async () => {
  workbench = await openWorkbench('elementList', { width: 1440, height: 900 });
  restoreTheme = await setColorTheme(workbench.page, 'Default Dark Modern', true);
});

after(async () => {
  restoreTheme?.();
  await workbench?.close();
});

/** The fixture's model, read once; skipped outside CI (and failed in CI) without the fixtures. */
async function model(t: { skip(message: string): void }): Promise<DicomFile | undefined> {
  if (parsed) return parsed;
  const file = workspaceFile(t, 'fixtures', 'good', SEQUENCES);
  if (!file) return undefined;
  parsed = await readDicom(memoryFileAccess(new Uint8Array(readFileSync(file))));
  return parsed;
}

/** The first sequence with an element inside its items, and that element. */
function nestedElement(file: DicomFile): { sequence: DicomElement; nested: DicomElement } {
  const sequence = file.dataSet.find((e) => e.keyword && e.items?.some((item) => item.elements.some((inner) => inner.keyword)))!;
  const nested = sequence.items!.flatMap((item) => item.elements).find((inner) => inner.keyword)!;
  return { sequence, nested };
}

function listRow(frame: Frame, name: string) {
  return frame.locator('.element-list .el-rows .el-row:not([hidden])').filter({ has: frame.locator('.cell.name', { hasText: new RegExp(`^${name}$`) }) }).first();
}

/**
 * The row named `name`, scrolled to the middle of the list: the list draws only the rows on
 * screen, and with the Bytes pane below it (the list in front) it shows about a dozen.
 */
async function rowOnScreen(frame: Frame, name: string): Promise<Locator> {
  const row = listRow(frame, name);
  const viewport = frame.locator('.element-list .el-viewport');
  for (let step = 0; step < 200 && !(await row.isVisible()); step++) {
    const moved = await viewport.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight / 2;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await frame.waitForTimeout(50);
  }
  await row.waitFor({ timeout: 15_000 });
  await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // The list refills its rows on the scroll event's next frames: let them settle before a click,
  // or the click may land on a row that is being given another element's text.
  await frame.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
  await row.waitFor({ timeout: 15_000 });
  return row;
}

/** Names of the rows on screen, once the host has sent the text of every one. */
async function shownNames(frame: Frame): Promise<string[]> {
  await frame.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.el-rows .el-row:not([hidden])')).every((row) => row.dataset.id));
  return (await frame.locator('.element-list .el-rows .el-row:not([hidden]) .cell.name').allInnerTexts()).map((text) => text.trim());
}

/** Clicks a row on its offset cell: the leftmost, so the click never scrolls the wide table sideways. */
async function clickRow(row: Locator, modifiers: Array<'ControlOrMeta' | 'Shift'> = []): Promise<void> {
  await row.locator('.cell.offset').click({ position: { x: 4, y: 4 }, modifiers });
}

async function editorFrame(page: Page): Promise<Frame> {
  const frame = await webviewFrame(page, '.element-list .el-row[data-id^="ds/"]');
  await frame.locator('.pane-tab', { hasText: 'Elements' }).click();
  return frame;
}

test('open a sequence, filter, select a row: its bytes are highlighted and the tree follows', async (t) => {
  const file = await model(t);
  if (!file) return;
  const { sequence, nested } = nestedElement(file);
  const { page } = workbench;
  await quickOpen(page, SEQUENCES);
  await showTagsView(page);
  const frame = await editorFrame(page);
  try {
    // Every column, every row in the window: Offset | Tag | VR | Length | Name | Value.
    assert.deepEqual((await frame.locator('.element-list .el-header .cell').allInnerTexts()).map((s) => s.trim()), ['Offset', 'Tag', 'VR', 'Length', 'Name', 'Value']);
    const sequenceRow = await rowOnScreen(frame, sequence.keyword!);
    assert.equal(await sequenceRow.getAttribute('aria-expanded'), 'false');
    assert.equal((await sequenceRow.locator('.cell.offset').innerText()).trim(), `0x${sequence.offset.toString(16).toUpperCase().padStart(4, '0')}`);
    await sequenceRow.locator('.twisty').click();
    assert.equal(await sequenceRow.getAttribute('aria-expanded'), 'true');
    await listRow(frame, 'Item 0').waitFor();

    // The filter keeps the data set, the sequence and the item above the match.
    await frame.locator('.element-list .search').fill(nested.keyword!);
    await frame.locator('.element-list .row-count', { hasText: 'match' }).waitFor({ timeout: 15_000 });
    // Back to the top of the filtered list (the list was scrolled down to reach the sequence).
    await frame.locator('.element-list .el-viewport').evaluate((el) => {
      el.scrollTop = 0;
    });
    await listRow(frame, 'DataSet').waitFor({ timeout: 15_000 });
    const names = await shownNames(frame);
    assert.equal(names[0], 'DataSet', names.join(' | '));
    assert.ok(names.indexOf(sequence.keyword!) > 0 && names.indexOf(nested.keyword!) > names.indexOf(sequence.keyword!), names.join(' | '));
    // Every row shown is a match or encloses one; the matches are marked.
    const matches = (await frame.locator('.element-list .el-rows .el-row.match:not([hidden]) .cell.name').allInnerTexts()).map((s) => s.trim());
    assert.ok(matches.length > 0 && matches.every((name) => name === nested.keyword), matches.join(' | '));
    assert.ok(names.every((name) => name === 'DataSet' || /^Item \d+$/.test(name) || name === nested.keyword || file.dataSet.concat(sequence.items!.flatMap((i) => i.elements)).some((e) => e.keyword === name && e.items)), names.join(' | '));

    const row = listRow(frame, nested.keyword!);
    await clickRow(row);
    assert.equal(await row.getAttribute('aria-selected'), 'true');
    await frame.locator('.bytes-toggle[aria-pressed="true"]').waitFor();
    await waitForByteClass(frame, nested.offset, 'sel-header');
    await waitForByteClass(frame, nested.valueOffset, 'sel-value');
    assert.ok(!((await byteCell(frame, nested.offset - 1).getAttribute('class')) ?? '').includes('sel-header'), 'the highlight starts at the tag');
    assert.match(await selectedTagRowText(page, nested.keyword!), new RegExp(nested.keyword!));
  } finally {
    await clearHover(page);
    await screenshot(page, 'element-list-filtered-dark');
  }
});

test('a byte click selects its row, expanding its parents; the keyboard moves the selection', async (t) => {
  const file = await model(t);
  if (!file) return;
  const { sequence, nested } = nestedElement(file);
  const { page } = workbench;
  const frame = await editorFrame(page);
  await frame.locator('.element-list .search').fill('');
  await frame.locator('.element-list .row-count', { hasText: /^\d+ elements$/ }).waitFor();
  // Select the sequence (the Bytes pane scrolls to it) and collapse it, then click a byte of the nested element's value.
  const sequenceRow = await rowOnScreen(frame, sequence.keyword!);
  await clickRow(sequenceRow);
  await waitForByteClass(frame, sequence.offset, 'sel-header');
  if ((await sequenceRow.getAttribute('aria-expanded')) === 'true') await sequenceRow.locator('.twisty').click();
  assert.equal(await sequenceRow.getAttribute('aria-expanded'), 'false');
  await byteCell(frame, nested.valueOffset).click();
  const selected = frame.locator('.element-list .el-row.selected');
  try {
    await selected.filter({ hasText: nested.keyword! }).waitFor({ timeout: 15_000 });
    assert.equal(await sequenceRow.getAttribute('aria-expanded'), 'true');
  } finally {
    await screenshot(page, 'element-list-byte-click-dark');
  }

  // Down moves to the next row, Left goes back up to the enclosing item, Home to the first row.
  await clickRow(selected);
  await page.keyboard.press('ArrowDown');
  await frame.waitForFunction((keyword) => !document.querySelector('.el-row.selected')?.textContent?.includes(keyword), nested.keyword!);
  await page.keyboard.press('ArrowUp');
  await selected.filter({ hasText: nested.keyword! }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await selected.filter({ hasText: /Item \d/ }).waitFor();
  await page.keyboard.press('Home');
  await selected.filter({ hasText: 'Preamble' }).waitFor();
});

test('Ctrl+click and Shift+click select several rows', async (t) => {
  const file = await model(t);
  if (!file) return;
  const { page } = workbench;
  const frame = await editorFrame(page);
  // Three neighbours without sequences between them, so the Shift range holds exactly them.
  const plain = (e: DicomElement | undefined): boolean => Boolean(e?.keyword && !e.items);
  const start = file.dataSet.findIndex((e, i) => plain(e) && plain(file.dataSet[i + 1]) && plain(file.dataSet[i + 2]));
  const [first, second, third] = file.dataSet.slice(start, start + 3).map((e) => e.keyword!);
  await clickRow(await rowOnScreen(frame, first));
  await clickRow(listRow(frame, third), ['ControlOrMeta']);
  const selected = frame.locator('.element-list .el-row[aria-selected="true"] .cell.name');
  await frame.waitForFunction(() => document.querySelectorAll('.el-row[aria-selected="true"]').length === 2);
  assert.deepEqual((await selected.allInnerTexts()).map((s) => s.trim()), [first, third]);
  await clickRow(listRow(frame, first), ['Shift']);
  await frame.waitForFunction(() => document.querySelectorAll('.el-row[aria-selected="true"]').length === 3);
  assert.deepEqual((await selected.allInnerTexts()).map((s) => s.trim()), [first, second, third]);
  await clearHover(page);
  await screenshot(page, 'element-list-multi-dark');
});

test('the element list in the light theme', async (t) => {
  if (!(await model(t))) return;
  const { page } = workbench;
  restoreTheme?.();
  restoreTheme = await setColorTheme(page, 'Default Light Modern', false);
  const frame = await editorFrame(page);
  await frame.waitForFunction(() => document.body.classList.contains('vscode-light'));
  await clearHover(page);
  await screenshot(page, 'element-list-multi-light');
});
