/**
 * `json` and `xml` of files whose node count is hostile (issue: limits for hostile input), each
 * in a fresh process with its peak memory (max RSS) and time, beside DCMTK's dcm2json and
 * dcm2xml on the same file: 2,000,000 tiny private elements, and one element of 16,777,217 empty
 * values. Target: under 1 GB and 15 s each, memory close to what reading the file takes (the
 * `dump` rows of the hostile bench). A memory measurement, not a timed test; DCMTK is stopped
 * after TIMEOUT_S (dcm2json takes minutes on 2,000,000 private elements).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manyEmptyValues, manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { table, type Row } from './benchSupport';
import { CLI, build, cell, measure } from './hostileFrames';

export async function benchHostileForms(): Promise<string> {
  build();
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-forms-'));
  try {
    const files: [string, () => Uint8Array][] = [
      ['2,000,000 tiny private elements', () => manyTinyElements(2_000_000)],
      ['one UC of 16,777,217 empty values', () => manyEmptyValues(16_777_217)],
    ];
    const rows: Row[] = [];
    for (const [name, make] of files) {
      const file = join(dir, 'input.dcm');
      writeFileSync(file, make());
      const size = statSync(file).size;
      const commands: [string, string, string[]][] = [
        ['json', 'dcm2json', [file]],
        // The Native DICOM Model with binary values inline, as `xml` writes it.
        ['xml', 'dcm2xml', ['-q', '-nat', '+Eb', file]],
      ];
      for (const [command, tool, toolArgs] of commands) {
        const stdout = join(dir, 'stdout');
        const ours = measure(process.execPath, [CLI, command, file], stdout);
        const wrote = statSync(stdout).size;
        const reference = measure(tool, toolArgs, stdout);
        rows.push([
          name, `${(size / 1e6).toFixed(1)} MB`, command, cell(ours), `${((ours.maxRssMiB * 1048576) / size).toFixed(1)} ×`,
          wrote > 0 ? `${(wrote / 1e6).toFixed(0)} MB` : ours.said.slice(0, 60) || '-', `${tool}: ${cell(reference)}`,
        ]);
      }
    }
    return table(['file', 'size', 'command', 'dicom-inspector: max RSS, time', 'max RSS ÷ file size', 'output', 'reference: max RSS, time'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
