/**
 * Sort against concurrent runs, a manifest-named patient, links leading out of the source and
 * a missing source: nothing lost, nothing from elsewhere copied, one-line messages, exit 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_NAME } from '../../src/core/sort/manifest';
import { LOCK_NAME } from '../../src/node/sort/destinationLock';
import { runCli } from '../support/runCli';
import { contentIndex, instanceBytes, sha256, treeDigest, writeFile } from './sortFixtures';

const ROOT = path.resolve(__dirname, '../..');
const FILES = 40;

const run = (args: string[]) => runCli('sort', ...args);

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sort-safety-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** FILES instances in three series; returns their digests. */
async function makeSource(src: string): Promise<string[]> {
  const digests: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const bytes = instanceBytes({ patientId: `P${i % 3}`, modality: 'CT', seriesUid: `1.9.${i % 3}`, sopUid: `1.9.${i % 3}.${i}`, instanceNumber: String(i), pixels: Uint8Array.from({ length: 64 }, (_, k) => (i * 7 + k) & 0xff) });
    await writeFile(src, `s${i % 3}/${i}.dcm`, bytes);
    digests.push(sha256(bytes));
  }
  return digests;
}

async function assertAllThere(dest: string, digests: readonly string[]): Promise<void> {
  const index = await contentIndex(dest);
  for (const digest of digests) assert.ok(index.has(digest), `a source file is missing from ${dest}`);
}

/** A message for a user: one line, no stack trace, no raw system error. */
function assertUserMessage(stderr: string): void {
  if (stderr === '') return;
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at |ENOTEMPTY|ENOENT|EEXIST|Error:/, stderr);
}

test('two sorts into one destination in the same process: one copies, the other says another sort is running', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const digests = await makeSource(src);
  const before = await treeDigest(src);
  const [a, b] = await Promise.all([run([src, dest]), run([src, dest])]);
  const codes = [a.code, b.code].sort();
  assert.deepEqual(codes, [0, 2], `${a.stderr}${b.stderr}`);
  const refused = a.code === 2 ? a : b;
  assert.match(refused.stderr, /^dicom-inspector sort: another sort \(process \d+ on .+, started .+\) is writing into .*dest; run again when it has finished/);
  assertUserMessage(refused.stderr);
  await assertAllThere(dest, digests);
  assert.deepEqual(await treeDigest(src), before, 'the source is untouched');
  await assert.rejects(fs.stat(path.join(dest, LOCK_NAME)), 'the lock is released');
  // Run again, as the message says: everything is already there.
  const again = await run([src, dest, '--json']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout).statuses, { 'already-present': FILES });
});

test('two CLI processes sorting into one destination at the same time lose nothing and print no raw error', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const digests = await makeSource(src);
  const cli = (): Promise<{ code: number; stderr: string }> =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'sort', src, dest], { cwd: ROOT }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
  const results = await Promise.all([cli(), cli()]);
  for (const r of results) {
    // Either both ran one after the other (0, 0) or one was told another sort was running (2).
    assert.ok(r.code === 0 || (r.code === 2 && /another sort .* is writing into/.test(r.stderr)), `exit ${r.code}: ${r.stderr}`);
    assertUserMessage(r.stderr);
  }
  assert.ok(results.some((r) => r.code === 0));
  await assertAllThere(dest, digests);
  const manifest = await fs.readFile(path.join(dest, MANIFEST_NAME), 'utf8');
  assert.doesNotMatch(manifest, /,failed,|,not-done,/);
});

test('a lock left by a process that no longer runs is taken over; one from another host is reported with its path', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const digests = await makeSource(src);
  await fs.mkdir(dest);
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  await fs.writeFile(path.join(dest, LOCK_NAME), JSON.stringify({ pid: gone, host: os.hostname(), started: '2026-01-01T00:00:00.000Z' }));
  const taken = await run([src, dest]);
  assert.equal(taken.code, 0, taken.stderr);
  await assertAllThere(dest, digests);
  await assert.rejects(fs.stat(path.join(dest, LOCK_NAME)));

  const foreign = path.join(dest, LOCK_NAME);
  await fs.writeFile(foreign, JSON.stringify({ pid: process.pid, host: 'another-host.example', started: '2026-01-01T00:00:00.000Z' }));
  const refused = await run([src, dest]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /another sort \(process \d+ on another-host\.example, started 2026-01-01T00:00:00\.000Z\) is writing into .*if no sort is running, delete .*\.dicom-sort\.lock/);
  assertUserMessage(refused.stderr);
  assert.ok((await fs.stat(foreign)).isFile(), 'a lock that is not ours is left alone');
});

test("a Patient ID equal to the manifest's name cannot take it: the folder gets a leading _, the manifest is written every run", async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  for (const id of [MANIFEST_NAME, MANIFEST_NAME.toUpperCase()]) {
    await writeFile(src, `${id}.dcm`, instanceBytes({ patientId: id, sopUid: `1.7.${id.length}${id === MANIFEST_NAME ? 1 : 2}` }));
  }
  for (let round = 0; round < 2; round++) {
    const result = await run([src, dest, '--no-clean', '--pattern', '{PatientID}/{SOPInstanceUID}.dcm']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok((await fs.stat(path.join(dest, MANIFEST_NAME))).isFile(), 'the manifest is a file');
  }
  const top = (await fs.readdir(dest)).sort();
  assert.ok(top.includes(`_${MANIFEST_NAME}`), top.join(', '));
  assert.ok(top.every((name) => name === MANIFEST_NAME || name.startsWith('_')), top.join(', '));
});

test('a link in the source to a file outside it is reported and skipped; --follow-links copies it', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const secret = instanceBytes({ patientId: 'SECRET', sopUid: '1.6.6.6' });
  await writeFile(dir, 'elsewhere/secret.dcm', secret);
  const inside = instanceBytes({ patientId: 'INSIDE', sopUid: '1.6.1' });
  await writeFile(src, 'real.dcm', inside);
  await fs.symlink(path.join(dir, 'elsewhere/secret.dcm'), path.join(src, 'leak.dcm'));
  await fs.symlink(path.join(src, 'real.dcm'), path.join(src, 'alias.dcm'));

  const result = await run([src, dest]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /link not followed: leak\.dcm -> .*elsewhere\/secret\.dcm/);
  assert.match(result.stdout, /1 symbolic link\(s\) lead outside the source; --follow-links sorts them/);
  const index = await contentIndex(dest);
  assert.ok(!index.has(sha256(secret)), 'the file outside the source was not copied');
  assert.ok(index.has(sha256(inside)));
  const manifest = await fs.readFile(path.join(dest, MANIFEST_NAME), 'utf8');
  assert.match(manifest, /leak\.dcm,,skipped,"symbolic link to .*secret\.dcm, outside the source: not followed/);
  assert.match(manifest, /alias\.dcm,inside\/[^,]+,copied,/, 'a link inside the source is sorted like any file');
  assert.match(manifest, /real\.dcm,inside\/[^,]+,already-present,/);

  const followed = await run([src, dest, '--follow-links']);
  assert.equal(followed.code, 0, followed.stderr);
  assert.ok((await contentIndex(dest)).has(sha256(secret)));
});

test('sort with a missing source, or a file as source, exits 2 with one line and creates nothing', async (t) => {
  const dir = await tempDir(t);
  const missing = await run([path.join(dir, 'nowhere'), path.join(dir, 'dest')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^dicom-inspector sort: cannot read the source .*nowhere: no such file or folder\n$/);
  await fs.writeFile(path.join(dir, 'file'), 'x');
  const notFolder = await run([path.join(dir, 'file'), path.join(dir, 'dest')]);
  assert.equal(notFolder.code, 2);
  assert.match(notFolder.stderr, /^dicom-inspector sort: the source .*file is not a folder\n$/);
  await assert.rejects(fs.stat(path.join(dir, 'dest')));
});

test('a folder where the manifest goes is reported in one line with exit 2, and the copies are kept', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const digests = await makeSource(src);
  await fs.mkdir(path.join(dest, MANIFEST_NAME), { recursive: true });
  await fs.writeFile(path.join(dest, MANIFEST_NAME, 'x'), 'kept');
  const result = await run([src, dest]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^dicom-inspector sort: cannot write .*dicom-sort-manifest\.csv: it is a folder\n$/);
  assertUserMessage(result.stderr);
  await assertAllThere(dest, digests);
  assert.equal(await fs.readFile(path.join(dest, MANIFEST_NAME, 'x'), 'utf8'), 'kept');
});
