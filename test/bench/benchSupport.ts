import { spawnSync } from 'node:child_process';

export type Row = readonly string[];

/** A Markdown table, so the output can go straight into the README. */
export function table(header: Row, rows: readonly Row[]): string {
  const line = (cells: Row) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * The Python that has Debian's pydicom. A pyenv shim may come first on PATH without it, so the
 * system interpreter is tried too.
 */
export function pythonWithPydicom(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pydicom'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('no python3 with pydicom found: apt-get install python3-pydicom');
}
