/**
 * Bytes pane benchmark in the real browser (headless Chromium, the real pane) with the real
 * page server code as its host in Node, on a 2 GiB file (sparse: the pixel data is a hole):
 * - selection -> highlighted bytes drawn, for selections spread over the file: the host reads
 *   the pages around the node (as the DICOM Tags view's selection does), sends them with the
 *   selection, and the time ends when a frame shows the node's bytes highlighted;
 * - frame rate while scrolling: row by row as the wheel does, and jumping across the whole
 *   file as a dragged scrollbar does;
 * - JS heap and DOM nodes after scrolling through the whole file, against the empty page.
 * The reference in the same run is xxd printing one 4 KiB page at the same far offsets.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openDicom } from '../../src/core/parse/readDicom';
import { bytesPage, pagesAround } from '../../src/extension/bytes/bytesServer';
import type { BytesPageMessage } from '../../src/shared/bytesProtocol';
import { openFileAccess } from '../../src/node/fileAccess';
import { writeSparseImage } from '../support/sparseImage';
import { table } from './benchSupport';
import type { WirePage } from './bytesPage';
import { openViewerPage } from './viewerHarness';

const PIXEL_BYTES = 2 ** 31;
const SELECTIONS = 40;
const FRAMES = 300;
const ROOT = path.resolve(__dirname, '../..');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** A DevTools session on the page whose counters run from its start: heap, DOM nodes, main-thread CPU. */
async function pageMetrics(page: Page): Promise<(collectGarbage?: boolean) => Promise<{ heap: number; nodes: number; threadTime: number }>> {
  const session = await page.context().newCDPSession(page);
  // Thread ticks: ThreadTime then counts the main thread's CPU time, not the wall clock.
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async (collectGarbage = false) => {
    if (collectGarbage) await session.send('HeapProfiler.collectGarbage');
    const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { heap: value('JSHeapUsedSize'), nodes: value('Nodes'), threadTime: value('ThreadTime') };
  };
}

type Metrics = Awaited<ReturnType<typeof pageMetrics>>;

/**
 * Milliseconds of CPU the page's main thread spent per step of `run` (script, style, layout,
 * paint): what a frame costs whatever else the machine is doing, unlike frame rates and
 * latencies, which a busy machine stretches.
 */
async function cpuPerStep<T>(metrics: Metrics, steps: number, run: () => Promise<T>): Promise<{ result: T; cpu: number }> {
  const before = await metrics();
  const result = await run();
  const after = await metrics();
  return { result, cpu: ((after.threadTime - before.threadTime) * 1000) / steps };
}

function toWire(page: BytesPageMessage): WirePage {
  return { ...page, data: Buffer.from(page.data).toString('base64') };
}

/**
 * Milliseconds from the host's handling of a selection (reading the pages around it) to the
 * frame that draws its bytes highlighted, per offset.
 */
async function timeSelections(page: Page, offsets: readonly number[], around: (offset: number) => Promise<BytesPageMessage[]>): Promise<number[]> {
  const times: number[] = [];
  for (const offset of offsets) {
    const started = performance.now();
    const pages = (await around(offset)).map(toWire);
    await page.evaluate(({ offset, pages }) => window.__selectAndDraw(offset, pages), { offset, pages });
    times.push(performance.now() - started);
  }
  return times;
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
  const access = await openFileAccess(file);
  try {
    const { page } = viewer;
    const { file: parsed, source } = await openDicom(access);
    await page.exposeFunction('__hostRead', async (stream: 'model' | 'raw', offset: number, length: number) => toWire(await bytesPage({ type: 'bytes/read', stream, offset, length }, parsed, source)));
    await page.addStyleTag({ content: readFileSync(path.join(ROOT, 'media/bytes.css'), 'utf8') });
    await page.addStyleTag({ content: '#viewer { height: 760px; display: flex; flex-direction: column; }' });
    const metrics = await pageMetrics(page);
    const empty = await metrics(true);
    const shown = { deflated: parsed.deflated, dataSetOffset: parsed.dataSetOffset, littleEndian: true, characterSet: [], offsetFormat: 'hex' as const };
    await page.evaluate((file) => window.__mountBytes(file), shown);
    await page.waitForSelector('.bytes-row[data-offset="0"] .b.p-preamble');
    const mounted = await metrics(true);
    const offsets = Array.from({ length: SELECTIONS }, (_, i) => Math.floor(((i + 0.5) / SELECTIONS) * size));
    const { result: selections, cpu: selectionCpu } = await cpuPerStep(metrics, offsets.length, () => timeSelections(page, offsets, (offset) => pagesAround(offset, parsed, source)));
    const { result: rows, cpu: rowsCpu } = await cpuPerStep(metrics, FRAMES, () => scrollRate(page, 'rows', FRAMES));
    const { result: jumps, cpu: jumpsCpu } = await cpuPerStep(metrics, FRAMES, () => scrollRate(page, 'jump', FRAMES));
    const scrolled = await metrics(true);
    const xxd = offsets.slice(0, 10).map((offset) => xxdPage(file, offset));
    const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
    return [
      table(
        ['Bytes pane, 2 GiB file (1440×900, headless Chromium)', 'DICOM Inspector', 'Reference: xxd, one 4 KiB page', 'Target'],
        [
          ['Selection → highlighted bytes drawn (pages read by range), median / p95', `${median(selections).toFixed(1)} / ${percentile(selections, 0.95).toFixed(1)} ms`, `${median(xxd).toFixed(1)} ms (process included)`, '≤ 50 ms'],
          ['Page main-thread CPU per selection', `${selectionCpu.toFixed(1)} ms`, '—', '—'],
          ['Scrolling row by row (3 rows a frame)', `${rows.fps.toFixed(0)} fps, longest frame ${rows.longest.toFixed(0)} ms, CPU ${rowsCpu.toFixed(1)} ms a frame`, '—', '≥ 50 fps (≤ 20 ms a frame)'],
          ['Scrollbar dragged across the whole file (new page every frame)', `${jumps.fps.toFixed(0)} fps, longest frame ${jumps.longest.toFixed(0)} ms, CPU ${jumpsCpu.toFixed(1)} ms a frame, ended at ${(jumps.lastOffset / 2 ** 30).toFixed(2)} GiB`, '—', '≥ 50 fps (≤ 20 ms a frame)'],
          ['JS heap: empty page / pane shown / after scrolling the whole file', `${mib(empty.heap)} / ${mib(mounted.heap)} / ${mib(scrolled.heap)} (${mib(scrolled.heap - empty.heap)} more)`, '—', '< 150 MB more'],
          ['DOM nodes after scrolling the whole file', String(scrolled.nodes), '—', 'constant'],
        ],
      ),
      '',
      `Load average during the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (frame rates and latencies stretch on a busy machine; CPU per frame does not).`,
      'The selection time starts when the host handles the selection (reads the pages around the node) and ends on the frame showing it; in VS Code the tree click adds the one message from the workbench to the extension host.',
    ].join('\n');
  } finally {
    await access.close();
    await viewer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
