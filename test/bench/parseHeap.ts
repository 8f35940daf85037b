/**
 * The model's size on files of millions of nodes: the heap a whole-file parse keeps per node
 * (element, item or fragment), eager and with lazy values, side by side with pydicom's dcmread of
 * the same file in the same run. Each parse runs in a fresh process (`--expose-gc`, so the heap
 * is measured after a collection); max RSS and CPU time come from /usr/bin/time. A memory
 * measurement, not a timed test: nothing here fails on numbers.
 *
 * Run as a child (`parseHeap.ts FILE eager|lazy`), it parses FILE and prints its numbers as JSON.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DicomElement } from '../../src/core/model';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { deflatedItemBomb, manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { manyFragmentsFrame } from '../fixtures/catalog/hostilePixels';
import { pythonWithPydicom, table, type Row } from './benchSupport';

interface ChildReport {
  readonly nodes: number;
  readonly heapBytes: number;
}

function countNodes(elements: readonly DicomElement[]): number {
  let count = 0;
  for (const element of elements) {
    count += 1 + (element.fragments?.length ?? 0);
    for (const item of element.items ?? []) count += 1 + countNodes(item.elements);
  }
  return count;
}

function child(file: string, lazy: boolean): void {
  const bytes = readFileSync(file);
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  const parsed = parseDicomBytes(bytes, { lazyValues: lazy });
  gc();
  const heapBytes = process.memoryUsage().heapUsed - before;
  const report: ChildReport = { nodes: countNodes(parsed.meta) + countNodes(parsed.dataSet), heapBytes };
  process.stdout.write(JSON.stringify(report));
}

/** Max RSS (MiB) and CPU seconds of a command, with its stdout. */
function timed(command: string, args: readonly string[]): { readonly rssMiB: number; readonly cpu: number; readonly stdout: string } {
  const run = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const stats = /maxrss=(\d+) cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !stats) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return { rssMiB: Number(stats[1]) / 1024, cpu: Number(stats[2]) + Number(stats[3]), stdout: run.stdout };
}

export async function parseHeap(dir: string): Promise<string> {
  const files: [string, () => Uint8Array][] = [
    ['2,000,000 tiny private elements', () => manyTinyElements(2_000_000)],
    ['one sequence of 1,500,000 empty items (deflated)', () => deflatedItemBomb(1_500_000)],
    ['one frame of 1,000,000 fragments', () => manyFragmentsFrame(1_000_000)],
  ];
  const python = pythonWithPydicom();
  const rows: Row[] = [];
  for (const [name, make] of files) {
    const file = join(dir, `heap${rows.length}.dcm`);
    writeFileSync(file, make());
    const size = `${(statSync(file).size / 1e6).toFixed(1)} MB`;
    const pydicom = timed(python, ['-c', 'import sys, pydicom; pydicom.dcmread(sys.argv[1], force=True)', file]);
    for (const mode of ['eager', 'lazy'] as const) {
      const ours = timed(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, file, mode]);
      const report = JSON.parse(ours.stdout) as ChildReport;
      rows.push([
        name, size, mode, report.nodes.toLocaleString('en-US'), `${(report.heapBytes / report.nodes).toFixed(0)} B`,
        `${(report.heapBytes / 2 ** 20).toFixed(0)} MiB; max RSS ${ours.rssMiB.toFixed(0)} MiB, CPU ${ours.cpu.toFixed(1)} s`,
        `max RSS ${pydicom.rssMiB.toFixed(0)} MiB, CPU ${pydicom.cpu.toFixed(1)} s`,
      ]);
    }
  }
  return table(['file', 'size', 'values', 'nodes', 'heap per node', 'parse: heap kept; max RSS, CPU', 'pydicom dcmread: max RSS, CPU'], rows);
}

if (require.main === module) child(process.argv[2], process.argv[3] === 'lazy');
