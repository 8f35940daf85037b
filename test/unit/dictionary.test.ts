import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupTag, tagForKeyword, implicitVr, dictionaryEdition } from '../../src/core/dictionary/dataDictionary';

test('public tags carry keyword, name, VR, VM and retired flag', () => {
  assert.deepEqual(lookupTag(0x00080016), { keyword: 'SOPClassUID', name: 'SOP Class UID', vr: 'UI', vm: '1', retired: false });
  assert.equal(lookupTag(0x00100010)?.keyword, 'PatientName');
  assert.equal(lookupTag(0x00280030)?.vm, '2');
});

test('file meta and directory groups come from the tables outside Table 6-1', () => {
  assert.equal(lookupTag(0x00020010)?.keyword, 'TransferSyntaxUID');
  assert.equal(lookupTag(0x00041220)?.vr, 'SQ');
  assert.equal(tagForKeyword('FileMetaInformationGroupLength'), 0x00020000);
});

test('repeating groups match by mask', () => {
  assert.equal(lookupTag(0x60003000)?.keyword, 'OverlayData');
  assert.equal(lookupTag(0x601e3000)?.keyword, 'OverlayData');
  assert.equal(lookupTag(0x50020010)?.keyword?.length ? true : false, true);
  assert.equal(lookupTag(0x60013000), undefined, 'odd group 6001 is private, not an overlay');
});

test('group lengths, private creators and unknown private tags', () => {
  assert.equal(lookupTag(0x00080000)?.keyword, 'GenericGroupLength');
  assert.equal(lookupTag(0x00290010)?.keyword, 'PrivateCreator');
  assert.equal(lookupTag(0x00291010), undefined);
});

test('implicit VR resolution', () => {
  assert.equal(implicitVr(0x7fe00010), 'OW');
  assert.equal(implicitVr(0x00281101), 'US');
  assert.equal(implicitVr(0x00081115), 'SQ');
  assert.equal(implicitVr(0x00291010), 'UN');
  assert.equal(implicitVr(0xfffee000), 'UN');
  assert.match(dictionaryEdition, /^20\d\d[a-e]$/);
});
