import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lookupPrivate, privateVr } from '../../src/core/dictionary/privateDictionary';
import { PRIVATE_ROWS } from '../../src/core/dictionary/generated/privateTable';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { formatTextDump } from '../../src/core/dump/textDump';
import { TagCensus } from '../../src/core/csv/columns';
import type { DicomElement } from '../../src/core/model';
import { pydicomJson, requirePydicom } from '../support/pydicom';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/dicomparser');
const HTML_ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/i;

test('private elements are found by creator, whatever block the creator reserved', () => {
  assert.deepEqual(lookupPrivate('GEMS_IDEN_01', 0x0009, 0x1001), { name: 'Full fidelity', vr: 'LO', vm: '1' });
  assert.equal(lookupPrivate('SIEMENS CSA HEADER', 0x0029, 0x1010)?.name, 'CSA Image Header Info');
  assert.equal(lookupPrivate('SIEMENS CSA HEADER', 0x0029, 0x1120)?.name, 'CSA Series Header Info');
  assert.equal(lookupPrivate('Philips MR Imaging DD 001', 0x2005, 0x100e)?.vr, 'FL');
  assert.equal(privateVr('SIEMENS CSA HEADER', 0x0029, 0x1010), 'OB');
  assert.equal(lookupPrivate('GEMS_IDEN_01', 0x0011, 0x1001), undefined, 'another group');
  assert.equal(lookupPrivate('NO SUCH CREATOR', 0x0009, 0x1001), undefined);
  assert.equal(lookupPrivate('constructor', 0x0009, 0x1001), undefined, 'creator names are data, not object keys');
});

test('repeating private groups and DCMTK-only creators', () => {
  // pydicom's "60xxxx10": any odd group of the 60xx range.
  assert.equal(lookupPrivate('PAPYRUS 3.0', 0x6003, 0x1010)?.name, 'Overlay Rows');
  // Only DCMTK's private.dic knows its own anonymizer's elements.
  assert.equal(lookupPrivate('DCMTK_ANONYMIZER', 0x0009, 0x1010)?.vr, 'UI');
  // pydicom's "OB_OW" is read as OB or OW, and a value of that VR as OW.
  assert.equal(lookupPrivate('TOSHIBA_MEC_OT3', 0x7019, 0x1080)?.vr, 'OB or OW');
  assert.equal(privateVr('TOSHIBA_MEC_OT3', 0x7019, 0x1180), 'OW');
  // pydicom's "00190001" names one element only, not the same element of another block.
  assert.equal(lookupPrivate('PMTF INFORMATION DATA^10', 0x0019, 0x0001)?.vr, 'UL');
  assert.equal(lookupPrivate('PMTF INFORMATION DATA^10', 0x0019, 0x1001), undefined);
});

test('no private name carries an HTML entity', () => {
  const creators = Object.keys(PRIVATE_ROWS);
  assert.ok(creators.length > 400, `${creators.length} creators`);
  const bad = Object.entries(PRIVATE_ROWS).flatMap(([creator, rows]) => [creator, ...rows.split('\n')].filter((text) => HTML_ENTITY.test(text)));
  assert.deepEqual(bad, []);
});

const PYDICOM_LOOKUP = `
import json, sys
from pydicom.datadict import get_private_entry
out = []
for creator, tag in json.load(sys.stdin):
    vr, vm, name, retired = get_private_entry(tag, creator)
    out.append([vr.replace('OB_OW', 'OB or OW'), vm, name])
print(json.dumps(out))
`;

const PYDICOM_KEYS = `
import json
from pydicom._private_dict import private_dictionaries
print(json.dumps({creator: list(entries) for creator, entries in private_dictionaries.items()}))
`;

/** A tag that a key such as "0019xx10", "60xxxx10" or "00190001" names, in block 0x10. */
function concreteTag(key: string): number | null {
  if (/^[0-9a-f]{8}$/.test(key)) return parseInt(key, 16);
  if (/^[0-9a-f]{4}xx[0-9a-f]{2}$/.test(key)) return parseInt(key.slice(0, 4) + '10' + key.slice(6), 16);
  if (/^[0-9a-f]{2}xxxx[0-9a-f]{2}$/.test(key)) return parseInt(key.slice(0, 2) + '0110' + key.slice(6), 16);
  return null;
}

test('every private element of pydicom has pydicom\'s name, VR and VM', (t) => {
  const python = requirePydicom(t);
  if (python === null) return;
  const keys = pydicomJson<Record<string, string[]>>(python, PYDICOM_KEYS);
  const queries: [string, number][] = [];
  for (const [creator, list] of Object.entries(keys)) {
    for (const key of list) {
      const tag = concreteTag(key.toLowerCase());
      if (tag !== null) queries.push([creator, tag]);
    }
  }
  const answers = pydicomJson<[string, string, string][]>(python, PYDICOM_LOOKUP, queries);
  const mismatches: string[] = [];
  queries.forEach(([creator, tag], i) => {
    const ours = lookupPrivate(creator, tag >>> 16, tag & 0xffff);
    const [vr, vm, name] = answers[i];
    const text = `${creator} ${tag.toString(16).padStart(8, '0')}`;
    if (!ours) mismatches.push(`${text} missing`);
    else if (ours.name !== name || ours.vr !== vr || ours.vm !== vm) mismatches.push(`${text}: ours ${JSON.stringify(ours)}, pydicom ${JSON.stringify([vr, vm, name])}`);
  });
  assert.ok(queries.length > 9000, `only ${queries.length} private elements compared`);
  assert.deepEqual(mismatches, []);
});

const PYDICOM_PRIVATE_ELEMENTS = `
import json, sys
import pydicom
ds = pydicom.dcmread(sys.argv[1], stop_before_pixels=True)
out = []
for elem in ds:
    if elem.tag.is_private and elem.private_creator:
        out.append([format(elem.tag, '08X'), elem.private_creator, elem.name, elem.VR])
print(json.dumps(out))
`;

for (const name of ['CT1_UNC.explicit_little_endian.dcm', 'CT1_UNC.implicit_little_endian.dcm']) {
  test(`private elements of ${name} are named and typed as pydicom reads them`, (t) => {
    const python = requirePydicom(t);
    if (python === null) return;
    const file = path.join(CORPUS, name);
    if (!existsSync(file)) {
      if (process.env.CI) throw new Error(`corpus file ${file} is missing`);
      t.skip('the shared corpus is not beside the checkout');
      return;
    }
    const ours = new Map<string, DicomElement>(parseDicomBytes(readFileSync(file)).dataSet.map((element) => [element.tag, element]));
    const theirs = pydicomJson<[tag: string, creator: string, name: string, vr: string][]>(python, `import sys; sys.argv = ['', ${JSON.stringify(file)}]\n${PYDICOM_PRIVATE_ELEMENTS}`);
    assert.ok(theirs.length > 50, `${theirs.length} private elements`);
    const mismatches: string[] = [];
    for (const [tag, creator, pydicomName, vr] of theirs) {
      const element = ours.get(tag);
      // pydicom names a private element "[name]", or "Private tag data" when its dictionary lacks it.
      const expected = pydicomName === 'Private tag data' ? null : pydicomName.replace(/^\[(.*)\]$/, '$1');
      if (element?.privateCreator !== creator || element.name !== expected || element.vr !== vr) {
        mismatches.push(`${tag}: ours ${JSON.stringify([element?.privateCreator, element?.name, element?.vr])}, pydicom ${JSON.stringify([creator, expected, vr])}`);
      }
    }
    assert.deepEqual(mismatches, []);
    // The labels the dump and the CSV headings show.
    const dump = formatTextDump(parseDicomBytes(readFileSync(file)));
    assert.match(dump.split('\n')[0], /, dictionary 2024e\/2025a$/);
    assert.match(dump, /^0x[0-9A-F]+  \(0009,1001\) LO +14  \[GEMS_IDEN_01\] Full fidelity  GE_GENESIS_FF$/m);
    const census = new TagCensus();
    census.add(parseDicomBytes(readFileSync(file)).dataSet);
    const headings = census.summaries().map((summary) => summary.heading);
    assert.ok(headings.includes('(0009,1001) [GEMS_IDEN_01] Full fidelity'), headings.join(', '));
  });
}
