import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMediaFolder } from '../fixtures/reports/mediaFolder';
import { checkConsistency } from '../../src/core/explorer/consistency';
import { fileDigest, summarizeFolder } from '../../src/node/summarizeFiles';
import { requireDcmdump } from '../support/dcmdump';
import { runCli } from '../support/runCli';

const haveDcentvfy = spawnSync('dcentvfy', [], { stdio: 'ignore' }).error === undefined;
const skipDicom3tools = haveDcentvfy || process.env.CI ? false : 'dcentvfy is not installed (apt-get install dicom3tools)';

/** Four images of one patient and study, then inconsistent edits made with DCMTK's dcmodify. */
function inconsistentFolder(): string {
  requireDcmdump();
  const media = mkdtempSync(join(tmpdir(), 'dicom-inspector-media-'));
  writeMediaFolder(media);
  const root = mkdtempSync(join(tmpdir(), 'dicom-inspector-consistency-'));
  mkdirSync(join(root, 'set'));
  const files = ['P1/S1/IMG1', 'P1/S1/IMG2', 'P1/S2/IMG1', 'P1/S2/IMG2'];
  files.forEach((file, i) => copyFileSync(join(media, ...file.split('/')), join(root, 'set', `f${i}.dcm`)));
  const modify = (file: string, ...edits: string[]): void => {
    execFileSync('dcmodify', ['-nb', ...edits.flatMap((edit) => ['-i', edit]), join(root, 'set', file)]);
  };
  modify('f1.dcm', 'PatientName=Other^Name');
  modify('f2.dcm', 'StudyDescription=Changed', 'PatientSex=M');
  modify('f3.dcm', 'Modality=MR');
  return join(root, 'set');
}

test('files that name one patient, study or series but disagree are found, at the offset of the element', async () => {
  const folder = inconsistentFolder();
  const issues = checkConsistency(await summarizeFolder(folder));
  const found = issues.map((issue) => `${issue.code} ${issue.keyword} ${issue.source}`).sort();
  assert.deepEqual(found, [
    'patient-attributes-differ PatientName f1.dcm',
    'patient-attributes-differ PatientSex f2.dcm',
    'series-attributes-differ Modality f3.dcm',
    'study-attributes-differ StudyDescription f2.dcm',
  ].sort());
  const name = issues.find((issue) => issue.keyword === 'PatientName')!;
  assert.ok(name.offset! > 132);
  assert.match(name.message, /PatientName \(0010,0010\) is "Other\^Name" here but "Alpha\^Ann" in f0\.dcm \(same Patient ID P1\)/);
});

test('every inconsistency dcentvfy reports is found, and nothing it does not report', { skip: skipDicom3tools }, async () => {
  const folder = inconsistentFolder();
  const files = ['f0.dcm', 'f1.dcm', 'f2.dcm', 'f3.dcm'];
  const run = spawnSync('dcentvfy', files, { cwd: folder, encoding: 'utf8' });
  const theirs = [...`${run.stdout}${run.stderr}`.matchAll(/Element=<(\w+)> IE=<\w+> for file <([^>]+)> versus <([^>]+)>/g)]
    .map((match) => ({ keyword: match[1], files: [match[2], match[3]] }));
  assert.ok(theirs.length > 0, 'dcentvfy found the edits');
  const ours = checkConsistency(await summarizeFolder(folder));
  for (const finding of theirs) {
    assert.ok(ours.some((issue) => issue.keyword === finding.keyword && finding.files.includes(issue.source)), `dcentvfy: ${finding.keyword} in ${finding.files.join(' / ')}`);
  }
  for (const issue of ours) {
    assert.ok(theirs.some((finding) => finding.keyword === issue.keyword && finding.files.includes(issue.source)), `ours only: ${issue.keyword} in ${issue.source}`);
  }
});

test('one SOP Instance UID naming two different contents is an error; an identical copy is not', async () => {
  const folder = inconsistentFolder();
  copyFileSync(join(folder, 'f0.dcm'), join(folder, 'f0-copy.dcm'));
  const summaries = await summarizeFolder(folder);
  const digest = (s: { source: string }): string => fileDigest(join(folder, s.source));
  assert.deepEqual(checkConsistency(summaries, digest).filter((issue) => issue.code === 'duplicate-sop-instance-uid'), []);
  execFileSync('dcmodify', ['-nb', '-i', 'PatientComments=edited copy', join(folder, 'f0-copy.dcm')]);
  const duplicate = checkConsistency(await summarizeFolder(folder), digest).filter((issue) => issue.code === 'duplicate-sop-instance-uid');
  assert.equal(duplicate.length, 1);
  assert.equal(duplicate[0].severity, 'error');
  assert.match(duplicate[0].message, /also names f0/);
});

test('validate --consistency prints each inconsistency with its file and offset and exits 1', async () => {
  const folder = inconsistentFolder();
  const { code, stdout } = await runCli('validate', '--consistency', '--json', folder);
  assert.equal(code, 1);
  const json = JSON.parse(stdout);
  assert.equal(json.files, 4);
  const modality = json.issues.find((issue: { keyword: string }) => issue.keyword === 'Modality');
  assert.equal(modality.file, join(folder, 'f3.dcm'));
  assert.equal(modality.code, 'series-attributes-differ');
  assert.ok(modality.offset > 132);
  const clean = mkdtempSync(join(tmpdir(), 'dicom-inspector-consistent-'));
  copyFileSync(join(folder, 'f0.dcm'), join(clean, 'a.dcm'));
  const text = await runCli('validate', '--consistency', clean);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^1 DICOM files: consistent$/m);
});
