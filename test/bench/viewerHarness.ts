/**
 * Opens a real webview part in headless Chromium on a DICOM file: the page bundle (the viewer's
 * by default, or another browser entry of test/bench) is built with esbuild, and a local HTTP
 * server serves the page and the file by byte range (Range requests). Used by the viewer and
 * Bytes pane benchmarks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const bundles = new Map<string, Promise<string>>();

function pageBundle(entry: string): Promise<string> {
  const cached = bundles.get(entry);
  if (cached) return cached;
  const bundle = build({
    entryPoints: [path.join(ROOT, 'test/bench', entry)],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    // The WASM codec glue has Node-only branches (require('fs')) that never run in a browser.
    external: ['fs', 'path'],
    logLevel: 'error',
  }).then((r) => r.outputFiles[0].text);
  bundles.set(entry, bundle);
  return bundle;
}

export interface ViewerPage {
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openViewerPage(file: string, viewport = { width: 1100, height: 900 }, entry = 'viewerPage.ts'): Promise<ViewerPage> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  const script = await pageBundle(entry);
  const server: Server = createServer((req, res) => {
    if (req.url === '/file') {
      const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
      const start = m ? Number(m[1]) : 0;
      const end = m ? Math.min(Number(m[2]), size - 1) : size - 1;
      const buffer = Buffer.alloc(Math.max(0, end - start + 1));
      handle.read(buffer, 0, buffer.length, start).then(
        () => res.writeHead(m ? 206 : 200, { 'Content-Type': 'application/octet-stream' }).end(buffer),
        () => res.writeHead(500).end(),
      );
    } else if (req.url === '/viewer.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(
        `<!DOCTYPE html><html><head><style>${THEME}</style></head><body><div id="viewer"></div>` +
          // tsx compiles functions handed to page.evaluate with esbuild's keepNames, which calls __name.
          `<script>window.__name = (f) => f; window.__fileSize = ${size};</script><script src="/viewer.js"></script></body></html>`,
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    browser,
    page,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await handle.close();
    },
  };
}

/** Resolves once the viewer has rendered at least `count` times. */
export async function waitForRenders(page: Page, count: number, timeout = 30000): Promise<void> {
  await page.waitForFunction((n) => Number(document.getElementById('viewer')!.dataset.renders ?? 0) >= n, count, { timeout });
}
