/**
 * CSV export benchmark (issue: CSV export). Side by side in one run over the same folder of
 * generated CT instances (sparse files: the pixel data is a hole):
 *  - `dicom-inspector csv` (the bundled CLI, a fresh Node process) against the equivalent
 *    pydicom script (csvPydicom.py: dcmread(stop_before_pixels=True) per file + csv module),
 *    for every attribute (union) and for ten chosen columns; files/s, ratio, peak memory;
 *  - the export in this process with an event-loop monitor (p99, longest block, and how much of it
 *    was our own work on a CPU; the extension host runs the same code), for the folder and for the
 *    long form of one large multi-frame header.
 * Run: `npm run bench -- csv` or `node --import tsx test/bench/csv.ts`; BENCH_CSV_FILES sets the count.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { parse } from 'csv-parse/sync';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { exportCsv, readCsvHeader } from '../../src/core/csv/exportCsv';
import { openFileAccess } from '../../src/node/fileAccess';
import { walkInputs } from '../../src/node/walk';
import { ctElements } from './ctInstance';
import { loopText, pythonWithPydicom, table, watchEventLoop, type LoopWatch, type Row } from './benchSupport';

const FILES = Number(process.env.BENCH_CSV_FILES ?? 10_000);
const PER_FOLDER = 500;
const CHOSEN = ['PatientName', 'PatientID', 'StudyDate', 'Modality', 'SeriesNumber', 'InstanceNumber', 'SliceThickness', 'ImagePositionPatient', 'PixelSpacing', '(0018,9345)'];
/** Names a spreadsheet would run, or that need quoting; every 97th file gets one. */
const HOSTILE_NAMES = ['=HYPERLINK("http://x")^Evil', 'Doe, "Johnny"^Jr', '-2+3^Formula', '@SUM(A1)^At'];

function instance(i: number): { header: Uint8Array; size: number } {
  const ids = { patient: 1 + (i % 50), study: 1 + (i % 7), series: 1 + (i % 3), instance: i };
  let elements: ElementSpec[] = ctElements(ids);
  if (i % 97 === 0) {
    const name = HOSTILE_NAMES[(i / 97) % HOSTILE_NAMES.length];
    elements = elements.map((e) => (e.tag === 0x00100010 ? { ...e, value: name } : e));
  }
  const pixelBytes = 512 * 512 * 2;
  const pixel: ElementSpec = { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(0), declaredLength: pixelBytes };
  const written = writeDicom([...elements, pixel], { transferSyntax: 'explicitLittle', sopClassUid: '1.2.840.10008.5.1.4.1.1.2' });
  return { header: written.bytes, size: written.bytes.length + pixelBytes };
}

/** A folder of `files` sparse CT instances, 500 per subfolder (also the indexing benchmark's folder). */
export function generateCtFolder(root: string, files = FILES): void {
  for (let i = 0; i < files; i++) {
    const folder = join(root, `series${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`);
    if (i % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const path = join(folder, `ct${String(i).padStart(5, '0')}.dcm`);
    const { header, size } = instance(i);
    writeFileSync(path, header);
    truncateSync(path, size);
  }
}

function bundleCli(dir: string): string {
  const out = join(dir, 'cli.js');
  buildSync({ entryPoints: [resolve(__dirname, '../../src/cli/main.ts')], bundle: true, platform: 'node', outfile: out, logLevel: 'silent' });
  return out;
}

/**
 * Wall time, CPU time (user + system) and peak resident memory of one process, from GNU time.
 * CPU time is reported beside wall time because on a shared machine wall time also counts the
 * time other programs held the processor.
 */
function measured(command: string[]): { ms: number; cpuMs: number; peakMb: number } {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...command], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr.slice(0, 800)}`);
  const [user, system, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000, peakMb: kb / 1024 };
}

/** Row count and the number of live formulas in a CSV: checks that both tools did the whole job. */
function check(path: string): { rows: number; formulas: number } {
  const records: string[][] = parse(readFileSync(path, 'utf8'), { bom: true });
  const formulas = records.slice(1).flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)).length;
  return { rows: records.length - 1, formulas };
}

/** The export in this process, with what it does to the event loop (see `watchEventLoop`). */
async function inProcess(root: string, out: string): Promise<{ ms: number; loop: LoopWatch }> {
  let text = '';
  const start = performance.now();
  const { loop } = await watchEventLoop(() =>
    exportCsv(
      { listFiles: () => walkInputs([root]), open: openFileAccess, readHeader: (a, firstRead, _path, stopAfterTag) => readCsvHeader(a, firstRead, stopAfterTag), write: (t) => void (text += t) },
      { columns: { kind: 'union' }, concurrency: 16 },
    ),
  );
  const ms = performance.now() - start;
  writeFileSync(out, text);
  return { ms, loop };
}

const FRAMES = 5000;

/** One enhanced multi-frame header with `FRAMES` per-frame functional group items (the long form's largest case). */
function writeMultiFrame(path: string): void {
  const items = Array.from({ length: FRAMES }, (_, f) => ({
    elements: [
      { tag: 0x00209111, vr: 'SQ', items: [{ elements: [{ tag: 0x00209157, vr: 'UL', value: [1, f + 1] }] }] },
      { tag: 0x00209113, vr: 'SQ', items: [{ elements: [{ tag: 0x00200032, vr: 'DS', value: `0\\0\\${f}` }] }] },
    ],
  }));
  const elements: ElementSpec[] = [...ctElements({ patient: 1, study: 1, series: 1, instance: 1 }), { tag: 0x52009230, vr: 'SQ', items }];
  writeFileSync(path, writeDicom(elements.sort((a, b) => a.tag - b.tag), { transferSyntax: 'explicitLittle' }).bytes);
}

/** The long form of that one file in this process, written to a file as the extension does. */
async function inProcessLongForm(dir: string): Promise<{ ms: number; loop: LoopWatch }> {
  const folder = join(dir, 'multiframe');
  mkdirSync(folder);
  writeMultiFrame(join(folder, 'mf.dcm'));
  const out = await open(join(dir, 'long.csv'), 'w');
  const start = performance.now();
  const { loop } = await watchEventLoop(() =>
    exportCsv(
      { listFiles: () => walkInputs([folder]), open: openFileAccess, readHeader: (a, firstRead, _path, stopAfterTag) => readCsvHeader(a, firstRead, stopAfterTag), write: async (t) => void (await out.write(t)) },
      { columns: { kind: 'long' } },
    ),
  );
  const ms = performance.now() - start;
  await out.close();
  return { ms, loop };
}

export async function benchCsv(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-csv-bench-'));
  try {
    const root = join(dir, 'study');
    generateCtFolder(root);
    const cli = bundleCli(dir);
    const python = pythonWithPydicom();
    const script = resolve(__dirname, 'csvPydicom.py');
    const rows: Row[] = [];
    for (const mode of ['all attributes', 'ten chosen columns'] as const) {
      const chosen = mode === 'ten chosen columns';
      const oursOut = join(dir, `ours-${chosen ? 'chosen' : 'all'}.csv`);
      const pyOut = join(dir, `pydicom-${chosen ? 'chosen' : 'all'}.csv`);
      // Warm the page cache once so neither tool pays for the first read of the folder.
      if (!chosen) measured(['node', cli, 'csv', root, '--tags', 'Modality', '--out', join(dir, 'warm.csv')]);
      const ours = measured(['node', cli, 'csv', root, ...(chosen ? ['--tags', CHOSEN.join(',')] : []), '--out', oursOut]);
      const theirs = measured([python, script, root, pyOut, ...(chosen ? CHOSEN : [])]);
      const oursCheck = check(oursOut);
      const theirsCheck = check(pyOut);
      if (oursCheck.rows !== FILES || theirsCheck.rows !== FILES) throw new Error(`row counts: ours ${oursCheck.rows}, pydicom ${theirsCheck.rows}, files ${FILES}`);
      rows.push(
        [`dicom-inspector csv (${mode})`, fmt(ours.ms), rate(ours.ms), fmt(ours.cpuMs), ours.peakMb.toFixed(0), String(oursCheck.formulas), times(theirs.ms / ours.ms), times(theirs.cpuMs / ours.cpuMs)],
        [`pydicom + csv module (${mode})`, fmt(theirs.ms), rate(theirs.ms), fmt(theirs.cpuMs), theirs.peakMb.toFixed(0), String(theirsCheck.formulas), '1.0', '1.0'],
      );
    }
    const loop = await inProcess(root, join(dir, 'in-process.csv'));
    const long = await inProcessLongForm(dir);
    return [
      `CSV export of ${FILES} CT instances (${PER_FOLDER} per folder, ~110 attributes, sparse 512×512×16-bit pixel data), one fresh process per tool, warm page cache`,
      table(['tool', 'wall ms', 'files/s (wall)', 'CPU ms', 'peak RSS MB', 'live formulas in output', 'speed-up (wall)', 'speed-up (CPU)'], rows),
      '',
      `In process (what the extension host runs), all attributes: ${fmt(loop.ms)} ms, ${rate(loop.ms)} files/s, ${loopText(loop.loop)}`,
      `In process, long form of one enhanced multi-frame header with ${FRAMES} per-frame items: ${fmt(long.ms)} ms, ${loopText(long.loop)}`,
      `Machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end of the run`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => ms.toFixed(0);
const times = (ratio: number) => `${ratio.toFixed(1)}x`;
const rate = (ms: number) => Math.round((FILES * 1000) / ms).toString();

if (require.main === module) {
  benchCsv().then(
    (report) => process.stdout.write(`${report}\n`),
    (problem) => {
      console.error(problem);
      process.exitCode = 1;
    },
  );
}
