import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runSort } from '../../src/cli/commands/sort';
import { instanceBytes, writeFile } from './sortFixtures';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

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
  const c = capture();
  const code = await runSort([path.join(dir, 'src'), path.join(dir, 'dest'), '--dry-run', '--pattern', '{PatientID}/{SeriesDescription}/{InstanceNumber:04}.dcm'], c.io);
  assert.equal(code, 0, c.err());
  assert.match(c.out(), /1 patient, 1 study, 1 series, 3 DICOM files; 1 file skipped as non-DICOM/);
  assert.match(c.out(), /0001\.dcm/);
  await assert.rejects(fs.stat(path.join(dir, 'dest')));
});

test('sort --json copies and reports; exit 0 when every DICOM file is in DEST', async (t) => {
  const dir = await source(t);
  const c = capture();
  const code = await runSort([path.join(dir, 'src'), path.join(dir, 'dest'), '--json', '--no-clean', '--pattern', '{PatientID}/{SeriesDescription}/{InstanceNumber:04}.dcm'], c.io);
  assert.equal(code, 0, c.err());
  const report = JSON.parse(c.out());
  assert.equal(report.complete, true);
  assert.deepEqual(report.statuses, { copied: 3, skipped: 1 });
  assert.ok((await fs.stat(path.join(dir, 'dest/P/T2_Flair/0002.dcm'))).isFile());
});

test('bad arguments exit 2; an unwritable destination exits 2 with the reason in one line', async (t) => {
  const dir = await source(t);
  let c = capture();
  assert.equal(await runSort([path.join(dir, 'src')], c.io), 2);
  c = capture();
  assert.equal(await runSort([path.join(dir, 'src'), path.join(dir, 'd'), '--pattern', '{PatientsName}'], c.io), 2);
  assert.match(c.err(), /not a keyword/);
  c = capture();
  await fs.writeFile(path.join(dir, 'blocker'), 'x');
  assert.equal(await runSort([path.join(dir, 'src'), path.join(dir, 'blocker/dest')], c.io), 2);
  assert.match(c.err(), /^dicom-inspector sort: cannot write to the destination .*blocker\/dest: a part of the path is a file, not a folder\n$/);
});
