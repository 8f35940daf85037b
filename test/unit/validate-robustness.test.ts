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
