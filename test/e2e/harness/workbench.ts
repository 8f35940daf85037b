// Helpers for end-to-end specs (test/e2e/*.spec.ts): drive the VS Code workbench that
// test/e2e/harness/run.ts serves, with the keyboard and mouse, like a person would.
// Specs read where things are from the environment run.ts sets (see E2E_ENV).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/vscode/browser';
import { REPO_ROOT } from '../../../scripts/vscode/codeServer';

export const E2E_ENV = {
  /** Workbench URL with the sample workspace open. */
  url: 'E2E_WORKBENCH_URL',
  /** Absolute path of the sample workspace (generated fixtures in fixtures/, corpus copies in corpus/). */
  workspace: 'E2E_WORKSPACE',
} as const;

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output/e2e');

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run end-to-end specs through npm run test:e2e`);
  return value;
}

export function workspaceDir(): string {
  return requireEnv(E2E_ENV.workspace);
}

/**
 * A file of the test workspace; when it is missing (the public corpus lives outside the
 * repository) the test is skipped and undefined returned. CI always has it, so there a missing
 * file fails the test instead of skipping it.
 */
export function workspaceFile(t: { skip(message: string): void }, ...parts: string[]): string | undefined {
  const file = path.join(workspaceDir(), ...parts);
  if (fs.existsSync(file)) return file;
  const message = `${parts.join('/')} is not in the test workspace`;
  if (process.env.CI) throw new Error(message);
  t.skip(message);
  return undefined;
}

export interface Workbench {
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Opens the workbench in a fresh browser (fresh storage, so no editors are restored from an
 * earlier spec) and waits until the explorer shows the workspace. Its console goes to
 * test-output/e2e/NAME.console.log (NAME: the spec file's name by default).
 */
export async function openWorkbench(name = path.basename(process.argv[1] ?? 'workbench', '.ts'), viewport = { width: 1400, height: 900 }): Promise<Workbench> {
  const url = requireEnv(E2E_ENV.url);
  const browser: Browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    // The workbench's console (extension host messages included) for when a spec fails.
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const consoleLog = fs.createWriteStream(path.join(SCREENSHOT_DIR, `${name}.console.log`));
    page.on('console', (msg) => consoleLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.message}\n`));
    page.once('close', () => consoleLog.end());
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the workspace once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return { page, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Control+P, type the file name, Enter: opens the first match like a person would. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  // Wait until the result list shows the file before choosing it.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** F1, type the command's title, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Switches the colour theme through the workspace settings (VS Code applies a changed
 * `workbench.colorTheme` at once) and waits until the workbench wears it. Returns a function
 * that puts the settings back, so later specs start from the default theme.
 */
export async function setColorTheme(page: Page, theme: string, dark: boolean): Promise<() => void> {
  const dir = path.join(workspaceDir(), '.vscode');
  const file = path.join(dir, 'settings.json');
  const dirExisted = fs.existsSync(dir);
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const settings = previous ? (JSON.parse(previous) as Record<string, unknown>) : {};
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'workbench.colorTheme': theme }, null, 2));
  await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
  return () => {
    if (previous !== undefined) fs.writeFileSync(file, previous);
    else fs.rmSync(dirExisted ? file : dir, { recursive: true, force: true });
  };
}

/** The title of the active tab in the active editor group. */
export async function activeTabTitle(page: Page): Promise<string> {
  const tab = page.locator('.editor-group-container.active .tab.active .label-name').first();
  await tab.waitFor();
  return (await tab.textContent())?.trim() ?? '';
}

/** Tree or list rows, optionally inside one view (its pane's CSS selector, e.g. `[id="workbench.view.explorer"]`). */
export function treeRows(page: Page, within?: string): Locator {
  return page.locator(`${within ? `${within} ` : ''}.monaco-list-row`);
}

/** Frames of webviews (VS Code serves them from .../contrib/webview/browser/pre/), not the worker host's. */
export function webviewFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f !== page.mainFrame() && f.url().includes('/webview/'));
}

/**
 * The content frame of a webview that contains `selector`. VS Code nests each webview in two
 * iframes; the inner one (`active-frame`) has the extension's HTML. Polls until found.
 */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of webviewFrames(page)) {
      const found = await frame.locator(selector).count().catch(() => 0);
      if (found > 0) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame contains ${selector} after ${timeoutMs} ms`);
}

/** The content frame of a webview whose visible text matches `text`. Polls until found. */
export async function webviewWithText(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<Frame> {
  const matches = (body: string) => (typeof text === 'string' ? body.includes(text) : text.test(body));
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = [];
    for (const frame of webviewFrames(page)) {
      const body = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '');
      if (matches(body)) return frame;
      if (body.trim()) seen.push(body.trim().slice(0, 200));
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${String(text)} after ${timeoutMs} ms; webviews show: ${JSON.stringify(seen)}`);
}

/** Saves a full-window screenshot as test-output/e2e/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Park the pointer on the empty status bar corner so no hover tooltip covers the picture.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 2, size.height - 2);
  await page.screenshot({ path: file });
  return file;
}
