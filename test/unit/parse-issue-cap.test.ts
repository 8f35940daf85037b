/**
 * A flood of one problem (two million repeated tags) is listed up to MAX_LISTED issues of that
 * code, then told in one closing issue with the count and the span (issue: limits for hostile
 * input). Whole and header-only reads, with or without pixel data before the flood, say the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { MAX_LISTED } from '../../src/core/parse/issueCap';
import { repeatedTag } from '../fixtures/catalog/hostileCounts';

const duplicates = (file: DicomFile) => file.issues.filter((issue) => issue.code === 'duplicate-tag');

for (const pixelDataFirst of [false, true]) {
  test(`5,000 repeated tags give ${MAX_LISTED} warnings and one that counts the rest${pixelDataFirst ? ', after pixel data' : ''}`, async () => {
    const bytes = repeatedTag(5000, pixelDataFirst);
    const whole = parseDicomBytes(bytes);
    const headerOnly = await readDicom(memoryFileAccess(bytes));
    for (const file of [whole, headerOnly]) {
      const found = duplicates(file);
      assert.equal(found.length, MAX_LISTED + 1);
      const closing = found.at(-1)!;
      assert.equal(closing.severity, 'warning');
      assert.match(closing.message, /^3,999 more duplicate-tag warnings like the 1,000 above from 0x[0-9A-F]+ to 0x[0-9A-F]+ are not listed one by one$/);
      const elements = file.dataSet.filter((element) => element.tag === '00091000');
      assert.equal(elements.length, 5000, 'every element stays in the model');
      assert.equal(closing.offset, elements[MAX_LISTED + 1].offset, 'the closing issue starts where the unlisted ones do');
    }
    assert.deepEqual(duplicates(headerOnly).map((issue) => [issue.offset, issue.message]), duplicates(whole).map((issue) => [issue.offset, issue.message]));
  });
}

test('a few problems of a code are listed as before, with no closing issue', () => {
  const file = parseDicomBytes(repeatedTag(20));
  assert.equal(duplicates(file).length, 19);
  assert.ok(duplicates(file).every((issue) => !issue.message.includes('not listed')));
});
