/**
 * Hostile input (issue: limits for hostile input), each command run in a fresh process with its
 * peak memory (max RSS) and time, side by side with a DCMTK tool on the same file:
 * - `render` of small files that declare huge frames, against dcmj2pnm (where DCMTK can read
 *   the file; it cannot decode JPEG 2000);
 * - `dump`, `dump --json` and `render` of files of millions of nodes (one frame of 1,000,000
 *   fragments; 2,000,000 tiny elements; 1,500,000 empty items; one element of 16,777,217 empty
 *   values, without render for the last two), against dcmdump, dcm2json and dcmj2pnm, with peak
 *   memory as a multiple of the file size (target: every command under 1 GB and 15 s on files
 *   under 20 MB, dumps within about 10 × the file size);
 * - `csv` and `diff` of 2,000,000 tiny elements, against pydicom doing the same work
 *   (`BENCH_HOSTILE=csv-diff npm run bench -- hostile` runs these alone).
 * A memory measurement, not a timed test: nothing here fails on numbers. Wall times follow the
 * machine's load; CPU time (user + system) less so. Runs the built CLI (bin/dicom-inspector.js,
 * built first; BENCH_NO_BUILD=1 to measure the dist/ already built), as users run it.
 * BENCH_HOSTILE=nodes (or frames, heap, csv-diff) runs one of the four tables.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { j2kDeclaringFrame, manyFragmentsFrame, nativeDeclaringFrame, rleDeclaringFrame } from '../fixtures/catalog/hostilePixels';
import { manyEmptyItems, manyEmptyValues, manyTinyElements, tinyElementsDiffering, tinyElementTag } from '../fixtures/catalog/hostileCounts';
import { tagText } from '../../src/core/format/presentation';
import { table, type Row } from './benchSupport';
import { parseHeap } from './parseHeap';

const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'bin/dicom-inspector.js');
/** A run longer than this is stopped (dcmdump takes about 16 minutes on 2,000,000 private elements). */
export const TIMEOUT_S = 180;

export interface Measured {
  readonly exit: number | null;
  readonly maxRssMiB: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly said: string;
  readonly timedOut: boolean;
}

/**
 * Runs a command under /usr/bin/time for its maximum resident set size and CPU time, its
 * stdout going to `output` (a file, so that a dump of hundreds of MB is written as a user's
 * redirect would write it). `timeout` stops it after TIMEOUT_S, and time still reports it.
 */
export function measure(command: string, args: readonly string[], output: string): Measured {
  const fd = openSync(output, 'w');
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', 'timeout', String(TIMEOUT_S), command, ...args], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = /maxrss=(\d+) cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? '');
  const said = (run.stderr ?? '').replace(/(Command exited with non-zero status \d+\s*)?maxrss=.*$/s, '').trim().split('\n')[0] ?? '';
  return {
    exit: run.status, maxRssMiB: stats ? Number(stats[1]) / 1024 : NaN, seconds, cpuSeconds: stats ? Number(stats[2]) + Number(stats[3]) : NaN, said,
    // GNU time passes on timeout's status 124 as its own.
    timedOut: run.status === 124,
  };
}

export const cell = (m: Measured) => (m.timedOut ? `stopped after ${TIMEOUT_S} s (${m.maxRssMiB.toFixed(0)} MiB by then)` : `${m.maxRssMiB.toFixed(0)} MiB, ${m.seconds.toFixed(1)} s (CPU ${m.cpuSeconds.toFixed(1)} s), exit ${m.exit}`);

export function build(): void {
  if (process.env.BENCH_NO_BUILD) return;
  const run = spawnSync(process.execPath, ['scripts/bundle.js'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build failed: ${run.stdout}${run.stderr}`);
}

async function hugeFrames(dir: string): Promise<string> {
  const cases: [string, Uint8Array][] = [
    ['JPEG 2000 declaring 20000 × 20000', j2kDeclaringFrame(20000, 20000)],
    ['RLE declaring 32768 × 32768 (1 KiB of runs)', rleDeclaringFrame({ rows: 32768, columns: 32768, bitsAllocated: 8 }, 1024)],
    ['native declaring 30000 × 30000 × 16 bits', nativeDeclaringFrame({ rows: 30000, columns: 30000, bitsAllocated: 16 })],
  ];
  const rows: Row[] = [];
  for (const [name, bytes] of cases) {
    const file = join(dir, `frame${rows.length}.dcm`);
    writeFileSync(file, bytes);
    const ours = measure(process.execPath, [CLI, 'render', file, '--force', '--out', join(dir, 'out.png')], join(dir, 'stdout'));
    const dcmtk = measure('dcmj2pnm', ['+on', file, join(dir, 'dcmtk.png')], join(dir, 'stdout'));
    rows.push([name, `${(bytes.length / 1024).toFixed(0)} KiB`, cell(ours), ours.said.slice(0, 90) || '(rendered)', cell(dcmtk)]);
  }
  return table(['file', 'size', 'render: max RSS, time', 'render says', 'dcmj2pnm: max RSS, time'], rows);
}

async function manyNodes(dir: string): Promise<string> {
  // The last field: whether the file has a frame to render.
  const files: [string, () => Uint8Array, boolean][] = [
    ['one frame of 1,000,000 fragments', () => manyFragmentsFrame(1_000_000), true],
    ['2,000,000 tiny private elements', () => manyTinyElements(2_000_000), true],
    ['one sequence of 1,500,000 empty items', () => manyEmptyItems(1_500_000), false],
    ['one element of 16,777,217 empty values', () => manyEmptyValues(16_777_217), false],
  ];
  const rows: Row[] = [];
  for (const [name, make, hasFrame] of files) {
    const file = join(dir, `nodes${rows.length}.dcm`);
    writeFileSync(file, make());
    const size = statSync(file).size;
    const commands: [string, string[], string, string[]][] = [
      ['dump', ['dump', file], 'dcmdump', [file]],
      ['dump --json', ['dump', '--json', file], 'dcm2json', [file]],
      ['render', ['render', file, '--force', '--out', join(dir, 'out.png')], 'dcmj2pnm', ['+on', file, join(dir, 'dcmtk.png')]],
    ];
    for (const [command, args, tool, toolArgs] of commands) {
      if (command === 'render' && !hasFrame) continue;
      const ours = measure(process.execPath, [CLI, ...args], join(dir, 'stdout'));
      const wrote = statSync(join(dir, 'stdout')).size;
      const reference = measure(tool, toolArgs, join(dir, 'stdout'));
      rows.push([
        name, `${(size / 1e6).toFixed(1)} MB`, command, cell(ours), `${((ours.maxRssMiB * 1048576) / size).toFixed(1)} ×`,
        wrote > 0 ? `${(wrote / 1e6).toFixed(0)} MB` : ours.said.slice(0, 60) || '-', `${tool}: ${cell(reference)}`,
      ]);
    }
  }
  return table(['file', 'size', 'command', 'dicom-inspector: max RSS, time', 'max RSS ÷ file size', 'output', 'reference: max RSS, time'], rows);
}

/** pydicom writing the CSV row of every top-level attribute, as `csv` does (header, then values). */
const PYDICOM_CSV = `
import csv, sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
elements = sorted(list(ds.file_meta.values()) + list(ds.values()), key=lambda e: e.tag)
out = csv.writer(sys.stdout)
out.writerow(['File'] + [str(e.tag) for e in elements] + ['Error'])
out.writerow([sys.argv[1]] + ['' if e.value is None else str(e.value) for e in elements] + [''])
`;

/** pydicom listing the top-level attributes that differ, as `diff` does: one walk along both in tag order. */
const PYDICOM_DIFF = `
import sys, pydicom
a = iter(pydicom.dcmread(sys.argv[1])); b = iter(pydicom.dcmread(sys.argv[2]))
x = next(a, None); y = next(b, None)
while x is not None or y is not None:
    if y is None or (x is not None and x.tag < y.tag): print('removed', x.tag); x = next(a, None)
    elif x is None or y.tag < x.tag: print('added', y.tag); y = next(b, None)
    else:
        if x.VR != y.VR or x.value != y.value: print('changed', x.tag)
        x = next(a, None); y = next(b, None)
`;

/** Writes the pair in a call of its own, so that the generated bytes are not kept while commands run. */
function writeTinyPair(count: number, a: string, b: string): void {
  const [before, after] = tinyElementsDiffering(count, [7, count / 2, count - 1]);
  writeFileSync(a, before);
  writeFileSync(b, after);
}

/**
 * `csv` (every attribute, and chosen columns) and `diff` (a file with itself, and with a copy
 * differing in three values) of 2,000,000 tiny private elements, against pydicom doing the same
 * work (reading every element, writing the row or comparing every value).
 */
export async function manyNodesCsvDiff(dir: string): Promise<string> {
  const count = 2_000_000;
  const a = join(dir, 'tiny-a.dcm');
  const b = join(dir, 'tiny-b.dcm');
  writeTinyPair(count, a, b);
  const size = statSync(a).size;
  const python = '/usr/bin/python3';
  // The last element: the whole file is read for it.
  const last = tagText(tinyElementTag(count - 1).toString(16).padStart(8, '0'));
  const commands: [string, string[], string[]][] = [
    ['csv (every attribute)', ['csv', a], ['-c', PYDICOM_CSV, a]],
    [`csv --tags Modality,${last}`, ['csv', '--tags', `Modality,${last}`, a], ['-c', PYDICOM_CSV, a]],
    ['diff A A', ['diff', a, a], ['-c', PYDICOM_DIFF, a, a]],
    ['diff A B (3 values differ)', ['diff', a, b], ['-c', PYDICOM_DIFF, a, b]],
  ];
  const rows: Row[] = [];
  for (const [command, args, referenceArgs] of commands) {
    const ours = measure(process.execPath, [CLI, ...args], join(dir, 'stdout'));
    const wrote = statSync(join(dir, 'stdout')).size;
    const reference = measure(python, referenceArgs, join(dir, 'stdout'));
    rows.push([
      '2,000,000 tiny private elements', `${(size / 1e6).toFixed(1)} MB`, command, cell(ours),
      `${((ours.maxRssMiB * 1048576) / size).toFixed(1)} ×`, `${(wrote / 1e6).toFixed(1)} MB`, `pydicom: ${cell(reference)}`,
    ]);
  }
  return table(['file', 'size', 'command', 'dicom-inspector: max RSS, time', 'max RSS ÷ file size', 'output', 'reference: max RSS, time'], rows);
}

export async function benchHostileFrames(): Promise<string> {
  build();
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  try {
    // BENCH_HOSTILE=nodes (or frames, heap, csv-diff) runs one part only.
    const parts = Object.entries({ frames: hugeFrames, nodes: manyNodes, heap: parseHeap, 'csv-diff': manyNodesCsvDiff }).filter(([part]) => !process.env.BENCH_HOSTILE || process.env.BENCH_HOSTILE.split(',').includes(part));
    const tables: string[] = [];
    for (const [, part] of parts) tables.push(await part(dir));
    return tables.join('\n\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
