import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/runCli';
import { instanceBytes, writeFile } from './sortFixtures';

const run = (args: string[]) => runCli('sort', ...args);

async function source(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dicom-sort-cli-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  for (let i = 1; i <= 3; i++) {
    await writeFile(dir, `src/${i}.dcm`, instanceBytes({ patientId: 'P', modality: 'MR', seriesDescription: 'T2 Flair', seriesUid: '1.5', sopUid: `1.5.${i}`, instanceNumber: String(i) }));
  }
  await writeFile(dir, 'src/readme.txt', 'hello');
  return dir;
}

test('sort --dry-run prints the preview and writes nothing', async (t) => {
  const dir = await source(t);
  const r = await run([path.join(dir, 'src'), path.join(dir, 'dest'), '--dry-run', '--pattern', '{PatientID}/{SeriesDescription}/{InstanceNumber:04}.dcm']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 patient, 1 study, 1 series, 3 DICOM files; 1 file skipped as non-DICOM/);
  assert.match(r.stdout, /0001\.dcm/);
  await assert.rejects(fs.stat(path.join(dir, 'dest')));
});

test('sort --json copies and reports; exit 0 when every DICOM file is in DEST', async (t) => {
  const dir = await source(t);
  const r = await run([path.join(dir, 'src'), path.join(dir, 'dest'), '--json', '--no-clean', '--pattern', '{PatientID}/{SeriesDescription}/{InstanceNumber:04}.dcm']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.complete, true);
  assert.deepEqual(report.statuses, { copied: 3, skipped: 1 });
  assert.ok((await fs.stat(path.join(dir, 'dest/P/T2_Flair/0002.dcm'))).isFile());
});

test('bad arguments exit 2; an unwritable destination exits 2 with the reason in one line', async (t) => {
  const dir = await source(t);
  assert.equal((await run([path.join(dir, 'src')])).code, 2);
  const badPattern = await run([path.join(dir, 'src'), path.join(dir, 'd'), '--pattern', '{PatientsName}']);
  assert.equal(badPattern.code, 2);
  assert.match(badPattern.stderr, /not a keyword/);
  await fs.writeFile(path.join(dir, 'blocker'), 'x');
  const blocked = await run([path.join(dir, 'src'), path.join(dir, 'blocker/dest')]);
  assert.equal(blocked.code, 2);
  assert.match(blocked.stderr, /^dicom-inspector sort: cannot write to the destination .*blocker\/dest: a part of the path is a file, not a folder\n$/);
});
