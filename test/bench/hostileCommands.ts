/**
 * Every command of the CLI on every kind of hostile file this project knows (issue: limits for
 * hostile input; done when no command needs more than 1 GB or 15 s for a file under 20 MB), each
 * in a fresh process with its peak memory (max RSS) and CPU time, beside pydicom reading the same
 * file whole (every element, sequences included) as the reference. The last column says whether
 * the run kept within 1 GB and 15 s of CPU. A measurement, not a timed test: nothing here fails.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflatedItemBomb, dicomdirChainedDown, manyContentItems, manyEmptyValues, manyTinyElements, repeatedTag } from '../fixtures/catalog/hostileCounts';
import { manyFragmentsFrame } from '../fixtures/catalog/hostilePixels';
import { pythonWithPydicom, table, type Row } from './benchSupport';
import { CLI, build, measure, type Measured } from './hostileFrames';

const LIMIT_MIB = 1024;
const LIMIT_CPU_S = 15;

/** pydicom reading every element of the file, sequences included (values stay raw, as pydicom keeps them). */
const PYDICOM_READ = 'import sys, pydicom\nds = pydicom.dcmread(sys.argv[1], force=True)\nprint(sum(1 for _ in ds.iterall()))';

interface HostileFile {
  readonly name: string;
  readonly make: () => Uint8Array;
  /** Commands beyond those every file gets (report for an SR, dicomdir for a DICOMDIR). */
  readonly extra?: readonly string[];
}

const FILES: readonly HostileFile[] = [
  { name: '2,000,000 tiny private elements', make: () => manyTinyElements(2_000_000) },
  { name: 'one frame of 1,000,000 fragments', make: () => manyFragmentsFrame(1_000_000) },
  { name: 'one UC of 16,777,217 empty values', make: () => manyEmptyValues(16_777_217) },
  { name: 'deflated: 20,000,000 empty items', make: () => deflatedItemBomb(20_000_000) },
  { name: '2,000,000 repeated tags (a warning each)', make: () => repeatedTag(2_000_000) },
  { name: 'SR of 150,000 content items', make: () => manyContentItems(150_000), extra: ['report', 'report --json'] },
  { name: 'DICOMDIR of 20,000 records chained down', make: () => dicomdirChainedDown(20_000), extra: ['dicomdir'] },
];

const EVERY_FILE = ['dump', 'dump --json', 'json', 'xml', 'validate', 'csv', 'diff', 'locate', 'render'];

function argsFor(command: string, file: string, dir: string): string[] {
  const [name, ...flags] = command.split(' ');
  if (name === 'diff') return ['diff', file, file];
  if (name === 'locate') return ['locate', file, '0x200'];
  if (name === 'render') return ['render', file, '--force', '--out', join(dir, 'out.png')];
  return [name, ...flags, file];
}

const within = (m: Measured) => !m.timedOut && m.maxRssMiB <= LIMIT_MIB && m.cpuSeconds <= LIMIT_CPU_S;
const numbers = (m: Measured) => (m.timedOut ? `stopped (${m.maxRssMiB.toFixed(0)} MiB)` : `${m.maxRssMiB.toFixed(0)} MiB, CPU ${m.cpuSeconds.toFixed(1)} s, exit ${m.exit}`);

export async function benchHostileCommands(): Promise<string> {
  build();
  const python = pythonWithPydicom();
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-commands-'));
  const rows: Row[] = [];
  let kept = 0;
  let runs = 0;
  try {
    for (const hostile of FILES) {
      const file = join(dir, 'input.dcm');
      writeFileSync(file, hostile.make());
      const size = statSync(file).size;
      const reference = measure(python, ['-c', PYDICOM_READ, file], join(dir, 'stdout'));
      for (const command of [...EVERY_FILE, ...(hostile.extra ?? [])]) {
        const ours = measure(process.execPath, [CLI, ...argsFor(command, file, dir)], join(dir, 'stdout'));
        runs++;
        if (within(ours)) kept++;
        rows.push([hostile.name, `${(size / 1e6).toFixed(1)} MB`, command, numbers(ours), ours.said.slice(0, 70) || '-', within(ours) ? 'yes' : 'NO', `pydicom: ${numbers(reference)}`]);
      }
    }
    return `${table(['file', 'size', 'command', 'dicom-inspector: max RSS, CPU', 'says', `≤ 1 GB, ≤ ${LIMIT_CPU_S} s`, 'reference'], rows)}\n${kept} of ${runs} runs within 1 GB and ${LIMIT_CPU_S} s of CPU.\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
