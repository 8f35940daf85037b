import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePattern } from '../../src/core/sort/pattern';
import { buildSortPlan, SortPlanBuilder, suffixedTarget, type SortInput } from '../../src/core/sort/plan';
import { formatPreview } from '../../src/core/sort/preview';
import { formatManifest, MANIFEST_NAME } from '../../src/core/sort/manifest';

function dicom(source: string, map: Record<string, string>): SortInput {
  return { kind: 'dicom', source, values: (s) => map[s] ?? null };
}

const pattern = parsePattern('{PatientID}/{SeriesDescription}/{InstanceNumber:03}.dcm');

test('colliding names are grouped, case-insensitively, in source order', () => {
  const plan = buildSortPlan(
    [
      dicom('b.dcm', { PatientID: 'P', SeriesDescription: 'T1', InstanceNumber: '1', SOPInstanceUID: '1.1' }),
      dicom('a.dcm', { PatientID: 'P', SeriesDescription: 't1', InstanceNumber: '1', SOPInstanceUID: '1.1' }),
      dicom('c.dcm', { PatientID: 'P', SeriesDescription: 'T1', InstanceNumber: '2', SOPInstanceUID: '1.2' }),
      { kind: 'skipped', source: 'notes.txt', reason: 'no DICM prefix' },
    ],
    pattern,
    { clean: false },
  );
  assert.deepEqual(
    plan.files.map((f) => [f.source, f.target, f.rank]),
    [
      ['a.dcm', 'P/t1/001.dcm', 0],
      ['b.dcm', 'P/t1/001.dcm', 1],
      ['c.dcm', 'P/T1/002.dcm', 0],
    ],
  );
  assert.deepEqual(plan.collisions, [{ target: 'P/t1/001.dcm', sources: ['a.dcm', 'b.dcm'] }]);
  assert.deepEqual(plan.duplicateSopInstanceUids, [{ uid: '1.1', sources: ['a.dcm', 'b.dcm'] }]);
  assert.deepEqual(plan.counts, { patients: 1, studies: 1, series: 1, files: 3, skipped: 1 });
  const preview = formatPreview(plan).join('\n');
  assert.match(preview, /1 patient, 1 study, 1 series, 3 DICOM files; 1 file skipped as non-DICOM/);
  assert.match(preview, /P\/t1\/001.dcm <- a.dcm, b.dcm/);
  assert.match(preview, /001~2.dcm/);
  assert.match(preview, /notes.txt: no DICM prefix/);
});

test('the plan does not depend on input order', () => {
  const inputs = Array.from({ length: 20 }, (_, i) => dicom(`f${i}`, { PatientID: String(i % 3), InstanceNumber: String(i % 4) }));
  const a = buildSortPlan(inputs, pattern);
  const b = buildSortPlan([...inputs].reverse(), pattern);
  assert.deepEqual(a, b);
});

test('a file aimed at the manifest name gets a suffix', () => {
  const p = parsePattern('{PatientID}.csv');
  const plan = buildSortPlan([dicom('x', { PatientID: 'dicom-sort-manifest' })], p, { clean: false, reserved: [MANIFEST_NAME] });
  assert.equal(plan.files[0].rank, 1);
  assert.equal(suffixedTarget(plan.files[0].target, plan.files[0].rank + 1), 'dicom-sort-manifest~2.csv');
});

test('a folder aimed at the manifest name, in any case, gets a leading _; deeper folders of that name are fine', () => {
  const p = parsePattern('{PatientID}/{StudyID}/{SOPInstanceUID}.dcm');
  const plan = buildSortPlan(
    [dicom('a', { PatientID: 'dicom-sort-manifest.csv', StudyID: 'dicom-sort-manifest.csv', SOPInstanceUID: '1' }), dicom('b', { PatientID: 'DICOM-SORT-MANIFEST.CSV', StudyID: 's', SOPInstanceUID: '2' })],
    p,
    { clean: false, reserved: [MANIFEST_NAME] },
  );
  assert.deepEqual(plan.files.map((f) => f.target), ['_dicom-sort-manifest.csv/dicom-sort-manifest.csv/1.dcm', '_DICOM-SORT-MANIFEST.CSV/s/2.dcm']);
});

test('suffixes go before the extension, or at the end without one', () => {
  assert.equal(suffixedTarget('a/b/c.dcm', 2), 'a/b/c~2.dcm');
  assert.equal(suffixedTarget('a.b/c', 3), 'a.b/c~3');
  assert.equal(suffixedTarget('a/c.dcm', 1), 'a/c.dcm');
});

test('manifest rows are RFC 4180 and neutralise formulas', () => {
  const text = formatManifest([
    { source: "=cmd|'/C calc'!A0.dcm", target: 'a/b.dcm', status: 'copied', reason: '' },
    { source: 'x,"y".txt', target: '', status: 'skipped', reason: 'not DICOM' },
  ]);
  assert.equal(
    text,
    '\uFEFFsource,target,status,reason\r\n' + "'=cmd|'/C calc'!A0.dcm,a/b.dcm,copied,\r\n" + '"x,""y"".txt",,skipped,not DICOM\r\n',
  );
});

test('a plan built file by file as files arrive is the same for every arrival order', () => {
  // Case-only differences in one group (the first source's spelling must win whatever arrives
  // first), repeated SOP Instance UIDs, skipped files, and a folder aimed at the manifest's name.
  const inputs: SortInput[] = [
    dicom('d/4.dcm', { PatientID: 'p', SeriesDescription: 'T1', InstanceNumber: '1', SOPInstanceUID: '9' }),
    dicom('a/2.dcm', { PatientID: 'P', SeriesDescription: 't1', InstanceNumber: '1', SOPInstanceUID: '9' }),
    dicom('c/1.dcm', { PatientID: 'P', SeriesDescription: 'T1', InstanceNumber: '1', SOPInstanceUID: '7' }),
    dicom('b/3.dcm', { PatientID: 'Q', SeriesDescription: 'T2', InstanceNumber: '5', SOPInstanceUID: '7' }),
    dicom('e/5.dcm', { PatientID: MANIFEST_NAME, SeriesDescription: 'T2', InstanceNumber: '5' }),
    { kind: 'skipped', source: 'z.txt', reason: 'no DICM prefix' },
    { kind: 'skipped', source: 'link', reason: 'outside', linkTarget: '/elsewhere' },
  ];
  const expected = buildSortPlan(inputs, pattern, { clean: false, reserved: [MANIFEST_NAME] });
  assert.deepEqual(
    expected.files.map((f) => [f.source, f.target, f.rank]),
    [
      ['e/5.dcm', '_dicom-sort-manifest.csv/T2/005.dcm', 0],
      ['a/2.dcm', 'P/t1/001.dcm', 0],
      ['c/1.dcm', 'P/t1/001.dcm', 1],
      ['d/4.dcm', 'P/t1/001.dcm', 2],
      ['b/3.dcm', 'Q/T2/005.dcm', 0],
    ],
  );
  assert.deepEqual(expected.duplicateSopInstanceUids, [
    { uid: '7', sources: ['b/3.dcm', 'c/1.dcm'] },
    { uid: '9', sources: ['a/2.dcm', 'd/4.dcm'] },
  ]);
  assert.deepEqual(expected.skipped.map((s) => s.source), ['link', 'z.txt']);
  const permutations = (items: readonly SortInput[]): SortInput[][] =>
    items.length <= 1 ? [[...items]] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
  for (const order of permutations(inputs)) {
    const builder = new SortPlanBuilder(pattern, { clean: false, reserved: [MANIFEST_NAME] });
    for (const input of order) builder.add(input);
    assert.deepEqual(builder.finish(), expected, order.map((i) => i.source).join(' '));
  }
});
