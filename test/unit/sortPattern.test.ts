import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SORT_PATTERN, parsePattern, PatternSyntaxError } from '../../src/core/sort/pattern';
import { renderTarget } from '../../src/core/sort/render';

const values = (map: Record<string, string>) => (selector: string) => map[selector] ?? null;

test('the default pattern reads the attributes of the pydicom script', () => {
  const p = parsePattern(DEFAULT_SORT_PATTERN);
  assert.deepEqual(p.attributes, ['PatientID', 'StudyDate', 'StudyDescription', 'SeriesDescription', 'Modality', 'SeriesInstanceUID', 'InstanceNumber']);
  assert.equal(p.components.length, 5);
  const target = renderTarget(p, values({
    PatientID: 'PAT 1', StudyDate: '20240102', StudyDescription: 'Head CT, w/o', SeriesDescription: 'Axial 5.0',
    Modality: 'CT', SeriesInstanceUID: '1.2.3', InstanceNumber: '7',
  }));
  assert.deepEqual(target, ['pat_1', '20240102', 'head_ct__w_o', 'axial_5_0', 'ct_1_2_3_7.dcm']);
});

test('zero padding, fallbacks and literal fallbacks', () => {
  const p = parsePattern('{SeriesDescription|SeriesNumber|NA}/{InstanceNumber:04}.dcm');
  assert.deepEqual(renderTarget(p, values({ SeriesDescription: 'T1', InstanceNumber: '7' })), ['t1', '0007.dcm']);
  assert.deepEqual(renderTarget(p, values({ SeriesDescription: '  ', SeriesNumber: '3', InstanceNumber: '-7' })), ['3', '-007.dcm']);
  assert.deepEqual(renderTarget(p, values({ InstanceNumber: '12345' })), ['na', '12345.dcm']);
  const quoted = parsePattern('{SeriesDescription|"No series"}/{SOPInstanceUID}');
  assert.deepEqual(renderTarget(quoted, values({ SOPInstanceUID: '1.2' }), { clean: false }), ['No_series', '1.2']);
});

test('a missing value without fallback becomes NA, as in the script', () => {
  const p = parsePattern('{PatientID}/{SOPInstanceUID}.dcm');
  assert.deepEqual(renderTarget(p, values({}), { clean: false }), ['NA', 'NA.dcm']);
});

test('cleaning can be turned off; safety cannot', () => {
  const p = parsePattern('{StudyDescription}/{SOPInstanceUID}.dcm');
  const v = values({ StudyDescription: 'Head CT', SOPInstanceUID: '1.2.3' });
  assert.deepEqual(renderTarget(p, v, { clean: false }), ['Head_CT', '1.2.3.dcm']);
  assert.deepEqual(renderTarget(p, v), ['head_ct', '1_2_3.dcm']);
});

test('tags and sequence paths are accepted as placeholders', () => {
  const p = parsePattern('{(0010,0020)}/{ReferencedStudySequence[0].ReferencedSOPInstanceUID|NONE}');
  assert.deepEqual(p.attributes, ['(0010,0020)', 'ReferencedStudySequence[0].ReferencedSOPInstanceUID']);
});

test('misspelt keywords are errors, except as the last fallback, where they are text', () => {
  assert.throws(() => parsePattern('{PatientsID}'), /not a keyword/);
  assert.throws(() => parsePattern('{PatientsID|PatientID}'), /not a keyword/);
  const p = parsePattern('{PatientID|Unknown}');
  const part = p.components[0][0];
  assert.ok(part.type === 'placeholder' && part.terms[1].kind === 'literal');
});

test('syntax errors say what is wrong', () => {
  for (const bad of ['', '{PatientID', 'PatientID}', '{PatientID}//x', '/{PatientID}', '{PatientID}/../x', 'fixed/name.dcm', '{InstanceNumber:4x}', '{|PatientID}']) {
    assert.throws(() => parsePattern(bad), PatternSyntaxError, bad);
  }
});

test('backslashes separate components like slashes', () => {
  assert.equal(parsePattern('{PatientID}\\{SOPInstanceUID}').components.length, 2);
});
