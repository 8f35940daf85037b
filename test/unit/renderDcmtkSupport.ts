/**
 * Helpers for comparing `render` with DCMTK's dcmj2pnm pixel by pixel.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decode } from 'fast-png';
import { runRender } from '../../src/cli/commands/render';

export const CORPUS = path.resolve(__dirname, '../../../shared/corpus/dicomparser');

export function hasDcmtk(): boolean {
  try {
    execFileSync('dcmj2pnm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Comparison {
  readonly maxDifference: number;
  readonly differingSamples: number;
  readonly samples: number;
}

/** A stream that keeps what is written (and calls back, as the CLI waits for that). */
export function collect(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = {
    write: (s: string, cb?: (e?: Error | null) => void) => {
      text += s;
      cb?.();
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

/**
 * Renders `file` with our CLI and with dcmj2pnm using the same frame and window
 * (a given window: `+Ww C W`; the file's first: `+Wi 1`; none in the file: `+Wm` min-max),
 * plus matching extra options for each (`-O` and `--no-overlays`).
 */
export async function compareWithDcmtk(file: string, options: { frame?: number; window?: [number, number]; dcmtkWindow?: string[]; extra?: { ours: string[]; dcmtk: string[] } } = {}): Promise<Comparison> {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-cmp-'));
  try {
    const ours = path.join(dir, 'ours.png');
    const theirs = path.join(dir, 'dcmtk.png');
    const frame = options.frame ?? 1;
    const args = [file, '--out', ours, '--frame', String(frame), ...(options.extra?.ours ?? [])];
    let dcmtkWindow = options.dcmtkWindow ?? ['+Wm'];
    if (options.window) {
      args.push('--window', String(options.window[0]), String(options.window[1]));
      dcmtkWindow = ['+Ww', String(options.window[0]), String(options.window[1])];
    }
    const err = collect();
    const code = await runRender(args, { stdout: err.stream, stderr: err.stream });
    if (code !== 0) throw new Error(`render exited ${code}: ${err.text()}`);
    execFileSync('dcmj2pnm', ['+on', '+F', String(frame), ...dcmtkWindow, ...(options.extra?.dcmtk ?? []), file, theirs], { stdio: 'pipe' });
    const a = decode(readFileSync(ours));
    const b = decode(readFileSync(theirs));
    if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) {
      throw new Error(`shape differs: ${a.width}x${a.height}x${a.channels} vs dcmtk ${b.width}x${b.height}x${b.channels}`);
    }
    let maxDifference = 0;
    let differingSamples = 0;
    for (let i = 0; i < a.data.length; i++) {
      const d = Math.abs(a.data[i] - b.data[i]);
      if (d > maxDifference) maxDifference = d;
      if (d) differingSamples++;
    }
    return { maxDifference, differingSamples, samples: a.data.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
