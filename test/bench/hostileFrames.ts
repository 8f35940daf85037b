/**
 * Hostile frame sizes (issue: limits for hostile input): peak memory (max RSS) and time of
 * `dicom-inspector render` on small files that declare huge frames, each run in a fresh
 * process, side by side with dcmj2pnm on the same file (where DCMTK can read it; it cannot
 * decode JPEG 2000). A memory measurement, not a timed test: nothing here fails on numbers.
 * Also: reading one frame of 1,000,000 fragments.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { j2kDeclaringFrame, manyFragmentsFrame, nativeDeclaringFrame, rleDeclaringFrame } from '../fixtures/catalog/hostilePixels';
import { table, type Row } from './benchSupport';

const CLI = resolve(__dirname, '../../src/cli/main.ts');

interface Measured {
  readonly exit: number | null;
  readonly maxRssMiB: number;
  readonly seconds: number;
  readonly said: string;
}

/** Runs a command under /usr/bin/time for its maximum resident set size. */
function measure(command: string, args: readonly string[]): Measured {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', command, ...args], { encoding: 'utf8', timeout: 120_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /maxrss=(\d+)/.exec(run.stderr ?? '');
  const said = (run.stderr ?? '').replace(/maxrss=\d+\s*$/, '').trim().split('\n')[0] ?? '';
  return { exit: run.status, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN, seconds, said };
}

const cell = (m: Measured) => `${m.maxRssMiB.toFixed(0)} MiB, ${m.seconds.toFixed(1)} s, exit ${m.exit}`;

export async function benchHostileFrames(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  try {
    const cases: [string, Uint8Array][] = [
      ['JPEG 2000 declaring 20000 × 20000', j2kDeclaringFrame(20000, 20000)],
      ['RLE declaring 32768 × 32768 (1 KiB of runs)', rleDeclaringFrame({ rows: 32768, columns: 32768, bitsAllocated: 8 }, 1024)],
      ['native declaring 30000 × 30000 × 16 bits', nativeDeclaringFrame({ rows: 30000, columns: 30000, bitsAllocated: 16 })],
      ['one frame of 1,000,000 fragments', manyFragmentsFrame(1_000_000)],
    ];
    const rows: Row[] = [];
    for (const [name, bytes] of cases) {
      const file = join(dir, `${rows.length}.dcm`);
      writeFileSync(file, bytes);
      const ours = measure(process.execPath, ['--import', 'tsx', CLI, 'render', file, '--out', join(dir, 'out.png')]);
      const dcmtk = measure('dcmj2pnm', ['+on', file, join(dir, 'dcmtk.png')]);
      rows.push([name, `${(bytes.length / 1024).toFixed(0)} KiB`, cell(ours), ours.said.slice(0, 90) || '(rendered)', cell(dcmtk)]);
    }
    return table(['file', 'size', 'render: max RSS, time', 'render says', 'dcmj2pnm: max RSS, time'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
