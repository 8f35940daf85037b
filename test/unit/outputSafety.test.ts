/**
 * Outputs never replace an input, nor an existing file without --force, nor a read-only file;
 * every refusal and file-system error is one line with exit 2, and the inputs are untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeDicom } from '../fixtures/writer';
import { treeDigest } from './sortFixtures';
import { runCli } from '../support/runCli';

/** A small image (4×4, 8 bits), enough for `render` as well as `csv`. */
function image(patient: string): Uint8Array {
  return writeDicom(
    [
      { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' },
      { tag: 0x00080018, vr: 'UI', value: '1.2.3.4' },
      { tag: 0x00100010, vr: 'PN', value: patient },
      { tag: 0x00280002, vr: 'US', value: [1] },
      { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
      { tag: 0x00280010, vr: 'US', value: [4] },
      { tag: 0x00280011, vr: 'US', value: [4] },
      { tag: 0x00280100, vr: 'US', value: [8] },
      { tag: 0x00280101, vr: 'US', value: [8] },
      { tag: 0x00280102, vr: 'US', value: [7] },
      { tag: 0x00280103, vr: 'US', value: [0] },
      { tag: 0x7fe00010, vr: 'OB', value: Uint8Array.from({ length: 16 }, (_, i) => i * 16) },
    ],
    { transferSyntax: 'explicitLittle' },
  ).bytes;
}

async function workspace(t: { after(fn: () => Promise<void>): void }): Promise<{ root: string; input: string; file: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'output-safety-'));
  t.after(() => fs.rm(root, { recursive: true, force: true }));
  const input = path.join(root, 'input');
  await fs.mkdir(input);
  const file = path.join(input, 'a.dcm');
  await fs.writeFile(file, image('Doe^Jane'));
  await fs.writeFile(path.join(input, 'b.dcm'), image('Roe^Rick'));
  return { root, input, file };
}

/** One line on standard error, no stack trace, the words asked for. */
function assertOneLine(stderr: string, pattern: RegExp): void {
  assert.match(stderr, pattern);
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at |Error:|ENOENT|EACCES|EISDIR/, stderr);
}

test('csv --out naming one of its inputs exits 2 and leaves the input as it was, --force or not', async (t) => {
  const { root, input, file } = await workspace(t);
  const before = await treeDigest(root);
  for (const args of [[file, '--out', file], [file, '--out', file, '--force'], [input, '--out', file, '--force'], [input, '--out', path.join(input, '..', 'input', 'b.dcm'), '--force']]) {
    const result = await runCli('csv', ...args);
    assert.equal(result.code, 2, args.join(' '));
    assertOneLine(result.stderr, /will not write .*(one of the inputs|among the files read from)/);
    assert.deepEqual(await treeDigest(root), before, 'nothing changed, no temporary file left');
  }
});

test('an input reached through a symbolic link is recognised as the input', async (t) => {
  const { root, file } = await workspace(t);
  const link = path.join(root, 'link.csv');
  await fs.symlink(file, link);
  const bytes = await fs.readFile(file);
  const result = await runCli('csv', file, '--out', link, '--force');
  assert.equal(result.code, 2);
  assertOneLine(result.stderr, /one of the inputs/);
  assert.deepEqual(await fs.readFile(file), bytes);
});

test('csv --out over an existing file: refused without --force, replaced with it, never when read-only', async (t) => {
  const { root, input } = await workspace(t);
  const out = path.join(root, 'headers.csv');
  await fs.writeFile(out, 'precious');
  const refused = await runCli('csv', input, '--out', out);
  assert.equal(refused.code, 2);
  assertOneLine(refused.stderr, /will not replace .*headers\.csv: it already exists; add --force to replace it/);
  assert.equal(await fs.readFile(out, 'utf8'), 'precious');

  await fs.chmod(out, 0o444);
  const readOnly = await runCli('csv', input, '--out', out, '--force');
  assert.equal(readOnly.code, 2);
  assertOneLine(readOnly.stderr, /will not replace .*headers\.csv: it is read-only/);
  assert.equal(await fs.readFile(out, 'utf8'), 'precious');

  await fs.chmod(out, 0o644);
  const forced = await runCli('csv', input, '--out', out, '--force', '--tags', 'PatientName');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(await fs.readFile(out, 'utf8'), /^\uFEFFFile,PatientName,Error\r\na\.dcm,Doe\^Jane,\r\nb\.dcm,Roe\^Rick,\r\n$/);
  assert.deepEqual((await fs.readdir(root)).sort(), ['headers.csv', 'input']);
});

test('csv --out into a missing folder, under a file or onto a folder: one line, exit 2, nothing written', async (t) => {
  const { root, input, file } = await workspace(t);
  const before = await treeDigest(root);
  const cases: [string, RegExp][] = [
    [path.join(root, 'missing', 'x.csv'), /cannot write .*x\.csv: the folder .*missing does not exist/],
    [path.join(file, 'x.csv'), /cannot write .*x\.csv: .*a\.dcm is not a folder/],
    [root, /cannot write .*: it is a folder/],
  ];
  for (const [out, message] of cases) {
    const result = await runCli('csv', input, '--out', out);
    assert.equal(result.code, 2, out);
    assertOneLine(result.stderr, message);
  }
  assert.deepEqual(await treeDigest(root), before);
});

test('csv --out into a folder the user may not write: one line, exit 2', { skip: process.getuid?.() === 0 ? 'root may write anywhere' : false }, async (t) => {
  const { root, input } = await workspace(t);
  const locked = path.join(root, 'locked');
  await fs.mkdir(locked, { mode: 0o555 });
  t.after(() => fs.chmod(locked, 0o755));
  const result = await runCli('csv', input, '--out', path.join(locked, 'x.csv'));
  assert.equal(result.code, 2);
  assertOneLine(result.stderr, /cannot write in .*locked: permission denied/);
});

test('csv of a missing input exits 2 with one line', async (t) => {
  const { root } = await workspace(t);
  const result = await runCli('csv', path.join(root, 'nowhere'));
  assert.equal(result.code, 2);
  assertOneLine(result.stderr, /cannot read .*nowhere: no such file or folder/);
  assert.equal(result.stdout, '');
});

test('a new --out inside the exported folder is written, and its temporary file is not exported', async (t) => {
  const { input } = await workspace(t);
  const out = path.join(input, 'headers.csv');
  const result = await runCli('csv', input, '--out', out);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^Exported 2 files to /);
  const text = await fs.readFile(out, 'utf8');
  assert.doesNotMatch(text, /partial/);
  assert.deepEqual((await fs.readdir(input)).sort(), ['a.dcm', 'b.dcm', 'headers.csv']);
});

test('render --out follows the same rules: never the input, never an existing file without --force', async (t) => {
  const { root, file } = await workspace(t);
  const before = await treeDigest(root);
  const onInput = await runCli('render', file, '--out', file, '--force');
  assert.equal(onInput.code, 2);
  assertOneLine(onInput.stderr, /one of the inputs/);
  const png = path.join(root, 'frame.png');
  await fs.writeFile(png, 'precious');
  const existing = await runCli('render', file, '--out', png);
  assert.equal(existing.code, 2);
  assertOneLine(existing.stderr, /will not replace .*frame\.png: it already exists; add --force/);
  assert.equal(await fs.readFile(png, 'utf8'), 'precious');
  await fs.rm(png);
  assert.deepEqual(await treeDigest(root), before);

  const missing = await runCli('render', path.join(root, 'nowhere.dcm'), '--out', png);
  assert.equal(missing.code, 2);
  assertOneLine(missing.stderr, /cannot read .*nowhere\.dcm: no such file or folder/);

  const written = await runCli('render', file, '--out', png);
  assert.equal(written.code, 0, written.stderr);
  assert.deepEqual([...(await fs.readFile(png)).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const forced = await runCli('render', file, '--out', png, '--force');
  assert.equal(forced.code, 0, forced.stderr);
});

test('every command documents its exit statuses 0, 1 and 2 in --help', async () => {
  const general = await runCli('--help');
  assert.match(general.stdout, /Exit status: 0 .*, 1 .*, 2 /s);
  for (const command of ['dump', 'csv', 'sort', 'render']) {
    const help = await runCli(command, '--help');
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, /Exit status: 0 [^]*, 1 [^]*, 2 /, command);
  }
});
