/**
 * Validation against dicom3tools' dciodvfy on files this project did not write: the corpus's
 * native files, each also edited by seeded mistakes (attributes removed and emptied, values
 * their VR forbids), four of its compressed files as they are, plus the writer's rule fixtures.
 *
 * Recall: of what dciodvfy reports as a missing Type 1/2 attribute, an empty Type 1/1C one, or
 * a value invalid for its VR, the share `validateFile` reports too (by keyword or tag) must be
 * at least 95%. Precision: of our type1-missing, type2-missing and type1-empty findings, the
 * share dciodvfy also reports (as missing or empty of any type) must be at least 85%.
 * Skips only outside CI when dciodvfy is not installed (CI installs dicom3tools, .ci/run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFile } from '../../src/core/checks';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { brokenVariant } from '../support/brokenCorpus';
import { dciodvfyBytes, haveDciodvfy } from '../support/dciodvfy';
import { ruleFixtures } from '../fixtures/catalog/validation';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/dicomparser');
/** The corpus's files that are neither compressed nor deflated (edited byte by byte). */
const NATIVE_FILES = [
  'CT1_UNC.explicit_little_endian.dcm',
  'CT1_UNC.implicit_little_endian.dcm',
  'CT1_UNC.explicit_big_endian.dcm',
  'encapsulated/multi-frame/CT0012.explicit_little_endian.dcm',
  'encapsulated/multi-frame/IM00001.implicit_little_endian.dcm',
];
/** The compressed ones, compared as they are (dciodvfy cannot read the deflated ones). */
const COMPRESSED_FILES = [
  'encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm',
  'encapsulated/multi-frame/CT0012.not_fragmented_bot_rle.dcm',
  'encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm',
  'encapsulated/single-frame/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm',
];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const MISSING_CODES = new Set(['type1-missing', 'type2-missing', 'type1-empty']);
const VR_CODES = new Set(['value-invalid-for-vr', 'character-outside-repertoire']);

const skip = haveDciodvfy() || process.env.CI ? false : 'dciodvfy not installed (apt-get install dicom3tools)';

interface Tally {
  referenceFindings: number;
  referenceFound: number;
  ourMissing: number;
  ourMissingConfirmed: number;
  misses: string[];
  extras: string[];
}

function compare(name: string, bytes: Uint8Array, tally: Tally): void {
  const reference = dciodvfyBytes(bytes);
  const issues = validateFile(parseDicomBytes(bytes)).issues;
  const missing = new Set(issues.filter((i) => MISSING_CODES.has(i.code)).map((i) => i.keyword ?? i.tag ?? ''));
  const invalid = new Set(issues.filter((i) => VR_CODES.has(i.code)).map((i) => i.tag ?? ''));
  for (const keyword of reference.required) {
    tally.referenceFindings++;
    if (missing.has(keyword)) tally.referenceFound++;
    else tally.misses.push(`${name}: missing ${keyword}`);
  }
  for (const tag of reference.invalidForVr) {
    tally.referenceFindings++;
    if (invalid.has(tag)) tally.referenceFound++;
    else tally.misses.push(`${name}: invalid ${tag}`);
  }
  for (const keyword of missing) {
    tally.ourMissing++;
    if (reference.anyMissing.has(keyword)) tally.ourMissingConfirmed++;
    else tally.extras.push(`${name}: ${keyword}`);
  }
}

test('validate finds what dciodvfy finds in edited corpus files and writer fixtures', { skip }, () => {
  const tally: Tally = { referenceFindings: 0, referenceFound: 0, ourMissing: 0, ourMissingConfirmed: 0, misses: [], extras: [] };
  for (const name of NATIVE_FILES) {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, name)));
    const file = parseDicomBytes(bytes);
    compare(name, bytes, tally);
    for (const seed of SEEDS) {
      const variant = brokenVariant(name, bytes, file, seed);
      compare(variant.name, variant.bytes, tally);
    }
  }
  for (const name of COMPRESSED_FILES) compare(name, new Uint8Array(readFileSync(path.join(CORPUS, name))), tally);
  for (const fixture of ruleFixtures) compare(`fixture ${fixture.name}`, fixture.build().bytes, tally);

  const recall = tally.referenceFound / tally.referenceFindings;
  const precision = tally.ourMissingConfirmed / tally.ourMissing;
  const summary = `recall ${tally.referenceFound}/${tally.referenceFindings} = ${(recall * 100).toFixed(1)}%, `
    + `precision ${tally.ourMissingConfirmed}/${tally.ourMissing} = ${(precision * 100).toFixed(1)}%`;
  console.log(`dciodvfy comparison: ${summary}`);
  // Enough findings that the shares mean something: every edited file has several.
  assert.ok(tally.referenceFindings >= 100, `only ${tally.referenceFindings} dciodvfy findings`);
  assert.ok(recall >= 0.95, `${summary}; missed: ${tally.misses.join('; ')}`);
  assert.ok(precision >= 0.85, `${summary}; not in dciodvfy: ${tally.extras.join('; ')}`);
});
