/**
 * `dicom-inspector validate`: exit statuses (0 clean, 1 errors, 2 unreadable), the text report
 * and the --json shape; and the per-code severity setting the Problems panel uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issue } from '../../src/core/model';
import { readSeverityOverrides, shownSeverity } from '../../src/extension/validation/severityOverrides';
import { CT_IMAGE_STORAGE } from '../fixtures/catalog/common';
import { conformingCtImage, ruleFixtures } from '../fixtures/catalog/validation';
import { writeDicom } from '../fixtures/writer';
import { runCli } from '../support/runCli';

const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-validate-'));
const cleanPath = join(dir, 'clean.dcm');
writeFileSync(cleanPath, writeDicom(conformingCtImage(), { transferSyntax: 'explicitLittle', sopClassUid: CT_IMAGE_STORAGE, sopInstanceUid: '1.2.826.0.1.3680043.10.1104.9.1' }).bytes);
const broken = ruleFixtures.find((f) => f.name === 'type1-missing')!;
const brokenFile = broken.build();
const brokenPath = join(dir, 'broken.dcm');
writeFileSync(brokenPath, brokenFile.bytes);
const textPath = join(dir, 'notes.txt');
writeFileSync(textPath, 'not DICOM\n'.repeat(30));

test('a conforming file exits 0 and says so', async () => {
  const { code, stdout } = await runCli('validate', cleanPath);
  assert.equal(code, 0);
  assert.match(stdout, /clean\.dcm: 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2 \(CT Image IOD\): no problems found/);
});

test('errors exit 1 and each issue line has offset, severity, code and message', async () => {
  const { code, stdout } = await runCli('validate', cleanPath, brokenPath);
  assert.equal(code, 1);
  const offset = `0x${broken.offsetOf(brokenFile.layout).toString(16).toUpperCase().padStart(4, '0')}`;
  assert.match(stdout, new RegExp(`^  ${offset} +error +type1-missing +StudyInstanceUID \\(0020,000D\\)`, 'm'));
});

test('--json prints one object per file with the issue fields', async () => {
  const { code, stdout } = await runCli('validate', '--json', brokenPath, cleanPath);
  assert.equal(code, 1);
  const results = JSON.parse(stdout) as { file: string; sopClassUid: string; iod: string; issues: Record<string, unknown>[] }[];
  assert.deepEqual(results.map((r) => [r.file, r.sopClassUid, r.iod, r.issues.length]), [
    [brokenPath, CT_IMAGE_STORAGE, 'CT Image', 1],
    [cleanPath, CT_IMAGE_STORAGE, 'CT Image', 0],
  ]);
  assert.deepEqual(Object.keys(results[0].issues[0]).sort(), ['code', 'keyword', 'message', 'offset', 'path', 'severity', 'tag']);
  assert.deepEqual({ ...results[0].issues[0], message: undefined }, {
    code: 'type1-missing', severity: 'error', offset: broken.offsetOf(brokenFile.layout), tag: '0020000D',
    keyword: 'StudyInstanceUID', path: '0020000D', message: undefined,
  });
});

test('a file that is not DICOM or does not exist exits 2, after checking the others', async () => {
  const notDicom = await runCli('validate', cleanPath, textPath);
  assert.equal(notDicom.code, 2);
  assert.match(notDicom.stdout, /notes\.txt: cannot be read: not a DICOM file/);
  const missing = await runCli('validate', '--json', join(dir, 'absent.dcm'));
  assert.equal(missing.code, 2);
  assert.equal((JSON.parse(missing.stdout) as { issues: { code: string }[] }[])[0].issues[0].code, 'unreadable');
  assert.equal((await runCli('validate')).code, 2);
});

test('severity setting: a code can be shown with another severity or turned off; bad entries are ignored', () => {
  const issue = (code: string, severity: Issue['severity']): Issue => ({ code, severity, offset: 0, message: '' });
  const overrides = readSeverityOverrides({ 'type2-missing': 'warning', 'private-creator-missing': 'off', 'odd-length': 'loud', 'vm-mismatch': 3 });
  assert.equal(shownSeverity(issue('type2-missing', 'error'), overrides), 'warning');
  assert.equal(shownSeverity(issue('private-creator-missing', 'warning'), overrides), 'off');
  assert.equal(shownSeverity(issue('odd-length', 'warning'), overrides), 'warning');
  assert.equal(shownSeverity(issue('vm-mismatch', 'error'), overrides), 'error');
  assert.equal(shownSeverity(issue('iod-unknown', 'info'), overrides), 'information');
  assert.equal(readSeverityOverrides(null).size, 0);
});
