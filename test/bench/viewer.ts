/**
 * Viewer benchmark in the real browser (headless Chromium, the real viewer bundle):
 * - window change -> new pixels on the canvas, 512x512 and 4096x4096 16-bit;
 * - cine frame rate for 512x512;
 * - time to first frame and JS heap growth for a generated 1 GB multi-frame file.
 * The reference in the same run is DCMTK's dcmj2pnm rendering the same frame with a window.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { table } from './benchSupport';
import { openViewerPage, waitForRenders } from './viewerHarness';

function header(rows: number, columns: number, frames: number, pixelBytes: number): ElementSpec[] {
  return [
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(frames) },
    { tag: 0x00280010, vr: 'US', value: [rows] },
    { tag: 0x00280011, vr: 'US', value: [columns] },
    { tag: 0x00280100, vr: 'US', value: [16] },
    { tag: 0x00280101, vr: 'US', value: [12] },
    { tag: 0x00280102, vr: 'US', value: [11] },
    { tag: 0x00280103, vr: 'US', value: [1] },
    { tag: 0x00281050, vr: 'DS', value: '40' },
    { tag: 0x00281051, vr: 'DS', value: '400' },
    { tag: 0x00281052, vr: 'DS', value: '-1024' },
    { tag: 0x00281053, vr: 'DS', value: '1' },
    { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(0), declaredLength: pixelBytes },
  ];
}

/** One frame of a synthetic CT-like slice: a disc of tissue with rings, varying by frame. */
function frameBytes(rows: number, columns: number, frame: number): Uint8Array {
  const words = new Int16Array(rows * columns);
  const r = Math.min(rows, columns) / 2;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const d = Math.hypot(x - columns / 2, y - rows / 2) / r;
      words[y * columns + x] = d > 0.9 ? -1000 : 1024 + Math.round(300 * Math.sin(d * 20 + frame / 5));
    }
  }
  return new Uint8Array(words.buffer);
}

/** Writes the file frame by frame, so a 1 GB file never sits in memory. */
export async function writeMultiFrame(file: string, rows: number, columns: number, frames: number): Promise<void> {
  const frameSize = rows * columns * 2;
  const head = writeDicom(header(rows, columns, frames, frameSize * frames), { transferSyntax: 'explicitLittle' }).bytes;
  const out = createWriteStream(file);
  out.write(head);
  const distinct = Array.from({ length: 8 }, (_, i) => frameBytes(rows, columns, i));
  for (let i = 0; i < frames; i++) if (!out.write(distinct[i % distinct.length])) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Milliseconds from a drag step to the frame's pixels on the canvas, measured inside the page. */
async function windowChangeTimes(page: Page, steps: number): Promise<{ work: number[]; toDisplay: number[] }> {
  return page.evaluate(async (n) => {
    const canvas = document.querySelector('canvas.dv-image') as HTMLCanvasElement;
    const r = canvas.getBoundingClientRect();
    const at = (type: string, dx: number) => canvas.dispatchEvent(new PointerEvent(type, { clientX: r.left + r.width / 2 + dx, clientY: r.top + r.height / 2, button: 0, pointerId: 1, bubbles: true }));
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    await nextFrame();
    at('pointerdown', 0);
    const work: number[] = [];
    const toDisplay: number[] = [];
    for (let i = 1; i <= n; i++) {
      await nextFrame();
      const t0 = performance.now();
      at('pointermove', (i % 2 ? 1 : -1) * (5 + i));
      // The viewer renders in its own animation-frame callback, queued before this one.
      const frameStart = await nextFrame();
      const t1 = performance.now();
      work.push(t1 - Math.max(frameStart, t0));
      toDisplay.push(t1 - t0);
    }
    at('pointerup', 0);
    return { work, toDisplay };
  }, steps);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (v: number) => `${v.toFixed(1)} ms`;

function dcmtkRenderMs(file: string, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync('dcmj2pnm', ['+on', '+Ww', '40', '400', file, path.join(path.dirname(file), 'dcmtk.png')], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

async function windowBench(file: string, label: string, rows: string[][]): Promise<void> {
  const v = await openViewerPage(file);
  try {
    await v.page.evaluate(() => window.__mountViewer());
    await waitForRenders(v.page, 1, 120000);
    const t = await windowChangeTimes(v.page, 30);
    const reference = dcmtkRenderMs(file);
    rows.push([`window change, ${label}`, `${ms(median(t.work))} (p95 ${ms(p95(t.work))})`, `${ms(median(t.toDisplay))} incl. wait for display frame`, `dcmj2pnm one render ${ms(reference)}`]);
  } finally {
    await v.close();
  }
}

async function cineBench(file: string, rows: string[][]): Promise<void> {
  const v = await openViewerPage(file);
  try {
    await v.page.evaluate(() => window.__mountViewer());
    await waitForRenders(v.page, 1);
    const fps = await v.page.evaluate(async () => {
      const root = document.getElementById('viewer')!;
      const field = root.querySelector('.dv-frames vscode-textfield') as HTMLElement & { value: string };
      field.value = '60';
      field.dispatchEvent(new Event('change'));
      const container = root.querySelector('.dv-root') as HTMLElement;
      container.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      await new Promise((r) => setTimeout(r, 1000)); // warm-up: prefetch fills
      const start = Number(root.dataset.renders);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      const shown = Number(root.dataset.renders) - start;
      container.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      return shown / ((performance.now() - t0) / 1000);
    });
    rows.push(['cine, 512x512 16-bit, asked 60 fps', `${fps.toFixed(1)} fps`, 'frames read by byte range, 4+ prefetched', '']);
  } finally {
    await v.close();
  }
}

async function bigFileBench(file: string, rows: string[][]): Promise<void> {
  const v = await openViewerPage(file);
  try {
    const cdp = await v.page.context().newCDPSession(v.page);
    await cdp.send('Performance.enable');
    // JS heap plus ArrayBuffer backing stores (where frames live), which JSHeapUsedSize leaves out.
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 1048576;
    };
    const before = await heap();
    const t0 = Date.now();
    await v.page.evaluate(() => window.__mountViewer());
    await waitForRenders(v.page, 1, 120000);
    const firstFrame = Date.now() - t0;
    // Step through 200 frames, as a user holding the arrow key would.
    await v.page.evaluate(async () => {
      const container = document.querySelector('.dv-root') as HTMLElement;
      for (let i = 0; i < 200; i++) {
        container.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    await v.page.waitForFunction(() => document.getElementById('viewer')!.dataset.frame === '200');
    await v.page.waitForTimeout(2000);
    const peak = (await heap()) - before;
    rows.push(['1 GB multi-frame (2048 x 512x512 16-bit)', `first frame ${ms(firstFrame)}`, `page memory +${peak.toFixed(0)} MB after stepping 200 frames`, '']);
  } finally {
    await v.close();
  }
}

export async function benchViewer(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'viewer-bench-'));
  const progress = (text: string) => process.stderr.write(`viewer bench: ${text}\n`);
  try {
    const small = path.join(dir, 'small.dcm');
    const cine = path.join(dir, 'cine.dcm');
    const large = path.join(dir, 'large.dcm');
    const huge = path.join(dir, 'huge.dcm');
    progress(`writing test files in ${dir}`);
    await writeMultiFrame(small, 512, 512, 1);
    await writeMultiFrame(cine, 512, 512, 64);
    await writeMultiFrame(large, 4096, 4096, 1);
    await writeMultiFrame(huge, 512, 512, 2048);
    const rows: string[][] = [];
    progress('window 512');
    await windowBench(small, '512x512 16-bit', rows);
    progress('window 4096');
    await windowBench(large, '4096x4096 16-bit', rows);
    progress('cine');
    await cineBench(cine, rows);
    progress('1 GB file');
    await bigFileBench(huge, rows);
    return table(['measure', 'result', 'detail', 'reference (same run)'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchViewer().then((t) => console.log(t), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
