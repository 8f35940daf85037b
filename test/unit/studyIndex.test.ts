import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstanceSummary } from '../../src/core/explorer/instanceSummary';
import { orderSeries } from '../../src/core/explorer/seriesOrder';
import { StudyIndex } from '../../src/core/explorer/studyIndex';

function summary(source: string, overrides: Partial<InstanceSummary> = {}): InstanceSummary {
  return {
    source, size: 1000, patientId: 'P1', patientName: 'Alpha^Ann', birthDate: '', sex: '', studyUid: '1.2.3', studyDate: '20240131',
    studyTime: '', studyDescription: '', accessionNumber: '', seriesUid: '1.2.3.4', seriesNumber: 1, seriesDescription: '', modality: 'CT',
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUid: `1.2.3.4.${source}`, instanceNumber: null, position: null, orientation: null,
    frames: 1, offsets: {}, ...overrides,
  };
}

test('a series is stacked along the slice normal when all instances share an orientation, whatever their numbers say', () => {
  // Axial slices (normal +z) with instance numbers in the opposite order and z out of order.
  const axial = [1, 0, 0, 0, 1, 0];
  const slices = [[3, 30], [1, 10], [2, 20]].map(([n, z]) => summary(`s${z}`, { instanceNumber: 10 - n, position: [0, 0, z], orientation: axial }));
  const order = orderSeries(slices);
  assert.equal(order.by, 'position');
  assert.deepEqual(order.instances.map((s) => s.source), ['s10', 's20', 's30']);
  // A sagittal series (normal −x for this orientation) sorts by x through the same rule.
  const sagittal = [0, 1, 0, 0, 0, -1];
  const x = [5, -5, 0].map((v) => summary(`x${v}`, { position: [v, 0, 0], orientation: sagittal }));
  assert.deepEqual(orderSeries(x).instances.map((s) => s.source), ['x5', 'x0', 'x-5']);
});

test('without a shared orientation the Instance Number decides, and without that the file name', () => {
  const mixed = [summary('b', { instanceNumber: 2, position: [0, 0, 1], orientation: [1, 0, 0, 0, 1, 0] }), summary('a', { instanceNumber: 1, position: [0, 0, 2], orientation: [0, 1, 0, 0, 0, 1] })];
  assert.deepEqual(orderSeries(mixed), { by: 'instanceNumber', instances: [mixed[1], mixed[0]] });
  const bare = [summary('img10'), summary('img9')];
  assert.deepEqual(orderSeries(bare).instances.map((s) => s.source), ['img9', 'img10']);
  assert.equal(orderSeries(bare).by, 'source');
});

test('the index groups by patient, study and series, replaces a changed file and forgets removed ones', () => {
  const index = new StudyIndex();
  index.set(summary('a/1'));
  index.set(summary('a/2', { seriesUid: '9.9', seriesNumber: 2 }));
  index.set(summary('b/1', { patientId: 'P2', patientName: 'Beta^Bob', studyUid: '7.7' }));
  assert.deepEqual(index.patientList().map((p) => p.first.patientName), ['Alpha^Ann', 'Beta^Bob']);
  const study = [...index.patientList()[0].studies.values()][0];
  assert.deepEqual([...study.series.values()].map((s) => s.first.seriesNumber), [1, 2]);

  index.set(summary('a/1', { patientName: 'Alpha^Ann^Renamed' }));
  assert.equal(index.instanceCount, 3);
  index.delete('a/1');
  assert.equal(index.patientList()[0].first.source, 'a/2', 'the patient is described by a file that is still there');
  assert.equal(index.deleteUnder('a/'), 1);
  assert.deepEqual(index.patientList().map((p) => p.key), ['id:P2']);
});

test('an instance is found by its SOP Instance UID while its file is indexed, and not after it leaves', () => {
  const index = new StudyIndex();
  index.set(summary('a/1', { sopInstanceUid: '1.2.99' }));
  index.set(summary('a/2', { sopInstanceUid: '1.2.98' }));
  assert.equal(index.findInstance('1.2.98')?.source, 'a/2');
  assert.equal(index.findInstance('1.2.97'), undefined);
  index.delete('a/2');
  assert.equal(index.findInstance('1.2.98'), undefined);
});
