/**
 * Runs dicom3tools' `dciodvfy` (the reference IOD and VR checker) and reads what it reports
 * as missing or empty attributes and as values invalid for their VR.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DciodvfyFindings {
  /** Keywords dciodvfy reports missing as Type 1 or 2 (not 1C/2C), or empty as Type 1 or 1C. */
  readonly required: ReadonlySet<string>;
  /** Keywords of every missing or empty attribute it reports, conditional ones included. */
  readonly anyMissing: ReadonlySet<string>;
  /** Tags ("GGGGEEEE") of values it reports invalid for their VR. */
  readonly invalidForVr: ReadonlySet<string>;
  readonly output: string;
}

/** True when dciodvfy can be run here (CI installs dicom3tools; see .ci/run). */
export function haveDciodvfy(): boolean {
  return spawnSync('dciodvfy', ['-help'], { stdio: 'ignore' }).error === undefined;
}

const MISSING = /(Missing attribute|Empty attribute|Attribute present but empty).*?Type (1C|2C|1|2) (?:Required|Conditional) Element=<([^>]+)>/;
const INVALID_VR = /Value invalid for this VR - \(0x([0-9a-f]{4}),0x([0-9a-f]{4})\)/i;

export function parseDciodvfyOutput(output: string): DciodvfyFindings {
  const required = new Set<string>();
  const anyMissing = new Set<string>();
  const invalidForVr = new Set<string>();
  for (const line of output.split('\n')) {
    const missing = MISSING.exec(line);
    if (missing) {
      const [, kind, type, keyword] = missing;
      anyMissing.add(keyword);
      if (kind === 'Missing attribute' ? type === '1' || type === '2' : kind === 'Empty attribute' && (type === '1' || type === '1C')) required.add(keyword);
    }
    const invalid = INVALID_VR.exec(line);
    if (invalid) invalidForVr.add((invalid[1] + invalid[2]).toUpperCase());
  }
  return { required, anyMissing, invalidForVr, output };
}

export function dciodvfyBytes(bytes: Uint8Array): DciodvfyFindings {
  const dir = mkdtempSync(path.join(tmpdir(), 'dciodvfy-'));
  try {
    const file = path.join(dir, 'input.dcm');
    writeFileSync(file, bytes);
    const run = spawnSync('dciodvfy', [file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.error) throw run.error;
    return parseDciodvfyOutput(`${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
