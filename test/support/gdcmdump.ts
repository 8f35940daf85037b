/**
 * GDCM's `gdcmdump --csa` as the independent reader of Siemens CSA headers (Debian's
 * libgdcm-tools; CI installs it, see .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

export interface GdcmCsaElement {
  readonly header: 'image' | 'series';
  readonly name: string;
  /** As gdcmdump prints it: a number, or INVALID for 0. */
  readonly vm: string;
  readonly vr: string;
  readonly syngoDt: number;
  readonly itemCount: number;
  /** The non-empty items, trailing spaces removed. */
  readonly values: string[];
}

/** True when gdcmdump runs; otherwise skips the test (outside CI) or throws (in CI). */
export function requireGdcmdump(t: TestContext): boolean {
  if (spawnSync('gdcmdump', ['--version'], { stdio: 'ignore' }).status === 0) return true;
  if (process.env.CI) throw new Error('gdcmdump is not installed (apt-get install libgdcm-tools)');
  t.skip('gdcmdump is not installed (apt-get install libgdcm-tools)');
  return false;
}

// "3 - 'B_value' VM 1, VR IS, SyngoDT 6, NoOfItems 0, Data 'a'\'b'": data may span lines.
const ENTRY = /^\d+ - '([^']*)' VM (\S+), VR (\S*), SyngoDT (\d+), NoOfItems (\d+), Data ?([\s\S]*?)(?=\n\d+ - '|\n(?:Image|Series) shadow data|\n*(?![\s\S]))/gm;

function values(data: string): string[] {
  if (data.trim() === '') return [];
  return data.slice(1, -1).split("'\\'").map((value) => value.trimEnd());
}

/** The CSA elements gdcmdump --csa lists for a file's bytes, image header first. */
export function gdcmdumpCsa(bytes: Uint8Array): GdcmCsaElement[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'gdcmdump-'));
  try {
    const file = path.join(dir, 'input.dcm');
    writeFileSync(file, bytes);
    const run = spawnSync('gdcmdump', ['--csa', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`gdcmdump --csa failed (${run.status}): ${run.stderr}`);
    const elements: GdcmCsaElement[] = [];
    for (const section of run.stdout.split(/^(?=(?:Image|Series) shadow data)/m)) {
      const header = section.startsWith('Image') ? 'image' : section.startsWith('Series') ? 'series' : null;
      if (header === null) continue;
      for (const match of section.trimEnd().matchAll(ENTRY)) {
        const [, name, vm, vr, syngoDt, itemCount, data] = match;
        elements.push({ header, name, vm, vr, syngoDt: Number(syngoDt), itemCount: Number(itemCount), values: values(data.trimEnd()) });
      }
    }
    return elements;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
