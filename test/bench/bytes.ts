/**
 * Bytes pane benchmark in the real browser (headless Chromium, the real pane and page server
 * code) on a 2 GiB file (sparse: the pixel data is a hole):
 * - selection -> highlighted bytes drawn, for selections spread over the file (each needs a
 *   page read by range first);
 * - frame rate while scrolling: row by row as the wheel does, and jumping across the whole
 *   file as a dragged scrollbar does;
 * - JS heap and DOM nodes after scrolling through the whole file, against the empty page.
 * The reference in the same run is xxd printing one 4 KiB page at the same far offsets.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { writeSparseImage } from '../support/sparseImage';
import { table } from './benchSupport';
import { openViewerPage } from './viewerHarness';

const PIXEL_BYTES = 2 ** 31;
const SELECTIONS = 40;
const ROOT = path.resolve(__dirname, '../..');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function heap(page: Page): Promise<{ heap: number; nodes: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heap: value('JSHeapUsedSize'), nodes: value('Nodes') };
}

/** Milliseconds from `select` to the frame that draws the selection's bytes, per offset. */
function timeSelections(page: Page, offsets: readonly number[]): Promise<number[]> {
  return page.evaluate(async (targets) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const times: number[] = [];
    for (const offset of targets) {
      const started = performance.now();
      window.__pane.select({ offset, valueOffset: offset + 8, end: offset + 64 });
      for (;;) {
        await frame();
        const cell = document.querySelector(`.bytes-row[data-offset="${offset - (offset % 16)}"] .b[data-i="${offset % 16}"]`);
        if (cell?.classList.contains('sel-header') && cell.textContent !== '··') break;
      }
      times.push(performance.now() - started);
    }
    return times;
  }, offsets);
}

/** Frames per second and the longest frame while `step` moves the pane once per frame. */
function scrollRate(page: Page, mode: 'rows' | 'jump', frames: number): Promise<{ fps: number; longest: number; lastOffset: number }> {
  return page.evaluate(async ({ mode, frames }) => {
    const pane = window.__pane;
    const size = window.__fileSize;
    const stamps: number[] = [];
    let row = 0;
    await new Promise<void>((resolve) => {
      const tick = (time: number) => {
        stamps.push(time);
        if (stamps.length > frames) return resolve();
        row = mode === 'rows' ? row + 3 : Math.floor(((stamps.length / frames) * size) / 16);
        pane.scrollTo(row);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
    const elapsed = stamps[stamps.length - 1] - stamps[0];
    return { fps: (gaps.length / elapsed) * 1000, longest: Math.max(...gaps), lastOffset: pane.state.topOffset };
  }, { mode, frames });
}

function xxdPage(file: string, offset: number): number {
  const started = performance.now();
  execFileSync('xxd', ['-s', String(offset), '-l', '4096', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - started;
}

export async function benchBytes(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-bytes-'));
  const file = path.join(dir, 'large.dcm');
  const size = writeSparseImage(file, 'bytes-bench', PIXEL_BYTES);
  const viewer = await openViewerPage(file, { width: 1440, height: 900 }, 'bytesPage.ts');
  try {
    const { page } = viewer;
    await page.addStyleTag({ content: readFileSync(path.join(ROOT, 'media/bytes.css'), 'utf8') });
    await page.addStyleTag({ content: '#viewer { height: 760px; display: flex; flex-direction: column; }' });
    const empty = await heap(page);
    await page.evaluate(() => window.__mountBytes());
    await page.waitForSelector('.bytes-row[data-offset="0"] .b.p-preamble');
    const mounted = await heap(page);
    const offsets = Array.from({ length: SELECTIONS }, (_, i) => Math.floor(((i + 0.5) / SELECTIONS) * size));
    const selections = await timeSelections(page, offsets);
    const rows = await scrollRate(page, 'rows', 300);
    const jumps = await scrollRate(page, 'jump', 300);
    const scrolled = await heap(page);
    const xxd = offsets.slice(0, 10).map((offset) => xxdPage(file, offset));
    const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
    return [
      table(
        ['Bytes pane, 2 GiB file (1440×900, headless Chromium)', 'DICOM Inspector', 'Reference: xxd, one 4 KiB page', 'Target'],
        [
          ['Selection → highlighted bytes drawn (page read by range), median / p95', `${median(selections).toFixed(1)} / ${percentile(selections, 0.95).toFixed(1)} ms`, `${median(xxd).toFixed(1)} ms (process included)`, '≤ 50 ms'],
          ['Scrolling row by row (3 rows a frame)', `${rows.fps.toFixed(0)} fps, longest frame ${rows.longest.toFixed(0)} ms`, '—', '≥ 50 fps'],
          ['Scrollbar dragged across the whole file (new page every frame)', `${jumps.fps.toFixed(0)} fps, longest frame ${jumps.longest.toFixed(0)} ms, ended at ${(jumps.lastOffset / 2 ** 30).toFixed(2)} GiB`, '—', '≥ 50 fps'],
          ['JS heap: empty page / pane shown / after scrolling the whole file', `${mib(empty.heap)} / ${mib(mounted.heap)} / ${mib(scrolled.heap)} (${mib(scrolled.heap - empty.heap)} more)`, '—', '< 150 MB more'],
          ['DOM nodes after scrolling the whole file', String(scrolled.nodes), '—', 'constant'],
        ],
      ),
      '',
      'The selection time starts when the pane gets the selection (the host\'s `selectElement`); in VS Code the tree click adds one message each way.',
    ].join('\n');
  } finally {
    await viewer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
