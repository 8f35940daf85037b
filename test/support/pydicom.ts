/**
 * pydicom as an independent reader in the tests (Debian's python3-pydicom under /usr/bin/python3;
 * the python3 first on PATH may lack it). CI installs it (.ci/run), so there its absence fails.
 */
import { execFileSync } from 'node:child_process';
import type { TestContext } from 'node:test';

/** The first python that can import pydicom, or null. */
export function pythonWithPydicom(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import pydicom'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next interpreter
    }
  }
  return null;
}

/**
 * A python with pydicom, or null after skipping the test; in CI a missing pydicom throws, so a
 * test that needs it can never pass silently there.
 */
export function requirePydicom(t: TestContext): string | null {
  const python = pythonWithPydicom();
  if (python !== null) return python;
  if (process.env.CI) throw new Error('no python3 with pydicom on this machine');
  t.skip('no python3 with pydicom on this machine');
  return null;
}

/** Runs a python script (with optional JSON on stdin) and parses the JSON it prints. */
export function pydicomJson<T>(python: string, script: string, input?: unknown): T {
  const stdout = execFileSync(python, ['-c', script], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    input: input === undefined ? undefined : JSON.stringify(input),
  });
  return JSON.parse(stdout) as T;
}
