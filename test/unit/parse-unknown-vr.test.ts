/**
 * UN elements: a tag the dictionary knows is decoded with the dictionary VR, as pydicom
 * (`replace_un_with_known_vr`) and `dcmdump +uc` read it, while `vr` stays "UN" and
 * `decodedVr` says which VR was used; a tag nobody knows stays bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { plainElements } from '../../src/core/values/plainElements';
import { fixtureByName } from '../fixtures/catalog';
import { compareTrees } from '../support/compareTree';
import { dcmdumpBytes } from '../support/dcmdump';

const PYDICOM_VRS = `
import sys, json, pydicom
ds = pydicom.dcmread(sys.argv[1])
out = {}
for e in ds:
    value = e.value
    text = None if e.VR in ('SQ', 'UN') or isinstance(value, bytes) else str(value)
    out['%08X' % int(e.tag)] = [str(getattr(e.VR, 'value', e.VR)), text]
print(json.dumps(out))
`;

function pydicomView(bytes: Uint8Array): Record<string, [string, string | null]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'un-'));
  try {
    const file = path.join(dir, 'un.dcm');
    writeFileSync(file, bytes);
    const run = spawnSync('/usr/bin/python3', ['-c', PYDICOM_VRS, file], { encoding: 'utf8' });
    assert.equal(run.status, 0, `pydicom (apt-get install python3-pydicom) failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as Record<string, [string, string | null]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('UN: known tags read with the dictionary VR as pydicom reads them, unknown tags stay bytes', () => {
  const { bytes } = fixtureByName('un-known-and-unknown-tags').build();
  const file = parseDicomBytes(bytes);
  const theirs = pydicomView(bytes);
  const unElements = file.dataSet.filter((e) => e.vr === 'UN');
  assert.equal(unElements.length, 6);
  for (const element of unElements) {
    const [vr, text] = theirs[element.tag];
    assert.equal(element.decodedVr ?? 'UN', vr, `${element.tag}: VR used`);
    if (text !== null) assert.equal(String(element.value), text, `${element.tag}: value`);
  }
  const sequence = file.dataSet.find((e) => e.tag === '00081140')!;
  assert.equal(sequence.items?.length, 1);
  assert.deepEqual(sequence.items[0].elements.map((e) => e.tag), ['00081150', '00081155']);
});

test('UN: dcmdump +uc sees the same tree, the sequence inside a UN included', () => {
  const { bytes } = fixtureByName('un-known-and-unknown-tags').build();
  const model = plainElements(parseDicomBytes(bytes).dataSet).map((e) => ({ ...e, vr: e.decodedVr ?? e.vr }));
  const dump = dcmdumpBytes(bytes, ['+uc']);
  // dcmdump writes the sequence it made of the UN with an undefined length ("for re-encoding").
  const diffs = compareTrees(model, dump.dataSet, { vr: true }).filter((d) => !/^00081140(: length|\/0: item (length|delimiter))/.test(d));
  assert.deepEqual(diffs, []);
});
