// Steps of the DICOM Inspector specs that a person does with the mouse and keyboard: show the
// DICOM Tags view, read its rows, answer the input box of a command.
import type { Frame, Locator, Page } from 'playwright-core';
import { runCommand } from './harness/workbench';

/** A pane of the Explorer side bar, by its header's title. */
export function sidePane(page: Page, title: string | RegExp): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
}

/** The "DICOM Tags" pane of the Explorer. */
export function tagsPane(page: Page): Locator {
  return sidePane(page, 'DICOM Tags');
}

/**
 * Expands a pane of the Explorer side bar (a click on its header, if it is collapsed) and waits
 * for its first row. The workspace's file list is collapsed first, as a person would, so the
 * pane gets the height.
 */
export async function showSidePane(page: Page, title: string | RegExp): Promise<Locator> {
  const folders = page.locator('.pane-header', { hasText: /^workspace/i }).first();
  if ((await folders.count()) > 0 && (await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const pane = sidePane(page, title);
  const header = pane.locator('.pane-header');
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await pane.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
  return pane;
}

/** Expands the DICOM Tags pane and waits for its rows. */
export function showTagsView(page: Page): Promise<Locator> {
  return showSidePane(page, 'DICOM Tags');
}

/** The row of the tags view whose text contains `text` (label and offset description). */
export function tagRow(page: Page, text: string | RegExp): Locator {
  return tagsPane(page).locator('.monaco-list-row', { hasText: text }).first();
}

/**
 * The text of the selected row of the tags view, once it contains `expected` (a selection made
 * by a command reaches the tree a moment after the command returns).
 */
export async function selectedTagRowText(page: Page, expected?: string | RegExp): Promise<string> {
  const row = tagsPane(page).locator('.monaco-list-row.selected', expected === undefined ? {} : { hasText: expected }).first();
  await row.waitFor({ timeout: 15_000 });
  return (await row.innerText()).replace(/\s+/g, ' ').trim();
}

/** The title of the active tab of the active editor group. */
export async function activeGroupTabTitle(page: Page): Promise<string> {
  const tab = page.locator('.editor-group-container.active .tab.active .label-name').first();
  await tab.waitFor();
  return (await tab.textContent())?.trim() ?? '';
}

/** Moves the mouse off the workbench so no hover tooltip covers a screenshot. */
export async function clearHover(page: Page): Promise<void> {
  await page.mouse.move(700, 880);
}

/** Runs a command from the palette, then types `answer` into the input box it opens. */
export async function runCommandWithInput(page: Page, title: string, answer: string): Promise<void> {
  await runCommand(page, title);
  // The palette closes and the command's own input box opens in the same widget: wait for it
  // to be empty (the palette's ">title" text gone) before typing.
  const input = page.locator('.quick-input-widget input');
  await page.waitForFunction(() => {
    const field = document.querySelector<HTMLInputElement>('.quick-input-widget input');
    return field !== null && field.offsetParent !== null && !field.value.startsWith('>');
  });
  await input.fill(answer);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The frame viewer's state as it publishes it on #frame-viewer's data attributes (renders, frame, window...). */
export async function viewerState(frame: Frame): Promise<Record<string, string>> {
  return frame.locator('#frame-viewer').evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
}

/** Polls the viewer's state until `check` holds (30 s at most) and returns that state. */
export async function waitForViewerState(frame: Frame, check: (s: Record<string, string>) => boolean, what: string): Promise<Record<string, string>> {
  const deadline = Date.now() + 30_000;
  let state = await viewerState(frame);
  while (!check(state)) {
    if (Date.now() > deadline) throw new Error(`viewer never reached: ${what}; state ${JSON.stringify(state)}`);
    await frame.page().waitForTimeout(100);
    state = await viewerState(frame);
  }
  return state;
}

/** The Bytes pane's hex cell of one byte (its row must be on screen). */
export function byteCell(frame: Frame, offset: number): Locator {
  return frame.locator(`.bytes-row[data-offset="${offset - (offset % 16)}"] .hex .b[data-i="${offset % 16}"]`);
}

/** Waits until the Bytes pane shows the byte at `offset` with `className` (a part or a selection class). */
export async function waitForByteClass(frame: Frame, offset: number, className: string): Promise<void> {
  const selector = `.bytes-row[data-offset="${offset - (offset % 16)}"] .hex .b[data-i="${offset % 16}"].${className}`;
  await frame.locator(selector).waitFor({ timeout: 15_000 });
}
