import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMediaFolder } from '../fixtures/reports/mediaFolder';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { MAX_DIRECTORY_DEPTH, readDirectory } from '../../src/core/dicomdir/readDirectory';
import { dicomdirChainedDown } from '../fixtures/catalog/hostileCounts';
import type { DirectoryRecordJson } from '../../src/core/dicomdir/directoryText';
import { requireDcmdump } from '../support/dcmdump';
import { runCli } from '../support/runCli';

/** A media folder with a DICOMDIR written by DCMTK's dcmmkdir (an independent writer). */
function mediaWithDicomdir(): { root: string; dicomdir: string; images: ReturnType<typeof writeMediaFolder> } {
  requireDcmdump();
  const root = mkdtempSync(join(tmpdir(), 'dicom-inspector-dicomdir-'));
  const images = writeMediaFolder(root);
  execFileSync('dcmmkdir', ['--recurse', '+id', root, '--output-file', join(root, 'DICOMDIR')], { cwd: root, stdio: 'pipe' });
  return { root, dicomdir: join(root, 'DICOMDIR'), images };
}

/** Record offsets as dcmdump prints them ("#  offset=$406" under each item). */
function dcmdumpRecordOffsets(path: string): number[] {
  const out = execFileSync('dcmdump', [path], { encoding: 'utf8' });
  return [...out.matchAll(/#\s+offset=\$(\d+)/g)].map((match) => Number(match[1]));
}

function flatten(records: readonly DirectoryRecordJson[], depth = 0): { record: DirectoryRecordJson; depth: number }[] {
  return records.flatMap((record) => [{ record, depth }, ...flatten(record.children, depth + 1)]);
}

test('dicomdir --json nests the records dcmmkdir wrote by level, at the offsets dcmdump gives', async () => {
  const { dicomdir, images } = mediaWithDicomdir();
  const { code, stdout } = await runCli('dicomdir', '--json', dicomdir);
  assert.equal(code, 0, stdout);
  const json = JSON.parse(stdout);
  assert.equal(json.fileSetId, 'DCMTK_MEDIA_DEMO');
  assert.deepEqual(json.records.map((r: DirectoryRecordJson) => r.type), ['PATIENT', 'PATIENT']);
  assert.deepEqual(json.records.map((r: DirectoryRecordJson) => r.keys.PatientID), ['P1', 'P2']);
  const all = flatten(json.records);
  const levels = ['PATIENT', 'STUDY', 'SERIES', 'IMAGE'];
  for (const { record, depth } of all) assert.equal(record.type, levels[depth]);
  assert.deepEqual(all.map(({ record }) => record.offset).sort((a, b) => a - b), dcmdumpRecordOffsets(dicomdir).sort((a, b) => a - b));
  const files = all.filter(({ record }) => record.type === 'IMAGE').map(({ record }) => record.referencedFile);
  assert.deepEqual(files.sort(), images.map((image) => image.fileId.join('/')).sort());
  const series = json.records[0].children[0].children;
  assert.deepEqual(series.map((s: DirectoryRecordJson) => s.keys.SeriesInstanceUID), [images[0].seriesUid, images[2].seriesUid]);
  assert.deepEqual(json.issues, []);
});

test('a referenced file that is gone is flagged, and the exit status says so', async () => {
  const { root, dicomdir, images } = mediaWithDicomdir();
  rmSync(join(root, ...images[3].fileId));
  const { code, stdout } = await runCli('dicomdir', dicomdir);
  assert.equal(code, 1);
  assert.match(stdout, new RegExp(`-> ${images[3].fileId.join('/')} \\(missing\\)`));
  assert.match(stdout, /warning dicomdir-file-missing: IMAGE record at 0x[0-9A-F]+ references P1\/S2\/IMG2/);
});

test('a next-record pointer that misses every record is an error at its offset, and the records it cut off stay listed', () => {
  const { dicomdir } = mediaWithDicomdir();
  const bytes = new Uint8Array(readFileSync(dicomdir));
  const before = parseDicomBytes(bytes);
  const firstPatient = readDirectory(before)!.records[0];
  const sequence = before.dataSet.find((e) => e.tag === '00041220')!;
  const item = sequence.items!.find((i) => i.offset === firstPatient.offset)!;
  const next = item.elements.find((e) => e.tag === '00041400')!;
  new DataView(bytes.buffer).setUint32(next.valueOffset, 12345, true);
  const tree = readDirectory(parseDicomBytes(bytes))!;
  const problem = tree.issues.find((issue) => issue.code === 'dicomdir-pointer-not-a-record')!;
  assert.equal(problem.offset, next.valueOffset);
  assert.match(problem.message, /points at 0x3039, where no directory record starts/);
  assert.ok(tree.issues.some((issue) => issue.code === 'dicomdir-record-unreachable'));
  assert.equal(tree.records.length, 2, 'the first patient, then the unreachable second patient');
  assert.equal(tree.records[1].keys.PatientID, 'P2');
  assert.equal(tree.records[1].children[0].children[0].children.length, 2, 'its study, series and images with it');
});

test('dicomdir refuses a file that is not a DICOMDIR with exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-dicomdir-'));
  const path = join(dir, 'notes.txt');
  writeFileSync(path, 'not dicom at all\n'.repeat(20));
  const { code, stderr } = await runCli('dicomdir', path);
  assert.equal(code, 2);
  assert.match(stderr, /not a DICOM file/);
});

test('records chained down level after level are followed to a bounded depth, the rest listed as unreached', async () => {
  const bytes = dicomdirChainedDown(2_000);
  const tree = readDirectory(parseDicomBytes(bytes));
  assert.ok(tree);
  const depthOf = (records: readonly { children: readonly unknown[] }[]): number =>
    records.reduce((deepest, record) => Math.max(deepest, 1 + depthOf(record.children as typeof records)), 0);
  assert.equal(depthOf(tree.records), MAX_DIRECTORY_DEPTH);
  assert.equal(flatten(tree.records as unknown as DirectoryRecordJson[]).length, 2_000, 'every record is listed');
  const tooDeep = tree.issues.filter((issue) => issue.code === 'dicomdir-too-deep');
  assert.equal(tooDeep[0].severity, 'error');
  assert.match(tooDeep[0].message, /OffsetOfReferencedLowerLevelDirectoryEntity at 0x[0-9A-F]+ leads to a level deeper than 16/);
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-dicomdir-deep-'));
  writeFileSync(join(dir, 'DICOMDIR'), bytes);
  const { code, stdout, stderr } = await runCli('dicomdir', join(dir, 'DICOMDIR'));
  assert.equal(code, 1, stderr);
  assert.doesNotMatch(stderr, /RangeError|stack/);
  assert.match(stdout, /dicomdir-too-deep/);
});
