/**
 * Opens the real viewer in headless Chromium on a DICOM file: the page bundle is built with
 * esbuild, the file is served to it by byte range. Used by the viewer benchmark.
 */
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/vscode/browser';

const ROOT = path.resolve(__dirname, '../..');

/** VS Code's dark theme variables the viewer styles read, so the page looks like the editor. */
const THEME = `body { background: #1e1e1e; margin: 8px; --vscode-foreground: #cccccc; --vscode-editor-background: #1e1e1e;
 --vscode-focusBorder: #007fd4; --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-descriptionForeground: #9d9d9d;
 --vscode-errorForeground: #f48771; --vscode-button-background: #0e639c; --vscode-editor-font-family: monospace; }`;

let bundle: Promise<string> | undefined;

function pageBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(ROOT, 'test/bench/viewerPage.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    // The WASM codec glue has Node-only branches (require('fs')) that never run in a browser.
    external: ['fs', 'path'],
    logLevel: 'error',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export interface ViewerPage {
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openViewerPage(file: string, viewport = { width: 1100, height: 900 }): Promise<ViewerPage> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.exposeFunction('__readRange', async (offset: number, length: number) => {
    const count = Math.max(0, Math.min(length, size - offset));
    const buffer = Buffer.alloc(count);
    await handle.read(buffer, 0, count, offset);
    return buffer.toString('base64');
  });
  await page.setContent(`<!DOCTYPE html><html><head><style>${THEME}</style></head><body><div id="viewer"></div></body></html>`);
  // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, which calls __name.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  await page.evaluate((s) => (window.__fileSize = s), size);
  await page.addScriptTag({ content: await pageBundle() });
  return {
    browser,
    page,
    close: async () => {
      await browser.close();
      await handle.close();
    },
  };
}

/** Resolves once the viewer has rendered at least `count` times. */
export async function waitForRenders(page: Page, count: number, timeout = 30000): Promise<void> {
  await page.waitForFunction((n) => Number(document.getElementById('viewer')!.dataset.renders ?? 0) >= n, count, { timeout });
}
