/** The series view of differences on a series written by the project's writer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seriesVariation, formatSeriesVariation } from '../../src/core/diff/seriesVariation';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { baseElements, edit, written } from '../support/dicomPairs';

function instance(n: number) {
  let elements = edit(baseElements(), { set: { tag: 0x00200013, vr: 'IS', value: String(n) } });
  elements = edit(elements, { set: { tag: 0x00201041, vr: 'DS', value: (n * 2.5).toFixed(1) } });
  elements = edit(elements, { set: { tag: 0x00080018, vr: 'UI', value: `1.2.3.4.${n}` } });
  if (n === 3) elements = edit(elements, { set: { tag: 0x00181030, vr: 'LO', value: 'only in three' } });
  return { name: `file${10 - n}.dcm`, file: parseDicomBytes(written(elements)) };
}

test('attributes that vary across instances, with distinct counts, first and last by Instance Number', () => {
  // Names in the reverse order of instance numbers: the order must come from Instance Number.
  const series = [instance(4), instance(1), instance(3), instance(2)];
  const variation = seriesVariation(series, { ignoreMeta: true });
  assert.equal(variation.instances, 4);
  const byPath = new Map(variation.varying.map((v) => [v.path, v]));
  assert.deepEqual([...byPath.keys()], ['00080018', '00181030', '00200013', '00201041']);
  assert.deepEqual(byPath.get('00201041'), { path: '00201041', keyword: 'SliceLocation', distinct: 4, present: 4, first: '2.5', last: '10.0' });
  assert.deepEqual(byPath.get('00181030'), { path: '00181030', keyword: 'ProtocolName', distinct: 2, present: 1, first: null, last: null });
  assert.ok(variation.constant > 15);
  assert.equal(seriesVariation(series, { ignoreMeta: true, ignoreUids: true }).varying.length, 3);
  const table = formatSeriesVariation(variation);
  assert.match(table, /^\| 00201041 \| SliceLocation \| 4 \| 4 of 4 \| 2\.5 \| 10\.0 \|$/m);
  assert.match(table, /^\| 00181030 \| ProtocolName \| 2 \| 1 of 4 \| \(absent\) \| \(absent\) \|$/m);
});
