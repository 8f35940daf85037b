/** `dicom-inspector json` and `xml`: output, bulk data references by byte range, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseElements, openBytes, written } from '../support/dicomPairs';
import { runCli } from '../support/runCli';

const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-cli-forms-'));
const bytes = written(baseElements());
const file = path.join(dir, 'a.dcm');
writeFileSync(file, bytes);
const text = path.join(dir, 'notes.txt');
writeFileSync(text, 'not DICOM\n'.repeat(30));

test('json prints DICOM JSON; --bulk-data-uri names each binary value by its byte range', async () => {
  const inline = await runCli('json', file);
  assert.equal(inline.code, 0, inline.stderr);
  const json = JSON.parse(inline.stdout);
  assert.deepEqual(json['00100010'], { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] });
  assert.equal(json['00020010'], undefined, 'no meta group');
  assert.equal(Buffer.from(json['00191002'].InlineBinary, 'base64').length, 300);

  const byReference = JSON.parse((await runCli('json', '--bulk-data-uri', file)).stdout);
  const ob = (await openBytes(bytes)).file.dataSet.find((e) => e.tag === '00191002');
  assert.ok(ob);
  assert.equal(byReference['00191002'].BulkDataURI, `${pathToFileURL(file).href}?offset=${ob.valueOffset}&length=300`);
  assert.equal(byReference['00191002'].InlineBinary, undefined);
});

test('xml prints the Native DICOM Model; unreadable input exits 2', async () => {
  const xml = await runCli('xml', file);
  assert.equal(xml.code, 0);
  assert.match(xml.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<NativeDicomModel xml:space="preserve">\n/);
  assert.match(xml.stdout, /<DicomAttribute tag="00190001" vr="LO" privateCreator="ACME 1.0">\n<Value number="1">private text<\/Value>/);
  assert.match(xml.stdout, /<PersonName number="1">\n<Alphabetic>\n<FamilyName>Doe<\/FamilyName>\n<GivenName>Jane<\/GivenName>/);
  assert.equal((await runCli('xml', text)).code, 2);
  assert.equal((await runCli('json', path.join(dir, 'missing.dcm'))).code, 2);
  assert.equal((await runCli('json')).code, 2);
});
