/**
 * Long child lists in the DICOM Tags view come in ranges of 1,000 (nested past a million), so
 * VS Code is never handed millions of tree items (issue: hostile input must not hang the
 * window). A child inside a range keeps its id and path; reveal finds it through its ranges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { childNodes, rootNodes, type TagNode } from '../../src/extension/tree/tagNodes';
import { RANGE_SIZE, shownChildren } from '../../src/extension/tree/childRanges';
import { deepestNodeAtOffset, shownNodeById } from '../../src/extension/tree/offsetLookup';
import { nodeLabel } from '../../src/extension/tree/nodeText';
import { nodePath } from '../../src/extension/tree/nodePath';
import { buildFilter, filterChildren } from '../../src/extension/tree/treeFilter';
import { manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { manyFragmentsFrame } from '../fixtures/catalog/hostilePixels';

const options = { showPrivateTags: true };
const textOptions = { offsetFormat: 'hex' as const, maxValueLength: 40 };
const dataSetOf = (file: ReturnType<typeof parseDicomBytes>) => rootNodes(file).find((node) => node.kind === 'dataSet')!;

test('a data set of 2,500 elements opens on three ranges, each opening on its elements with their usual ids', () => {
  const file = parseDicomBytes(manyTinyElements(2500));
  const dataSet = dataSetOf(file);
  const all = childNodes(dataSet, file, options);
  const ranges = shownChildren(dataSet, file, options);
  assert.deepEqual(ranges.map((range) => range.kind), ['range', 'range', 'range']);
  assert.deepEqual(ranges.map((range) => [range.rangeStart, range.rangeEnd]), [[0, 1000], [1000, 2000], [2000, all.length]]);
  assert.equal(nodeLabel(ranges[0], file, textOptions), `(0008,0060) … ${nodeLabel({ ...all[999], kind: 'element' }, file, textOptions).split(' ')[0]} (1,000)`);
  assert.equal(ranges[1].offset, all[1000].offset);
  assert.equal(ranges[1].end, all[1999].end);
  const inside = shownChildren(ranges[1], file, options);
  assert.deepEqual(inside.map((node) => node.id), all.slice(1000, 2000).map((node) => node.id));
  assert.ok(inside.every((node) => node.parent === ranges[1]));
  assert.equal(nodePath(inside[5]), nodePath(all[1005]));
});

test('a short list is shown as it is', () => {
  const file = parseDicomBytes(manyTinyElements(RANGE_SIZE - 10));
  const dataSet = dataSetOf(file);
  assert.deepEqual(shownChildren(dataSet, file, options).map((node) => node.id), childNodes(dataSet, file, options).map((node) => node.id));
});

test('a frame of a million fragments opens on two ranges of ranges, never more than 1,000 items at a level', () => {
  const file = parseDicomBytes(manyFragmentsFrame(1_000_500));
  const pixelData = childNodes(dataSetOf(file), file, options).find((node) => node.element?.tag === '7FE00010')!;
  const top = shownChildren(pixelData, file, options);
  assert.equal(top.length, 2);
  const second = shownChildren(top[0], file, options);
  assert.equal(second.length, 1000);
  assert.ok(second.every((node) => node.kind === 'range' && node.rangeEnd! - node.rangeStart! === 1000));
  const leaves = shownChildren(second[3], file, options);
  assert.equal(leaves.length, 1000);
  // The Basic Offset Table comes first among the children, so range 3 starts at Fragment 2999.
  assert.equal(nodeLabel(leaves[0], file, textOptions).split(' (')[0], 'Fragment 2999');
  assert.equal(shownChildren(top[1], file, options).length, 502);
});

test('go to offset and reveal by id reach an element through its range, every parent listing its child', () => {
  const file = parseDicomBytes(manyTinyElements(5000));
  const all = childNodes(dataSetOf(file), file, options);
  const target = all[3456];
  const found = deepestNodeAtOffset(file, target.offset + 2, options)!;
  assert.equal(found.id, target.id);
  assert.equal(found.parent?.kind, 'range');
  const byId = shownNodeById(target.id, file, options)!;
  for (let node: TagNode = byId; node.parent; node = node.parent) {
    assert.ok(shownChildren(node.parent, file, options).some((child) => child.id === node.id), `${node.parent.id} lists ${node.id}`);
  }
});

test('under a filter the ranges are made of the matching elements', () => {
  const file = parseDicomBytes(manyTinyElements(3000));
  const filter = buildFilter(file, 'BENCH', options);
  const dataSet = dataSetOf(file);
  const shown = shownChildren(dataSet, file, options, (parent, children) => filterChildren(parent, children, filter));
  // Every private element names its creator "BENCH"; Modality (0008,0060) alone does not match.
  const matching = childNodes(dataSet, file, options).filter((node) => filter.visible.has(node.id));
  assert.equal(matching.length, 3012);
  assert.deepEqual(shown.map((range) => [range.rangeStart, range.rangeEnd]), [[0, 1000], [1000, 2000], [2000, 3000], [3000, 3012]]);
  assert.equal(shown[0].offset, matching[0].offset);
  assert.notEqual(matching[0].element?.tag, '00080060');
});
