/**
 * The parser against the writer's layout, to the byte, for every well-formed fixture: the file
 * start, the meta group, every element, item, delimiter and fragment; then the decoded values
 * (character-set strings exactly). Both the whole-file parse and the header-only read through
 * a FileAccess (in memory and on disk) must agree with the writer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { withFileAccess } from '../../src/node/fileAccess';
import { wellFormedFixtures, type BuiltFixture } from '../fixtures/catalog';
import { compareWithLayout, elementAt, normaliseValue } from '../support/compareLayout';

const IMPLICIT_LE = '1.2.840.10008.1.2';

function errors(file: DicomFile): string[] {
  return file.issues.filter((i) => i.severity === 'error').map((i) => `${i.offset}: ${i.message}`);
}

function assertMatchesLayout(file: DicomFile, built: BuiltFixture, label: string): void {
  const { layout } = built;
  assert.deepEqual(errors(file), [], `${label}: error issues`);
  assert.deepEqual(file.preamble, layout.preamble, `${label}: preamble`);
  assert.deepEqual(file.prefix, layout.prefix, `${label}: prefix`);
  assert.equal(file.size, layout.size, `${label}: size`);
  assert.equal(file.dataSetOffset, layout.dataSetOffset, `${label}: dataSetOffset`);
  assert.equal(file.deflated, layout.deflated, `${label}: deflated`);
  assert.equal(file.transferSyntax?.uid, layout.transferSyntaxUid, `${label}: transfer syntax`);
  const options = { vr: layout.transferSyntaxUid !== IMPLICIT_LE };
  const diffs = [...compareWithLayout(file.meta, layout.meta, { vr: true }), ...compareWithLayout(file.dataSet, layout.dataSet, options)];
  assert.deepEqual(diffs, [], `${label}: offsets differ from the writer's layout`);
}

for (const fixture of wellFormedFixtures) {
  test(`parse: ${fixture.name} matches the writer's layout and values`, () => {
    const built = fixture.build();
    const file = parseDicomBytes(built.bytes);
    assertMatchesLayout(file, built, 'parseDicomBytes');
    for (const expectation of built.values ?? []) {
      const element = elementAt(file.dataSet, expectation.path);
      assert.ok(element, `${expectation.path} not found`);
      assert.deepEqual(normaliseValue(element.value), normaliseValue(expectation.value), `value of ${expectation.path}`);
    }
  });

  test(`parse: ${fixture.name} header-only read agrees with the writer`, async () => {
    const built = fixture.build();
    const file = await readDicom(memoryFileAccess(built.bytes), { initialReadBytes: 256 });
    assertMatchesLayout(file, built, 'readDicom');
    const hasPixelData = built.layout.dataSet.some((e) => e.tag === '7FE00010');
    if (!built.layout.deflated) assert.equal(file.stoppedBeforePixelData, hasPixelData, 'stoppedBeforePixelData');
  });
}

test('parse: a fixture on disk reads through the Node file access like in memory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parse-fixtures-'));
  try {
    for (const name of ['encapsulated-jpegls-one-frame-many-fragments', 'syntax-deflated', 'sequences-mixed-implicit']) {
      const built = wellFormedFixtures.find((f) => f.name === name)!.build();
      const file = path.join(dir, name);
      writeFileSync(file, built.bytes);
      const parsed = await withFileAccess(file, (access) => readDicom(access));
      assertMatchesLayout(parsed, built, name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parse: person names of the character set fixtures split into their groups', () => {
  const built = wellFormedFixtures.find((f) => f.name === 'charset-iso2022-japanese')!.build();
  const name = elementAt(parseDicomBytes(built.bytes).dataSet, '00100010');
  const groups = name?.personNames?.[0];
  assert.ok(groups, 'personNames');
  assert.equal(groups.alphabetic?.familyName, 'Yamada');
  assert.equal(groups.ideographic?.familyName, '山田');
  assert.equal(groups.ideographic?.givenName, '太郎');
  assert.equal(groups.phonetic?.givenName, 'たろう');
});

test('parse: private elements carry the creator that reserved their block, also inside a private sequence', () => {
  for (const name of ['private-explicit', 'private-implicit']) {
    const file = parseDicomBytes(wellFormedFixtures.find((f) => f.name === name)!.build().bytes);
    assert.equal(elementAt(file.dataSet, '00091001')?.privateCreator, 'ACME IMAGING 1.0', name);
    assert.equal(elementAt(file.dataSet, '00091101')?.privateCreator, 'OTHER VENDOR', name);
    assert.equal(elementAt(file.dataSet, '00091010/0/00291001')?.privateCreator, 'ACME NESTED', name);
  }
});

test('parse: person names split into all five components, per value', () => {
  const file = parseDicomBytes(wellFormedFixtures.find((f) => f.name === 'vrs-explicit-le')!.build().bytes);
  const referring = elementAt(file.dataSet, '00080090')?.personNames?.[0]?.alphabetic;
  assert.deepEqual(referring, { familyName: 'Adams', givenName: 'John Robert Quincy', middleName: '', namePrefix: 'Rev.', nameSuffix: 'B.A. M.Div.' });
  const reading = elementAt(file.dataSet, '00081060')?.personNames;
  assert.equal(reading?.length, 2);
  assert.equal(reading?.[0].alphabetic?.nameSuffix, 'Ph.D., Chief Executive Officer');
  assert.equal(reading?.[1].alphabetic?.givenName, 'Fluffy');
  assert.equal(reading?.[1].ideographic ?? null, null);
});
