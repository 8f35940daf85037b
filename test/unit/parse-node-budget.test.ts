/**
 * The reader's node and value budget (issue: limits for hostile input): a file is read up to the
 * cap, then reading stops with one error at the offset of the first node past it, and what was
 * read before stays in the model. Small caps stand in for the defaults here; the defaults are
 * checked against the promise that a stored file under 20 MB is always read whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DicomElement, DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { DEFAULT_MAX_NODES, DEFAULT_MAX_VALUES } from '../../src/core/parse/nodeBudget';
import { writeDicom } from '../fixtures/writer';
import { deflatedItemBomb, manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { manyFragmentsFrame } from '../fixtures/catalog/hostilePixels';
import { SECONDARY_CAPTURE } from '../fixtures/catalog/common';

/** Every element, item and fragment in document order, with its offset. */
function nodeOffsets(elements: readonly DicomElement[], out: number[] = []): number[] {
  for (const element of elements) {
    out.push(element.offset);
    for (const item of element.items ?? []) {
      out.push(item.offset);
      nodeOffsets(item.elements, out);
    }
    for (const fragment of element.fragments ?? []) out.push(fragment.offset);
  }
  return out;
}

function budgetIssues(file: DicomFile, code: string) {
  return file.issues.filter((issue) => issue.code === code);
}

test('elements past the node budget are not read; one error names the offset of the first one left out', () => {
  const bytes = manyTinyElements(1000);
  const whole = nodeOffsets(parseDicomBytes(bytes).dataSet);
  const file = parseDicomBytes(bytes, { maxNodes: 500 });
  // The meta group is read by the same reader and counts too.
  const metaNodes = file.meta.length;
  const read = nodeOffsets(file.dataSet);
  assert.equal(read.length + metaNodes, 501, 'the element past the cap is in the model, as an element cut short is');
  const [issue, ...more] = budgetIssues(file, 'too-many-nodes');
  assert.equal(more.length, 0);
  assert.equal(issue.severity, 'error');
  assert.equal(issue.offset, whole[500 - metaNodes]);
  assert.match(issue.message, /more than 500 elements, items and fragments: reading stopped at 0x[0-9A-F]+/);
});

test('items of defined length past the budget end the read instead of being skipped one by one', () => {
  const items = Array.from({ length: 400 }, () => ({ elements: [{ tag: 0x00080100, vr: 'SH', value: 'C' }] }));
  const bytes = writeDicom([{ tag: 0x00081115, vr: 'SQ', items }, { tag: 0x00100010, vr: 'PN', value: 'AFTER' }], { transferSyntax: 'explicitLittle', sopClassUid: SECONDARY_CAPTURE }).bytes;
  const file = parseDicomBytes(bytes, { maxNodes: 100 });
  assert.equal(budgetIssues(file, 'too-many-nodes').length, 1);
  assert.equal(file.issues.filter((issue) => issue.severity === 'error').length, 1, file.issues.map((i) => i.message).join('\n'));
  assert.ok(!file.dataSet.some((element) => element.tag === '00100010'), 'nothing after the stop is read');
});

test('fragments count too, whether read in memory or scanned by range after a header-only read', async () => {
  const bytes = manyFragmentsFrame(2000);
  const inMemory = parseDicomBytes(bytes, { maxNodes: 1000 });
  const byRange = await readDicom(memoryFileAccess(bytes), { maxNodes: 1000 });
  for (const file of [inMemory, byRange]) {
    const pixelData = file.dataSet.find((element) => element.tag === '7FE00010');
    assert.ok(pixelData?.fragments && pixelData.fragments.length < 1000, `${pixelData?.fragments?.length} fragments`);
    assert.equal(budgetIssues(file, 'too-many-nodes').length, 1);
  }
  assert.equal(byRange.dataSet.find((e) => e.tag === '7FE00010')?.fragments?.length, inMemory.dataSet.find((e) => e.tag === '7FE00010')?.fragments?.length);
});

test('values of multi-valued text count against the value budget', () => {
  const bytes = writeDicom([
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    { tag: 0x00200037, vr: 'DS', value: Array(300).fill('1').join('\\') },
  ], { transferSyntax: 'explicitLittle', sopClassUid: SECONDARY_CAPTURE });
  const file = parseDicomBytes(bytes.bytes, { maxValues: 100 });
  const [issue, ...more] = budgetIssues(file, 'too-many-values');
  assert.equal(more.length, 0);
  assert.equal(issue.offset, bytes.layout.dataSet.find((e) => e.tag === '00200037')?.offset);
  assert.equal(parseDicomBytes(bytes.bytes, { maxValues: 400 }).issues.filter((i) => i.code === 'too-many-values').length, 0);
});

test('a deflated data set of a quarter of a million items inflated from a few kilobytes stops at the budget', () => {
  const bytes = deflatedItemBomb(250_000);
  assert.ok(bytes.length < 10_000, `${bytes.length} bytes`);
  const file = parseDicomBytes(bytes, { maxNodes: 10_000 });
  assert.equal(budgetIssues(file, 'too-many-nodes').length, 1);
  assert.ok(nodeOffsets(file.dataSet).length <= 10_000);
});

test('the default budget reads every stored file under 20 MB whole', () => {
  const limit = 20 * 1024 * 1024;
  // The smallest node is an 8-byte header (an empty item, fragment or short-form element).
  assert.ok(DEFAULT_MAX_NODES >= limit / 8, `${DEFAULT_MAX_NODES} nodes`);
  // The most values are empty ones: one backslash each, plus one.
  assert.ok(DEFAULT_MAX_VALUES > limit, `${DEFAULT_MAX_VALUES} values`);
});
