import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseSelector,
  parseSelectorList,
  resolveSelector,
  resolveFirst,
  formatElementPath,
  findElementPath,
  SelectorSyntaxError,
  lastTopLevelTag,
} from '../../src/core/query';
import { el, seq } from './queryHelpers';

const thickness = el('00180050', 'SliceThickness', 'DS', '1.25');
const spacing = el('00280030', 'PixelSpacing', 'DS', ['0.5', '0.5']);
const privateValue = el('00291010', null, 'UN', null, { privateCreator: 'SIEMENS CSA HEADER' });
const frame0 = el('00209157', 'DimensionIndexValues', 'UL', [1, 1]);
const frame1 = el('00209157', 'DimensionIndexValues', 'UL', [1, 2]);
const overlay = el('60020010', 'OverlayRows', 'US', 512);
const dataSet = [
  el('00080060', 'Modality', 'CS', 'CT'),
  el('00189345', 'CTDIvol', 'FD', 12.5),
  privateValue,
  seq('52009229', 'SharedFunctionalGroupsSequence', [[seq('00289110', 'PixelMeasuresSequence', [[thickness, spacing]])]]),
  seq('52009230', 'PerFrameFunctionalGroupsSequence', [
    [seq('00209111', 'FrameContentSequence', [[frame0]])],
    [seq('00209111', 'FrameContentSequence', [[frame1]])],
  ]),
  overlay,
];

test('a keyword, the three tag spellings and a private tag resolve to their elements', () => {
  assert.equal(resolveFirst(dataSet, parseSelector('Modality'))?.value, 'CT');
  for (const text of ['(0018,9345)', '0018,9345', '00189345', '(0018,9345)'.toLowerCase()]) {
    assert.equal(resolveFirst(dataSet, parseSelector(text))?.value, 12.5, text);
  }
  assert.equal(resolveFirst(dataSet, parseSelector('(0029,1010)')), privateValue);
  assert.equal(resolveFirst(dataSet, parseSelector('PatientName')), undefined);
});

test('sequence paths descend through the items they name', () => {
  const path = 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness';
  assert.equal(resolveFirst(dataSet, parseSelector(path)), thickness);
  assert.equal(resolveFirst(dataSet, parseSelector('(5200,9229)[0].(0028,9110).PixelSpacing')), spacing);
  assert.equal(resolveFirst(dataSet, parseSelector('PerFrameFunctionalGroupsSequence[1].FrameContentSequence[0].DimensionIndexValues')), frame1);
  assert.deepEqual(resolveSelector(dataSet, parseSelector('PerFrameFunctionalGroupsSequence[*].FrameContentSequence.DimensionIndexValues')), [frame0, frame1]);
  assert.deepEqual(resolveSelector(dataSet, parseSelector('PerFrameFunctionalGroupsSequence[2].FrameContentSequence[0].DimensionIndexValues')), []);
  assert.deepEqual(resolveSelector(dataSet, parseSelector('Modality[0].SliceThickness')), []);
});

test('syntax errors name the offending step', () => {
  assert.throws(() => parseSelector(''), SelectorSyntaxError);
  assert.throws(() => parseSelector('SliceThickness[0]'), /takes no item index/);
  assert.throws(() => parseSelector('SharedFunctionalGroupsSequence..SliceThickness'), /neither a keyword nor a tag/);
  assert.throws(() => parseSelector('(0018,93G5)'), /"\(0018,93G5\)"/);
  assert.throws(() => parseSelector('Patient Name'), SelectorSyntaxError);
  assert.throws(() => parseSelector('SliceThicknes'), /not a keyword of the data dictionary/);
  assert.throws(() => parseSelector('OverlayRows'), /not a keyword/);
});

test('selector lists keep commas inside tags and canonicalise spellings', () => {
  const list = parseSelectorList('PatientID, (0018,9345),00291010,\nSharedFunctionalGroupsSequence.PixelMeasuresSequence.SliceThickness');
  assert.deepEqual(list.map((s) => s.text), [
    'PatientID',
    '(0018,9345)',
    '(0029,1010)',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness',
  ]);
  assert.deepEqual(list.map((s) => s.source).slice(1, 3), ['(0018,9345)', '00291010']);
});

test('formatElementPath uses keywords, tags for private and repeating groups, and round-trips', () => {
  for (const target of [thickness, spacing, frame1, privateValue, overlay]) {
    const steps = findElementPath(dataSet, target);
    assert.ok(steps);
    const text = formatElementPath(steps);
    assert.equal(resolveFirst(dataSet, parseSelector(text)), target, text);
  }
  assert.equal(formatElementPath(findElementPath(dataSet, thickness)!), 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness');
  assert.equal(formatElementPath(findElementPath(dataSet, privateValue)!), '(0029,1010)');
  assert.equal(formatElementPath(findElementPath(dataSet, overlay)!), '(6002,0010)');
  assert.equal(findElementPath(dataSet, el('00100010', 'PatientName', 'PN', 'X')), null);
});

test('lastTopLevelTag is the greatest first step of the selectors', () => {
  const selectors = ['PatientID', 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness', '(0020,0013)'].map(parseSelector);
  assert.equal(lastTopLevelTag(selectors), '52009229');
  assert.equal(lastTopLevelTag([]), undefined);
});
