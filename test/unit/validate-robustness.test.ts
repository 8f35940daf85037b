/**
 * Validation on bad input: every fixture of the catalog (bad ones included) and seeded
 * mutations of a corpus file are validated without a throw, and every issue has a code, a
 * severity, a message and, when it has an offset, one inside the bytes the model describes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFile } from '../../src/core/checks';
import type { DicomFile } from '../../src/core/model';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { allFixtures } from '../fixtures/catalog';
import { writeDicom } from '../fixtures/writer';
import { lengthFields, mutate, prng } from '../support/mutate';

const CORPUS_FILE = path.resolve(__dirname, '../../../shared/corpus/dicomparser/CT1_UNC.explicit_little_endian.dcm');
const MUTATIONS = 300;

function checkReport(file: DicomFile, what: string, streamSize: number): void {
  const report = validateFile(file);
  for (const issue of report.issues) {
    assert.match(issue.code, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${what}: code ${issue.code} is kebab-case`);
    assert.ok(['error', 'warning', 'info'].includes(issue.severity), `${what}: severity ${issue.severity}`);
    assert.ok(issue.message.length > 0, `${what}: ${issue.code} has a message`);
    if (issue.offset !== null) assert.ok(issue.offset >= 0 && issue.offset <= streamSize, `${what}: ${issue.code} offset ${issue.offset} within ${streamSize}`);
  }
}

test('every catalog fixture, good or bad, is validated without a throw', () => {
  for (const fixture of allFixtures.filter((f) => f.onDisk)) {
    const { bytes } = fixture.build();
    const file = parseDicomBytes(bytes);
    // Deflated files: offsets after the meta group are inflated-stream positions.
    checkReport(file, fixture.name, file.deflated ? Number.MAX_SAFE_INTEGER : bytes.length);
  }
});

test('seeded mutations of a corpus file are validated without a throw', () => {
  const input = new Uint8Array(readFileSync(CORPUS_FILE));
  const parsed = parseDicomBytes(input);
  const fields = [...lengthFields(parsed.meta, true), ...lengthFields(parsed.dataSet, true)];
  const random = prng(14);
  for (let i = 0; i < MUTATIONS; i++) {
    const mutation = mutate(input, random, fields);
    checkReport(parseDicomBytes(mutation.bytes), `mutation ${i} (${mutation.description})`, mutation.bytes.length);
  }
});

test('a rule that fires on every one of 3,000 elements lists 1,000 issues and counts the rest in one', () => {
  // Private elements (0009,1000) to (0009,1BB7) with no Private Creator: each is private-creator-missing.
  const raw = new Uint8Array(3000 * 8);
  for (let i = 0; i < 3000; i++) raw.set([0x09, 0x00, (0x1000 + i) & 0xff, (0x1000 + i) >> 8, 0x4c, 0x4f, 0, 0], i * 8);
  const bytes = writeDicom([{ tag: 0x00080060, vr: 'CS', value: 'OT' }, { raw }], { transferSyntax: 'explicitLittle', sopClassUid: '1.2.840.10008.5.1.4.1.1.7' }).bytes;
  const found = validateFile(parseDicomBytes(bytes)).issues.filter((issue) => issue.code === 'private-creator-missing');
  assert.equal(found.length, 1001);
  assert.ok(found.some((issue) => /^2,000 more private-creator-missing warnings like the 1,000 above from 0x[0-9A-F]+ to 0x[0-9A-F]+ are not listed one by one$/.test(issue.message)));
});
