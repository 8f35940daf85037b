import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupTag, tagForKeyword, implicitVr, dictionaryEdition, standardRows } from '../../src/core/dictionary/dataDictionary';
import { pydicomJson, requirePydicom } from '../support/pydicom';

/** An HTML character reference ("&#x27;", "&amp;"); a literal "&" as in "Window Center & Width" is fine. */
const HTML_ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/i;

test('public tags carry keyword, name, VR, VM and retired flag', () => {
  assert.deepEqual(lookupTag(0x00080016), { keyword: 'SOPClassUID', name: 'SOP Class UID', vr: 'UI', vm: '1', retired: false });
  assert.equal(lookupTag(0x00100010)?.keyword, 'PatientName');
  assert.equal(lookupTag(0x00100010)?.name, "Patient's Name");
  assert.equal(lookupTag(0x00280030)?.vm, '2');
  assert.equal(lookupTag(0x00080001)?.retired, true);
});

test('elements added after the 2019 editions are known', () => {
  // Acquisition UID, Pyramid UID and Synthetic Data came with supplements of 2020 and later.
  assert.equal(lookupTag(0x00080017)?.keyword, 'AcquisitionUID');
  assert.equal(lookupTag(0x00080019)?.keyword, 'PyramidUID');
  assert.equal(lookupTag(0x0008001c)?.vr, 'CS');
});

test('file meta and directory groups come from the tables outside Table 6-1', () => {
  assert.equal(lookupTag(0x00020010)?.keyword, 'TransferSyntaxUID');
  assert.equal(lookupTag(0x00041220)?.vr, 'SQ');
  assert.equal(tagForKeyword('FileMetaInformationGroupLength'), 0x00020000);
  assert.equal(lookupTag(0xfffee0dd)?.keyword, 'SequenceDelimitationItem');
});

test('repeating groups match by mask', () => {
  assert.equal(lookupTag(0x60003000)?.keyword, 'OverlayData');
  assert.equal(lookupTag(0x601e3000)?.keyword, 'OverlayData');
  assert.equal(lookupTag(0x50020010)?.keyword, 'NumberOfPoints');
  assert.equal(lookupTag(0x60013000), undefined, 'odd group 6001 is private, not an overlay');
  assert.equal(lookupTag(0x00203102)?.keyword, 'SourceImageIDs');
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
  assert.equal(dictionaryEdition, '2024e/2025a');
});

test('no name or keyword carries an HTML entity', () => {
  assert.ok(standardRows().length > 5000);
  const withEntity = standardRows().filter((row) => HTML_ENTITY.test(row));
  assert.deepEqual(withEntity, []);
  assert.equal(lookupTag(0x00281055)?.name, 'Window Center & Width Explanation');
});

/**
 * Where our rows (the standard's web edition of January 2025) and pydicom 2.3.1 (Debian; PS3.6
 * of 2022) differ, field by field, and why. Everything else must agree.
 */
const KNOWN_DIFFERENCES = new Map<string, string>([
  // Retired by editions after 2022 (pydicom 2.3.1 predates them).
  ...['30040010', '30040012', '30060085', '30060088', '30100090', '00380004', '00701807', '00701808', '3008002B'].map(
    (tag): [string, string] => [`${tag} retired`, 'retired after 2022'],
  ),
  // PS3.6 lists these as current; pydicom marks them retired (DCMTK's dicom.dic agrees with PS3.6).
  ['213000A0 retired', 'current in PS3.6'],
  ['213000C0 retired', 'current in PS3.6'],
  // The standard writes µ; pydicom spells it u.
  ['00181153 name', 'µ'],
  ['00188150 name', 'µ'],
  ['00188151 name', 'µ'],
  // Capitalisation changed in PS3.6 after 2022.
  ['52009230 name', 'Per-Frame'],
  // VM widened to 4-5 by a later correction proposal.
  ['00089007 vm', 'Frame Type 4-5'],
  // PS3.6 writes "1-n or 1" for these retired LUT data elements; pydicom shortens it.
  ['00281200 vm', '1-n or 1'],
  ['00283006 vm', '1-n or 1'],
]);

const PYDICOM_STANDARD = `
import json
from pydicom._dicom_dict import DicomDictionary
print(json.dumps({format(tag, '08X'): entry for tag, entry in DicomDictionary.items()}))
`;

test('names, keywords, VRs, VMs and retirement agree with pydicom wherever it knows the tag', (t) => {
  const python = requirePydicom(t);
  if (python === null) return;
  const theirs = pydicomJson<Record<string, [vr: string, vm: string, name: string, retired: string, keyword: string]>>(python, PYDICOM_STANDARD);
  const mismatches: string[] = [];
  let compared = 0;
  for (const [tag, [vr, vm, name, retired, keyword]] of Object.entries(theirs)) {
    // Group 0000 is the command set of PS3.7, which never appears in stored files; rows without
    // a keyword are withdrawn elements PS3.6 keeps as empty rows.
    if (tag.startsWith('0000') || keyword === '') continue;
    const ours = lookupTag(parseInt(tag, 16));
    compared++;
    if (!ours) {
      mismatches.push(`${tag} missing (${keyword})`);
      continue;
    }
    const differs = (field: string, mine: unknown, pydicom: unknown): void => {
      if (mine !== pydicom && !KNOWN_DIFFERENCES.has(`${tag} ${field}`)) mismatches.push(`${tag} ${field}: ours ${JSON.stringify(mine)}, pydicom ${JSON.stringify(pydicom)}`);
    };
    differs('name', ours.name, name);
    differs('keyword', ours.keyword, keyword);
    differs('vr', ours.vr, vr);
    differs('vm', ours.vm, vm);
    differs('retired', ours.retired, retired === 'Retired');
  }
  assert.ok(compared > 4800, `only ${compared} tags compared`);
  assert.deepEqual(mismatches, []);
});
