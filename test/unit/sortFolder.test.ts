import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isSafeComponent } from '../../src/core/sort/safeName';
import { DEFAULT_SORT_PATTERN } from '../../src/core/sort/pattern';
import { MANIFEST_NAME } from '../../src/core/sort/manifest';
import { STAGING_FOLDER } from '../../src/node/sort/destination';
import { blockingSortFs } from '../../src/node/sort/sortFs';
import { copyPlannedSort, planSortFolder, sortFolder, type SortFolderOptions } from '../../src/node/sort/sortFolder';
import { contentIndex, instanceBytes, makeSortSource as makeSource, SORT_BASE as base, sha256, treeDigest, writeFile } from './sortFixtures';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dicom-sort-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

const options: SortFolderOptions = { pattern: DEFAULT_SORT_PATTERN, concurrency: 4 };

/** The tree's paths and contents (not times), without the manifest, which each run rewrites. */
/** The tree's paths and contents, manifest included, without times and modes. */
async function treeDigestWithoutTimes(root: string): Promise<Map<string, string>> {
  return new Map([...(await treeDigest(root))].map(([rel, digest]) => [rel, digest.split(' ')[0]]));
}

function withoutManifest(tree: Map<string, string>): Map<string, string> {
  return new Map([...tree].filter(([rel]) => rel !== MANIFEST_NAME).map(([rel, digest]) => [rel, digest.split(' ')[0]]));
}

test('every DICOM file arrives byte-identical in a safe path; the source is untouched', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const { dicom } = await makeSource(src);
  const before = await treeDigest(src);
  const result = await sortFolder(src, dest, options);
  assert.equal(result.complete, true, result.problem);
  assert.deepEqual(await treeDigest(src), before, 'source unchanged, including times and modes');

  const index = await contentIndex(dest);
  for (const [rel, hash] of dicom) assert.ok(index.has(hash), `${rel} is in the destination`);
  for (const [hash, rels] of index) {
    if (rels[0] === MANIFEST_NAME) continue;
    assert.equal(rels.length, 1, `content ${hash} is stored once: ${rels.join(', ')}`);
    for (const component of rels[0].split('/')) assert.ok(isSafeComponent(component), `${rels[0]}: ${component}`);
  }
  const destFiles = [...(await treeDigest(dest)).keys()].filter((k) => !k.endsWith('/'));
  assert.equal(destFiles.length, new Set(dicom.values()).size + 1, 'distinct DICOM contents plus the manifest');
  await assert.rejects(fs.stat(path.join(dest, STAGING_FOLDER)));

  const statuses = new Map(result.outcomes.map((o) => [o.source, o]));
  assert.equal(statuses.get('notes.txt')?.status, 'skipped');
  assert.equal(statuses.get('flat/picture.png')?.status, 'skipped');
  assert.equal(statuses.get('empty')?.status, 'skipped');
  assert.equal(statuses.get('flat/1.dcm')?.target, 'p1/20240101/head_ct/t1_axial/ct_1_2_3_1_1_1.dcm');
  assert.equal(statuses.get('flat/dup-number.dcm')?.status, 'copied-renamed');
  assert.equal(statuses.get('flat/dup-number.dcm')?.target, 'p1/20240101/head_ct/t1_axial/ct_1_2_3_1_1_1~2.dcm');
  assert.equal(statuses.get('other/sop-again.dcm')?.status, 'copied-renamed');
  assert.equal(statuses.get('flat/3.dcm')?.status, 'copied');
  assert.equal(statuses.get('other/copy-of-3.dcm')?.status, 'already-present', 'an identical twin is kept once');
  assert.equal(statuses.get('hostile/0.dcm')?.target.split('/')[0], '______etc');
  assert.equal(statuses.get('hostile/1.dcm')?.target.split('/')[0], '_con');
  assert.equal(statuses.get('hostile/3.dcm')?.target.split('/')[0], 'na');
  assert.deepEqual(result.plan.duplicateSopInstanceUids.map((d) => d.uid), ['1.2.3.1.1.2', '1.2.3.1.1.3']);

  const manifest = await fs.readFile(path.join(dest, MANIFEST_NAME), 'utf8');
  assert.match(manifest, /^\uFEFFsource,target,status,reason\r\n/);
  assert.equal(manifest.trim().split('\r\n').length, 1 + dicom.size + 3);
  assert.match(manifest, /notes\.txt,,skipped,/);
  assert.match(manifest, /\r\n'=cmd\|'x'!A0\.dcm,p2\//, 'the formula-like source name is neutralised');
});

test('the blocking file system calls (CLI) give the same tree as the asynchronous ones', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  await makeSource(src);
  const before = await treeDigest(src);
  await sortFolder(src, path.join(dir, 'async'), options);
  const blocking = { ...options, blocking: true };
  const result = await sortFolder(src, path.join(dir, 'blocking'), blocking);
  assert.equal(result.complete, true, result.problem);
  assert.deepEqual(withoutManifest(await treeDigest(path.join(dir, 'blocking'))), withoutManifest(await treeDigest(path.join(dir, 'async'))));
  const again = await sortFolder(src, path.join(dir, 'blocking'), blocking);
  assert.ok(again.outcomes.filter((o) => o.status !== 'skipped').every((o) => o.status === 'already-present'));
  assert.deepEqual(await treeDigest(src), before);
});

test('a second run changes nothing', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  await makeSource(src);
  await sortFolder(src, dest, options);
  const first = withoutManifest(await treeDigest(dest));
  const again = await sortFolder(src, dest, options);
  assert.equal(again.complete, true, again.problem);
  assert.deepEqual(withoutManifest(await treeDigest(dest)), first);
  assert.ok(again.outcomes.filter((o) => o.status !== 'skipped').every((o) => o.status === 'already-present'));
});

test('cancel then resume: no half file, nothing twice, same tree as one run', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  await makeSource(src);
  await sortFolder(src, path.join(dir, 'reference'), options);
  const reference = withoutManifest(await treeDigest(path.join(dir, 'reference')));

  const dest = path.join(dir, 'dest');
  const controller = new AbortController();
  const cancelled = await sortFolder(src, dest, {
    ...options,
    signal: controller.signal,
    onProgress: (phase, done) => phase === 'copy' && done === 4 && controller.abort(),
  });
  assert.equal(cancelled.complete, false);
  assert.equal(cancelled.cancelled, true);
  assert.ok(cancelled.outcomes.some((o) => o.status === 'not-done'));
  const partial = withoutManifest(await treeDigest(dest));
  for (const [rel, digest] of partial) if (digest !== 'dir') assert.equal(reference.get(rel), digest, `${rel} is whole and where it belongs`);
  await assert.rejects(fs.stat(path.join(dest, STAGING_FOLDER)));

  const resumed = await sortFolder(src, dest, options);
  assert.equal(resumed.complete, true, resumed.problem);
  assert.deepEqual(withoutManifest(await treeDigest(dest)), reference);
});

test('copies made while the headers are read give the same tree as copies made after the plan; a cancel while reading leaves nothing', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  await makeSource(src);
  const planned = await planSortFolder(src, path.join(dir, 'after-plan'), options);
  await copyPlannedSort(planned, options);
  let copiesAfterPlan = 0;
  const counting = { ...blockingSortFs, copyFileExclusive: (from: string, to: string) => (copiesAfterPlan++, blockingSortFs.copyFileExclusive(from, to)) };
  const overlapped = await sortFolder(src, path.join(dir, 'overlapped'), { ...options, blocking: true, fs: counting });
  assert.equal(overlapped.complete, true, overlapped.problem);
  assert.equal(copiesAfterPlan, 0, 'every file was copied while the headers were read');
  assert.deepEqual(await treeDigestWithoutTimes(path.join(dir, 'overlapped')), await treeDigestWithoutTimes(path.join(dir, 'after-plan')), 'same names, bytes and manifest');

  const controller = new AbortController();
  const dest = path.join(dir, 'cancelled');
  const cancelled = await sortFolder(src, dest, { ...options, signal: controller.signal, onProgress: (phase, done) => phase === 'scan' && done === 3 && controller.abort() });
  assert.equal(cancelled.cancelled, true);
  assert.deepEqual(await fs.readdir(dest), [], 'no staged copy, lock or staging folder is left');
});

test('a leftover staging folder from a crash is cleared, files already there are kept', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  await makeSource(src);
  await writeFile(dest, `${STAGING_FOLDER}/123-1.part`, 'half a file');
  const result = await sortFolder(src, dest, options);
  assert.equal(result.complete, true);
  await assert.rejects(fs.stat(path.join(dest, STAGING_FOLDER)));
});

test('a different file already at the target is never overwritten', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  await writeFile(src, 'a.dcm', instanceBytes({ ...base, patientId: 'P', seriesDescription: 'S', seriesUid: '9.9', sopUid: '9.9.1', instanceNumber: '1' }));
  await writeFile(dest, 'p/20240101/head_ct/s/ct_9_9_1.dcm', 'precious');
  const result = await sortFolder(src, dest, options);
  assert.equal(result.complete, true);
  assert.equal(await fs.readFile(path.join(dest, 'p/20240101/head_ct/s/ct_9_9_1.dcm'), 'utf8'), 'precious');
  assert.equal(result.outcomes[0].target, 'p/20240101/head_ct/s/ct_9_9_1~2.dcm');
});

test('a link planted in the destination cannot lead copies outside it', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const outside = path.join(dir, 'outside');
  await fs.mkdir(outside);
  await writeFile(src, 'a.dcm', instanceBytes({ ...base, patientId: 'P', seriesDescription: 'S', seriesUid: '9.9', sopUid: '9.9.1', instanceNumber: '1' }));
  await fs.mkdir(dest);
  await fs.symlink(outside, path.join(dest, 'p'));
  const result = await sortFolder(src, dest, options);
  assert.equal(result.complete, false);
  assert.equal(result.outcomes[0].status, 'failed');
  assert.match(result.outcomes[0].reason, /outside the destination/);
  assert.deepEqual(await fs.readdir(outside), []);
});

test('an unwritable destination fails up front with the reason', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  await makeSource(src);
  // Tests run as root here, where chmod does not stop writes; a path below a regular file
  // fails for every user (ENOTDIR).
  await fs.writeFile(path.join(dir, 'a-file'), 'x');
  await assert.rejects(sortFolder(src, path.join(dir, 'a-file', 'dest'), options), /cannot write to the destination/);
});

test('a read-only destination (chmod) fails without losing anything, for non-root users', async (t) => {
  if (process.getuid?.() === 0) return t.skip('root ignores permission bits');
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  await makeSource(src);
  await fs.mkdir(dest);
  await fs.chmod(dest, 0o555);
  t.after(() => fs.chmod(dest, 0o755));
  await assert.rejects(sortFolder(src, dest, options), /cannot write to the destination/);
});

test('dry run writes nothing; overlapping folders are refused', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  await makeSource(src);
  const result = await sortFolder(src, path.join(dir, 'dest'), { ...options, dryRun: true });
  assert.equal(result.plan.counts.files, 13);
  assert.equal(result.plan.counts.skipped, 3);
  assert.equal(result.plan.counts.patients, 7);
  await assert.rejects(fs.stat(path.join(dir, 'dest')));
  await assert.rejects(sortFolder(src, path.join(src, 'sorted'), options), /overlaps the source/);
  await assert.rejects(sortFolder(src, dir, options), /overlaps the source/);
  await assert.rejects(sortFolder(src, src, options), /overlaps the source/);
});

test('hundreds of files with many workers and blocking calls: every file exactly once', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const hashes = new Set<string>();
  for (let i = 0; i < 300; i++) {
    // Every tenth file repeats the instance number of the one before: collisions across workers.
    const bytes = instanceBytes({ ...base, patientId: `P${i % 7}`, seriesDescription: 'S', seriesUid: `1.9.${i % 7}`, sopUid: `1.9.${i % 7}.${i}`, instanceNumber: String(i % 10 === 9 ? i - 1 : i) });
    hashes.add(sha256(bytes));
    await writeFile(src, `f${i}.dcm`, bytes);
  }
  for (const fs of [undefined, blockingSortFs]) {
    const dest = path.join(dir, fs ? 'blocking' : 'async');
    const result = await sortFolder(src, dest, { ...options, concurrency: 16, fs, blocking: fs !== undefined });
    assert.equal(result.complete, true, result.problem);
    const index = await contentIndex(dest);
    index.delete([...index.entries()].find(([, rels]) => rels.includes(MANIFEST_NAME))![0]);
    assert.deepEqual(new Set(index.keys()), hashes);
    for (const rels of index.values()) assert.equal(rels.length, 1);
  }
});

test('given some files of the folder, only those are read and copied', async (t) => {
  const dir = await tempDir(t);
  const src = path.join(dir, 'src');
  const dest = path.join(dir, 'dest');
  const { dicom } = await makeSource(src);
  const chosen = ['flat/1.dcm', 'hostile/0.dcm'];
  const result = await sortFolder(src, dest, { ...options, only: new Set(chosen.map((rel) => path.join(src, rel))) });
  assert.equal(result.complete, true, result.problem);
  assert.deepEqual(result.outcomes.map((o) => [o.source, o.status]), chosen.map((rel) => [rel, 'copied']));
  const index = await contentIndex(dest);
  assert.deepEqual([...index.keys()].filter((hash) => index.get(hash)![0] !== MANIFEST_NAME).sort(), chosen.map((rel) => dicom.get(rel)!).sort());
});
