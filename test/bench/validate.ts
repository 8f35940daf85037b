/**
 * Validation benchmark (issue: validation), side by side in one run over typical CT instances
 * (test/bench/ctInstance.ts, sparse pixel data):
 *  - what validation adds to reading a header: `validateFile` on an already parsed header,
 *    per file (the target is at most 1 ms per CT header);
 *  - beside it, reading the header, and dicom3tools' dciodvfy (one process per file, as it
 *    takes one file at a time). The ratio to our header read is what stays comparable between
 *    runs on a shared machine, where absolute times move with the load.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateFile } from '../../src/core/checks';
import { readHeaderFromFile } from '../../src/node/fileAccess';
import { ctInstance } from './ctInstance';
import { table } from './benchSupport';

const FILES = Number(process.env.BENCH_VALIDATE_FILES ?? 300);
const DCIODVFY_FILES = Math.min(FILES, 50);

async function bestOf(runs: number, run: () => number | Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, await run());
  return best;
}

export async function benchValidate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const instance = ctInstance({ patient: 1 + (i % 7), study: 1, series: 1 + (i % 3), instance: i + 1 });
      const path = join(dir, `ct${i}.dcm`);
      writeFileSync(path, instance.header);
      truncateSync(path, instance.fileSize);
      files.push(path);
    }
    const parsed = await Promise.all(files.map((file) => readHeaderFromFile(file, { blocking: true })));
    const issues = validateFile(parsed[0]).issues.length;
    // Warm up the dictionary and tables once, as a long-lived extension host would have them.
    for (const file of parsed) validateFile(file);

    const validateMs = await bestOf(5, () => {
      const start = performance.now();
      for (const file of parsed) validateFile(file);
      return performance.now() - start;
    });
    const readMs = await bestOf(3, async () => {
      const start = performance.now();
      for (const file of files) await readHeaderFromFile(file, { blocking: true });
      return performance.now() - start;
    });
    const dciodvfyMs = await bestOf(3, () => {
      const start = performance.now();
      for (const file of files.slice(0, DCIODVFY_FILES)) {
        const run = spawnSync('dciodvfy', [file], { stdio: 'ignore' });
        if (run.error) throw run.error;
      }
      return performance.now() - start;
    });
    const perFile = (ms: number, n = FILES) => ms / n;
    const row = (what: string, ms: number, n = FILES) => [what, perFile(ms, n).toFixed(3), `${(perFile(ms, n) / perFile(readMs)).toFixed(2)}×`, String(n)];
    return table(['what (per typical CT header)', 'ms per file', 'relative to reading the header', 'files'], [
      row('ours: validateFile on a parsed header (what validation adds)', validateMs),
      row('ours: read header (blocking reads, as the CLI)', readMs),
      row('dciodvfy (dicom3tools), one process per file', dciodvfyMs, DCIODVFY_FILES),
    ]) + `\n\nThe benchmark CT header gets ${issues} issue(s) from validateFile; best of 3-5 runs.`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
