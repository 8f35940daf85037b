/**
 * DCMTK's `dsrdump`, the reference reader of structured reports for these tests (Debian's
 * dcmtk; CI installs it, see .ci/run), run with the options whose output `dicom-inspector
 * report` reproduces: every code (+Pc), long values whole (+Pl), SOP instance UIDs (+Pu) and
 * SOP class UIDs (+Psu) of references.
 */
import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

export const DSRDUMP_OPTIONS = ['+Pc', '+Pl', '+Pu', '+Psu'] as const;

/** True when dsrdump runs; otherwise skips the test (outside CI) or throws (in CI). */
export function requireDsrdump(t: TestContext): boolean {
  if (spawnSync('dsrdump', ['--version'], { stdio: 'ignore' }).status === 0) return true;
  if (process.env.CI) throw new Error('dsrdump is not installed (apt-get install dcmtk)');
  t.skip('dsrdump is not installed (apt-get install dcmtk)');
  return false;
}

/** dsrdump's text of a file (its warnings, on stderr, left out); throws when it cannot read it. */
export function dsrdump(file: string): string {
  const run = spawnSync('dsrdump', [...DSRDUMP_OPTIONS, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`dsrdump failed on ${file} (status ${run.status}): ${run.stderr}`);
  return run.stdout;
}
