/**
 * Viewer display looks in the real browser (headless Chromium, the real viewer bundle):
 * - colour map and equalised display, from the control's change to new pixels on the canvas,
 *   on 512x512 and 4096x4096 16-bit frames (targets: 16 ms and 120 ms);
 * - the 16-frame grid of a 300-frame 512x512 CT, from the toggle to all cells drawn (target 500 ms);
 * - cine with the value range mask on (target 30 fps or more).
 * The reference in the same run is DCMTK's dcmj2pnm rendering the same frame with a window
 * (it has no colour maps or equalisation; it gives the scale of one plain render).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { table } from './benchSupport';
import { writeMultiFrame } from './viewer';
import { openViewerPage, waitForRenders } from './viewerHarness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (v: number) => `${v.toFixed(1)} ms`;

type Change = 'colourmap' | 'equalise';

/**
 * Milliseconds from a control's change event to the frame's pixels on the canvas, measured in
 * the page: the viewer renders in the animation frame after the change, before our callback.
 */
async function changeTimes(page: Page, change: Change, steps: number): Promise<number[]> {
  return page.evaluate(async ({ change, steps }) => {
    const root = document.getElementById('viewer')!;
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const control = (name: string) => root.querySelector(`[data-control="${name}"]`) as HTMLElement & { value: string; checked: boolean };
    const fire = (el: HTMLElement) => el.dispatchEvent(new Event('change'));
    if (change === 'equalise') {
      const box = control('equalise');
      box.checked = true;
      fire(box);
      await nextFrame();
    }
    const times: number[] = [];
    for (let i = 1; i <= steps; i++) {
      await nextFrame();
      const before = Number(root.dataset.renders);
      const t0 = performance.now();
      if (change === 'colourmap') {
        const select = control('colourmap');
        select.value = i % 2 ? 'viridis' : 'hot';
        fire(select);
      } else {
        // A new bin count: the breaks (a counting pass over the frame) and the table are rebuilt.
        const bins = control('equalise-bins');
        bins.value = String(100 + (i % 2));
        fire(bins);
      }
      const frameStart = await nextFrame();
      const t1 = performance.now();
      if (Number(root.dataset.renders) === before) throw new Error(`no render after the ${change} change`);
      times.push(t1 - Math.max(frameStart, t0));
    }
    return times;
  }, { change, steps });
}

function dcmtkRenderMs(file: string, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync('dcmj2pnm', ['+on', '+Ww', '40', '400', file, path.join(path.dirname(file), 'dcmtk.png')], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

async function looksBench(file: string, label: string, target: number, rows: string[][]): Promise<void> {
  const reference = dcmtkRenderMs(file);
  for (const change of ['colourmap', 'equalise'] as const) {
    const v = await openViewerPage(file, { width: 1440, height: 900 });
    try {
      await v.page.evaluate(() => window.__mountViewer());
      await waitForRenders(v.page, 1, 120000);
      const t = await changeTimes(v.page, change, 20);
      const what = change === 'colourmap' ? 'colour map change' : 'equalised display (new bin count)';
      rows.push([`${what}, ${label}`, `${ms(median(t))} (p95 ${ms(p95(t))})`, `target ≤ ${target} ms`, `dcmj2pnm one render ${ms(reference)}`]);
    } finally {
      await v.close();
    }
  }
}

async function gridBench(file: string, rows: string[][]): Promise<void> {
  const v = await openViewerPage(file, { width: 1440, height: 900 });
  try {
    await v.page.evaluate(() => window.__mountViewer());
    await waitForRenders(v.page, 1, 120000);
    // Let the series pass (32 sampled frames) finish, as a user would see it settle.
    await v.page.waitForFunction(() => document.getElementById('viewer')!.dataset.seriesSampled !== undefined, undefined, { timeout: 120000 });
    const elapsed = await v.page.evaluate(async () => {
      const root = document.getElementById('viewer')!;
      const toggle = root.querySelector('[data-control="grid"]') as HTMLElement & { checked: boolean };
      const t0 = performance.now();
      toggle.checked = true;
      toggle.dispatchEvent(new Event('change'));
      while (root.dataset.gridDrawn !== '16') await new Promise((r) => setTimeout(r, 2));
      return performance.now() - t0;
    });
    rows.push(['grid of 16 frames, 300-frame 512x512 CT', ms(elapsed), 'target ≤ 500 ms; frames read by byte range', '']);
  } finally {
    await v.close();
  }
}

async function cineMaskBench(file: string, rows: string[][]): Promise<void> {
  const v = await openViewerPage(file, { width: 1440, height: 900 });
  try {
    await v.page.evaluate(() => window.__mountViewer());
    await waitForRenders(v.page, 1);
    const fps = await v.page.evaluate(async () => {
      const root = document.getElementById('viewer')!;
      const field = (name: string) => root.querySelector(`[data-control="${name}"]`) as HTMLElement & { value: string };
      field('range-min').value = '-250';
      field('range-max').value = '250';
      field('range-max').dispatchEvent(new Event('change'));
      const fpsField = root.querySelector('.dv-frames vscode-textfield') as HTMLElement & { value: string };
      fpsField.value = '60';
      fpsField.dispatchEvent(new Event('change'));
      const container = root.querySelector('.dv-root') as HTMLElement;
      container.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      await new Promise((r) => setTimeout(r, 1000));
      if (root.dataset.range !== '-250 250') throw new Error('the range mask is not on');
      const start = Number(root.dataset.renders);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      const shown = Number(root.dataset.renders) - start;
      container.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      return shown / ((performance.now() - t0) / 1000);
    });
    rows.push(['cine with range mask -250..250 HU, 512x512, asked 60 fps', `${fps.toFixed(1)} fps`, 'target ≥ 30 fps', '']);
  } finally {
    await v.close();
  }
}

export async function benchViewerLooks(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'viewer-looks-bench-'));
  const progress = (text: string) => process.stderr.write(`viewer-looks bench: ${text}\n`);
  try {
    const small = path.join(dir, 'small.dcm');
    const large = path.join(dir, 'large.dcm');
    const series = path.join(dir, 'series.dcm');
    progress(`writing test files in ${dir}`);
    await writeMultiFrame(small, 512, 512, 1);
    await writeMultiFrame(large, 4096, 4096, 1);
    await writeMultiFrame(series, 512, 512, 300);
    const rows: string[][] = [];
    progress('512');
    await looksBench(small, '512x512 16-bit', 16, rows);
    progress('4096');
    await looksBench(large, '4096x4096 16-bit', 120, rows);
    progress('grid');
    await gridBench(series, rows);
    progress('cine with mask');
    await cineMaskBench(series, rows);
    return table(['measure', 'result', 'detail', 'reference (same run)'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
