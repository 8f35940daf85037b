/**
 * Diff benchmark (issue: compare files): two headers of 300 elements that differ in a few
 * places. Side by side in one run: our structural diff (files already parsed, and parse +
 * diff from the bytes) and the manual route it replaces, DCMTK's dcmdump on both files
 * followed by GNU diff of the two dumps. Target: ≤ 10 ms for our diff of parsed headers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { diffDicom } from '../../src/core/diff/diffDicom';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { table } from './benchSupport';

const RUNS = 200;

/** 300 elements: text, numbers, a sequence of items, private elements and a binary value. */
function header(variant: number): Uint8Array {
  const elements: ElementSpec[] = [];
  for (let i = 0; i < 287; i++) {
    const tag = 0x00090000 + 0x1000 + i; // a private block of LO values
    elements.push({ tag, vr: 'LO', value: `value ${i}${variant && i % 70 === 0 ? ' changed' : ''}` });
  }
  elements.unshift({ tag: 0x00090010, vr: 'LO', value: 'BENCH' });
  const items = Array.from({ length: 6 }, (_, i) => ({ elements: [{ tag: 0x00081155, vr: 'UI', value: `1.2.3.${i}${variant && i === 3 ? '9' : ''}` }] }));
  elements.push({ tag: 0x00081115, vr: 'SQ', items });
  elements.push({ tag: 0x00100010, vr: 'PN', value: variant ? 'Roe^Richard' : 'Doe^Jane' });
  elements.push({ tag: 0x00280010, vr: 'US', value: [512] }, { tag: 0x00280011, vr: 'US', value: [512] });
  elements.push({ tag: 0x00191002, vr: 'OB', value: new Uint8Array(4096).fill(variant) });
  elements.sort((x, y) => x.tag - y.tag);
  return writeDicom(elements, { transferSyntax: 'explicitLittle' }).bytes;
}

function perRun(runs: number, run: () => void): number {
  const start = performance.now();
  for (let i = 0; i < runs; i++) run();
  return (performance.now() - start) / runs;
}

async function perRunAsync(runs: number, run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await run();
  return (performance.now() - start) / runs;
}

export async function benchDiff(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-bench-diff-'));
  try {
    const a = header(0);
    const b = header(1);
    const [pa, pb] = [join(dir, 'a.dcm'), join(dir, 'b.dcm')];
    writeFileSync(pa, a);
    writeFileSync(pb, b);
    const left = await openDicom(memoryFileAccess(a));
    const right = await openDicom(memoryFileAccess(b));
    const count = left.file.dataSet.length + left.file.meta.length;
    const found = (await diffDicom(left, right)).entries.length;
    await perRunAsync(20, () => diffDicom(left, right)); // warm up
    const diffOnly = await perRunAsync(RUNS, () => diffDicom(left, right));
    const parseAndDiff = await perRunAsync(RUNS, async () => diffDicom(await openDicom(memoryFileAccess(a)), await openDicom(memoryFileAccess(b))));
    const reference = perRun(20, () => {
      const da = spawnSync('dcmdump', ['-q', pa]).stdout;
      const db = spawnSync('dcmdump', ['-q', pb]).stdout;
      writeFileSync(join(dir, 'a.txt'), da);
      writeFileSync(join(dir, 'b.txt'), db);
      spawnSync('diff', [join(dir, 'a.txt'), join(dir, 'b.txt')]);
    });
    return `${count} elements per header (${found} differences found)\n\n` + table(['what', 'ms per comparison'], [
      ['ours: diff of two parsed headers', diffOnly.toFixed(2)],
      ['ours: parse both + diff', parseAndDiff.toFixed(2)],
      ['dcmdump both + GNU diff (processes)', reference.toFixed(2)],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
