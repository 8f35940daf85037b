/**
 * Runs DCMTK's `dcmdump` (the reference reader for these tests) and turns its text output into
 * a tree of elements, items and fragments that tests can compare with the writer's layout or
 * with the parser's model.
 *
 * Flags used: `-M` leaves bulk values unloaded (lengths are still printed), `-Un` prints UIDs as
 * numbers, `+L` prints long values whole. dcmdump prints `u/l` for undefined lengths, item lines
 * as `(fffe,e000) na` (sequence items) or `(fffe,e000) pi` (pixel fragments), and delimiter
 * lines that end in "for re-encoding" when the delimiter is not in the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DumpFragment {
  readonly length: number;
}

export interface DumpItem {
  readonly tag: string;
  readonly length: number | null;
  readonly elements: DumpElement[];
  /** True when an Item Delimitation Item was read from the file. */
  delimiter: boolean;
}

export interface DumpElement {
  /** Eight upper-case hex digits. */
  readonly tag: string;
  readonly vr: string;
  readonly length: number | null;
  readonly vm: number;
  readonly keyword: string;
  /** The value as dcmdump prints it, without the surrounding brackets of strings. */
  readonly value: string;
  items?: DumpItem[];
  fragments?: DumpFragment[];
  /** True when a Sequence Delimitation Item was read from the file. */
  sequenceDelimiter?: boolean;
}

export interface Dump {
  readonly meta: DumpElement[];
  readonly dataSet: DumpElement[];
  readonly status: number;
  /** dcmdump's own diagnostics (lines starting with W: or E:). */
  readonly messages: string[];
  readonly stdout: string;
}

const LINE = /^( *)\(([0-9a-f]{4}),([0-9a-f]{4})\) (\S\S) (.*?) *# *(u\/l|\d+), *(\d+) ([^#]*)$/s;

let checked = false;

/** Fails with a clear message when DCMTK is not installed; the tests that need it must not skip. */
export function requireDcmdump(): void {
  if (checked) return;
  try {
    execFileSync('dcmdump', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('dcmdump (DCMTK) is required by these tests but was not found on PATH: install it, e.g. `apt-get install dcmtk`');
  }
  checked = true;
}

function stripValue(raw: string): string {
  const trimmed = raw.trimEnd();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}

/** Parses dcmdump's indented output (the default `-T`) into meta and data set trees. */
export function parseDcmdumpOutput(stdout: string): { meta: DumpElement[]; dataSet: DumpElement[] } {
  const meta: DumpElement[] = [];
  const dataSet: DumpElement[] = [];
  // lists[d] holds the elements at nesting depth d (top level, then inside items).
  let lists: DumpElement[][] = [dataSet];
  // A value holding CR or LF spans several output lines: join them until the line is whole.
  let pending = '';
  for (const raw of stdout.split('\n')) {
    const line = pending ? `${pending}\n${raw}` : raw;
    pending = '';
    if (line.startsWith('# Dicom-Meta-Information-Header')) lists = [meta];
    else if (line.startsWith('# Dicom-Data-Set')) lists = [dataSet];
    // The name cannot hold '#', so the match splits at the last '#': values may hold '#'.
    const match = LINE.exec(line);
    if (!match) {
      if (/^ *\([0-9a-f]{4},[0-9a-f]{4}\) /.test(line)) pending = line;
      continue;
    }
    const depth = match[1].length / 2;
    const tag = (match[2] + match[3]).toUpperCase();
    const vr = match[4];
    const length = match[6] === 'u/l' ? null : Number(match[6]);
    const reencoding = match[5].includes('for re-encod');
    const parentList = (d: number): DumpElement[] => {
      const list = lists[d];
      if (!list) throw new Error(`dcmdump output nests deeper than expected: ${line}`);
      return list;
    };
    if (tag === 'FFFEE000') {
      const owner = parentList(depth - 1).at(-1);
      if (!owner) throw new Error(`item without a sequence in dcmdump output: ${line}`);
      if (vr === 'pi') {
        (owner.fragments ??= []).push({ length: length ?? -1 });
      } else {
        const item: DumpItem = { tag, length, elements: [], delimiter: false };
        (owner.items ??= []).push(item);
        lists[depth + 1] = item.elements;
        lists.length = depth + 2;
      }
    } else if (tag === 'FFFEE00D') {
      const item = parentList(depth - 1).at(-1)?.items?.at(-1);
      if (item && !reencoding) item.delimiter = true;
    } else if (tag === 'FFFEE0DD') {
      const owner = parentList(depth).at(-1);
      if (owner) owner.sequenceDelimiter = !reencoding;
    } else {
      parentList(depth).push({ tag, vr, length, vm: Number(match[7]), keyword: match[8].trim(), value: stripValue(match[5]) });
      lists.length = depth + 1;
    }
  }
  return { meta, dataSet };
}

/** Dumps a file; `extraArgs` go before the file name (e.g. `+U8`, `-f`). */
export function dcmdumpFile(file: string, extraArgs: readonly string[] = []): Dump {
  requireDcmdump();
  const run = spawnSync('dcmdump', ['-M', '-Un', '+L', ...extraArgs, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const stdout = run.stdout ?? '';
  const messages = `${stdout}\n${run.stderr ?? ''}`.split('\n').filter((l) => /^[WEF]: /.test(l));
  return { ...parseDcmdumpOutput(stdout), status: run.status ?? -1, messages, stdout };
}

/** Dumps bytes through a temporary file. */
export function dcmdumpBytes(bytes: Uint8Array, extraArgs: readonly string[] = []): Dump {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcmdump-'));
  try {
    const file = path.join(dir, 'input.dcm');
    writeFileSync(file, bytes);
    return dcmdumpFile(file, extraArgs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
