/**
 * DICOM Explorer indexing benchmark (issue: files as what they are, "10,000 files indexed in
 * ≤ 2× the time of the CSV export of the same folder"). In one process, over one folder of
 * generated CT instances (the CSV benchmark's folder: sparse files, ~110 attributes each):
 *  - the CSV export of the folder as the extension host runs it (every attribute, 16 reads at a
 *    time, the extension's default);
 *  - the Explorer's index build (src/node/indexFiles.ts, which the extension's workspace index
 *    runs: 8 reads in flight, header up to the last tag a summary needs, summary into the
 *    Patient → Study → Series index), then the patient tree and the consistency checks.
 * Each is run three times, alternating, after one warm-up read of the folder; medians reported.
 * The extension lists files with `findFiles` (ripgrep); here the folder walk lists them.
 * Run: `npm run bench -- explorer-index`; BENCH_INDEX_FILES sets the count (default 10,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCsv } from '../../src/core/csv/exportCsv';
import { checkConsistency } from '../../src/core/explorer/consistency';
import { StudyIndex } from '../../src/core/explorer/studyIndex';
import { readDicom } from '../../src/core/parse/readDicom';
import { patientNodes } from '../../src/extension/explorer/explorerNodes';
import { openFileAccess } from '../../src/node/fileAccess';
import { indexFiles } from '../../src/node/indexFiles';
import { walkFiles, walkInputs } from '../../src/node/walk';
import { table, type Row } from './benchSupport';
import { generateCtFolder } from './csv';

const FILES = Number(process.env.BENCH_INDEX_FILES ?? 10_000);
const ROUNDS = 3;
/** The extension's READS_IN_FLIGHT (src/extension/explorer/workspaceIndex.ts). */
const INDEX_READS_IN_FLIGHT = 8;
const TARGET_RATIO = 2;

async function csvExport(root: string): Promise<{ ms: number; rows: number }> {
  let bytes = 0;
  const start = performance.now();
  const summary = await exportCsv(
    { listFiles: () => walkInputs([root]), open: openFileAccess, readHeader: (a, firstRead) => readDicom(a, { headerOnly: true, initialReadBytes: firstRead }), write: (text) => void (bytes += text.length) },
    { columns: { kind: 'union' }, concurrency: 16 },
  );
  if (bytes === 0) throw new Error('the CSV export wrote nothing');
  return { ms: performance.now() - start, rows: summary.files };
}

async function indexBuild(root: string): Promise<{ ms: number; instances: number; treeMs: number; consistencyMs: number; patients: number }> {
  const index = new StudyIndex();
  const start = performance.now();
  const targets = (async function* () {
    for await (const entry of walkFiles(root)) yield { path: entry.path, key: entry.path };
  })();
  await indexFiles(index, targets, { concurrency: INDEX_READS_IN_FLIGHT });
  const ms = performance.now() - start;
  const treeStart = performance.now();
  const patients = patientNodes(index);
  // What a person expands first: every study and series of the first patient.
  patients[0]?.children().forEach((study) => study.children());
  const treeMs = performance.now() - treeStart;
  const consistencyStart = performance.now();
  checkConsistency(index.all());
  const consistencyMs = performance.now() - consistencyStart;
  return { ms, instances: index.instanceCount, treeMs, consistencyMs, patients: patients.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms: number) => ms.toFixed(0);
const rate = (ms: number) => Math.round((FILES * 1000) / ms).toString();

export async function benchExplorerIndex(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-index-bench-'));
  try {
    const root = join(dir, 'study');
    generateCtFolder(root, FILES);
    await csvExport(root); // Warm the page cache so neither side pays for the first read.
    const csvTimes: number[] = [];
    const indexTimes: number[] = [];
    let last: Awaited<ReturnType<typeof indexBuild>> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const csv = await csvExport(root);
      if (csv.rows !== FILES) throw new Error(`the CSV export wrote ${csv.rows} rows for ${FILES} files`);
      csvTimes.push(csv.ms);
      last = await indexBuild(root);
      if (last.instances !== FILES) throw new Error(`the index holds ${last.instances} instances for ${FILES} files`);
      indexTimes.push(last.ms);
    }
    const csvMs = median(csvTimes);
    const indexMs = median(indexTimes);
    const ratio = indexMs / csvMs;
    const rows: Row[] = [
      ['CSV export, every attribute (16 reads at a time)', fmt(csvMs), rate(csvMs), '1.00x'],
      [`Explorer index build (${INDEX_READS_IN_FLIGHT} reads in flight)`, fmt(indexMs), rate(indexMs), `${ratio.toFixed(2)}x`],
    ];
    return [
      `${FILES} CT instances (500 per folder, ~110 attributes, sparse 512×512×16-bit pixel data), in one process, warm page cache, median of ${ROUNDS} alternating runs`,
      table(['job', 'wall ms', 'files/s', 'time / CSV export'], rows),
      '',
      `Target: index build ≤ ${TARGET_RATIO}× the CSV export: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×).`,
      `After the build: the patient tree (${last!.patients} patients, first one expanded) in ${last!.treeMs.toFixed(1)} ms, the consistency checks in ${last!.consistencyMs.toFixed(1)} ms.`,
      `Runs: CSV ${csvTimes.map(fmt).join(', ')} ms; index ${indexTimes.map(fmt).join(', ')} ms`,
      `Machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end of the run`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchExplorerIndex().then(
    (report) => process.stdout.write(`${report}\n`),
    (problem) => {
      console.error(problem);
      process.exitCode = 1;
    },
  );
}
