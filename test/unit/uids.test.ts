import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pydicomJson, requirePydicom } from '../support/pydicom';
import {
  allUids,
  isTransferSyntax,
  keywordFromName,
  lookupUid,
  transferSyntax,
} from '../../src/core/dictionary/uids';

test('storage SOP classes carry the names of PS3.6', () => {
  const expected: Record<string, string> = {
    '1.2.840.10008.5.1.4.1.1.2': 'CT Image Storage',
    '1.2.840.10008.5.1.4.1.1.2.1': 'Enhanced CT Image Storage',
    '1.2.840.10008.5.1.4.1.1.4': 'MR Image Storage',
    '1.2.840.10008.5.1.4.1.1.4.1': 'Enhanced MR Image Storage',
    '1.2.840.10008.5.1.4.1.1.88.11': 'Basic Text SR Storage',
    '1.2.840.10008.5.1.4.1.1.88.22': 'Enhanced SR Storage',
    '1.2.840.10008.5.1.4.1.1.88.33': 'Comprehensive SR Storage',
    '1.2.840.10008.5.1.4.1.1.481.5': 'RT Plan Storage',
    '1.2.840.10008.5.1.4.1.1.7': 'Secondary Capture Image Storage',
    '1.2.840.10008.1.3.10': 'Media Storage Directory Storage',
  };
  for (const [uid, name] of Object.entries(expected)) {
    const entry = lookupUid(uid);
    assert.ok(entry, uid);
    assert.equal(entry.name, name);
    assert.equal(entry.type, 'SOP Class');
    assert.equal(entry.retired, false);
  }
  assert.equal(lookupUid('1.2.840.10008.5.1.4.1.1.2')?.keyword, 'CTImageStorage');
  assert.equal(lookupUid('1.2.840.10008.5.1.4.1.1.9.1.1')?.keyword, 'TwelveLeadECGWaveformStorage');
  assert.equal(lookupUid('1.2.840.10008.5.1.4.1.1.6')?.retired, true);
});

test('other well-known UIDs have their types', () => {
  assert.deepEqual(lookupUid('1.2.840.10008.1.1'), {
    uid: '1.2.840.10008.1.1', name: 'Verification SOP Class', keyword: 'Verification', type: 'SOP Class', retired: false,
  });
  assert.equal(lookupUid('1.2.840.10008.3.1.1.1')?.type, 'Application Context Name');
  assert.equal(lookupUid('1.2.840.10008.2.16.4')?.keyword, 'DCM');
  assert.equal(lookupUid('1.2.840.10008.2.16.4')?.type, 'Coding Scheme');
  assert.equal(lookupUid('1.2.840.10008.5.1.4.31')?.keyword, 'ModalityWorklistInformationModelFind');
  assert.equal(lookupUid('1.2.840.10008.1.20.1.1')?.type, 'Well-known SOP Instance');
  assert.equal(lookupUid('1.2.840.10008.1.4.1.1')?.type, 'Well-known frame of reference');
  assert.equal(lookupUid('1.2.840.10008.15.0.3.1')?.name, 'dicomDeviceName');
  assert.equal(lookupUid('1.2.840.10008.15.0.4.8')?.name, 'dicomTransferCapability');
  assert.equal(lookupUid('1.2.3.4'), undefined);
});

test('transfer syntax properties', () => {
  assert.deepEqual(transferSyntax('1.2.840.10008.1.2.1'), {
    uid: '1.2.840.10008.1.2.1', name: 'Explicit VR Little Endian', keyword: 'ExplicitVRLittleEndian',
    type: 'Transfer Syntax', retired: false,
    explicitVr: true, littleEndian: true, deflated: false, encapsulated: false, pixels: 'native',
  });
  const implicit = transferSyntax('1.2.840.10008.1.2');
  assert.equal(implicit?.explicitVr, false);
  assert.equal(implicit?.littleEndian, true);
  const deflate = transferSyntax('1.2.840.10008.1.2.1.99');
  assert.equal(deflate?.deflated, true);
  assert.equal(deflate?.encapsulated, false);
  const bigEndian = transferSyntax('1.2.840.10008.1.2.2');
  assert.equal(bigEndian?.retired, true);
  assert.equal(bigEndian?.littleEndian, false);
  const jpegBaseline = transferSyntax('1.2.840.10008.1.2.4.50');
  assert.equal(jpegBaseline?.name, 'JPEG Baseline (Process 1)');
  assert.equal(jpegBaseline?.encapsulated, true);
  assert.equal(jpegBaseline?.pixels, 'jpeg-dct');
  // Every encapsulated syntax names a compressed decoder or says why it has none; no native one.
  for (const uid of ['1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.202', '1.2.840.10008.1.2.5']) {
    assert.notEqual(transferSyntax(uid)?.pixels, 'native', uid);
  }
  assert.deepEqual(Object.keys(transferSyntax('1.2.840.10008.1.2.4.100')?.pixels as object), ['unsupported']);
  assert.equal(transferSyntax('1.2.840.10008.1.2.4.201')?.keyword, 'HTJ2KLossless');
  assert.equal(transferSyntax('1.2.840.10008.1.2.8.1')?.deflated, false);
  assert.equal(transferSyntax('1.2.840.10008.1.2.8.1')?.encapsulated, true);
  assert.equal(transferSyntax('1.2.840.10008.1.2.4.95')?.deflated, true);
  assert.equal(isTransferSyntax('1.2.840.10008.1.2.5'), true);
  assert.equal(isTransferSyntax('1.2.840.10008.5.1.4.1.1.2'), false);
  assert.equal(transferSyntax('1.2.840.10008.5.1.4.1.1.2'), undefined);
});

test('NUL and space padding from files is ignored', () => {
  assert.equal(transferSyntax('1.2.840.10008.1.2.1\0')?.keyword, 'ExplicitVRLittleEndian');
  assert.equal(lookupUid('1.2.840.10008.5.1.4.1.1.2 ')?.name, 'CT Image Storage');
});

test('table shape: unique UIDs and keywords, valid UID syntax, full transfer syntax list', () => {
  const entries = allUids();
  assert.ok(entries.length > 400, `only ${entries.length} entries`);
  const keywords = new Set<string>();
  for (const entry of entries) {
    assert.match(entry.uid, /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/, entry.uid);
    assert.ok(entry.uid.length <= 64, entry.uid);
    assert.ok(entry.name.length > 0 && entry.name === entry.name.trim(), entry.uid);
    assert.ok(!keywords.has(entry.keyword), `keyword ${entry.keyword} twice`);
    keywords.add(entry.keyword);
  }
  assert.equal(new Set(entries.map((e) => e.uid)).size, entries.length);
  assert.equal(entries.filter((e) => e.type === 'Transfer Syntax').length, 63);
  assert.equal(keywordFromName('Patient Root Query/Retrieve Information Model - FIND'),
    'PatientRootQueryRetrieveInformationModelFind');
});

/**
 * Differences that come from pydicom's older edition of PS3.6 (Debian ships pydicom 2.3.1), where
 * the current standard is what these tables follow. Each is one field of one UID.
 */
const NEWER_EDITION_DIFFERENCES = new Set([
  // Table A-1 gave this retired instance the keyword PrintQueue until it was renamed PrintQueueInstance.
  '1.2.840.10008.5.1.1.25 keyword',
]);

const PYDICOM_DUMP = `
import json
from pydicom._uid_dict import UID_dictionary
print(json.dumps({uid: [v[0], v[3] == 'Retired', v[4]] for uid, v in UID_dictionary.items()}))
`;

test('names, keywords and retirement agree with pydicom wherever pydicom knows the UID', (t) => {
  const python = requirePydicom(t);
  if (python === null) return;
  const theirs = pydicomJson<Record<string, [name: string, retired: boolean, keyword: string]>>(python, PYDICOM_DUMP);
  const mismatches: string[] = [];
  let compared = 0;
  for (const entry of allUids()) {
    const other = theirs[entry.uid];
    if (!other) continue;
    compared++;
    const [name, retired, keyword] = other;
    const differs = (field: string, ours: unknown, pydicom: unknown): void => {
      if (ours !== pydicom && !NEWER_EDITION_DIFFERENCES.has(`${entry.uid} ${field}`)) {
        mismatches.push(`${entry.uid} ${field}: ours ${JSON.stringify(ours)}, pydicom ${JSON.stringify(pydicom)}`);
      }
    };
    differs('name', entry.name, name);
    differs('keyword', entry.keyword, keyword);
    differs('retired', entry.retired, retired);
  }
  assert.ok(compared > 300, `only ${compared} UIDs compared`);
  assert.deepEqual(mismatches, []);
});
