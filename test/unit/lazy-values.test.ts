/**
 * Lazily decoded values (ParseOptions.lazyValues) equal eagerly decoded ones: for every fixture
 * of the writer (well-formed and bad) and every file of the shared corpus, every element at any
 * depth reads the same (value, VM, person names, bulk summary, UID name and the rest), the JSON
 * of the model is the same, and the reader reports the same issues; both for a whole-file parse
 * and for a header-only read in small windows (which also reads elements after the pixel data).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DicomElement, DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { LazyElement } from '../../src/core/values/lazyElement';
import { writeDicom } from '../fixtures/writer';
import { allFixtures } from '../fixtures/catalog';
import { CORPUS, corpusFiles } from '../support/corpus';

/** Every field of the element model, read through property access (the getters of a lazy element). */
const ELEMENT_FIELDS = [
  'tag', 'group', 'element', 'keyword', 'name', 'vr', 'explicitVr', 'decodedVr', 'vm', 'offset', 'valueOffset', 'length', 'end',
  'value', 'uidName', 'personNames', 'bulk', 'privateCreator', 'csa', 'retired', 'sequenceDelimiterOffset', 'basicOffsetTable', 'fragments',
] as const satisfies readonly (keyof DicomElement)[];

/** A plain copy of elements, nested items included, with only the fields that are set. */
function plain(elements: readonly DicomElement[]): unknown[] {
  return elements.map((element) => {
    const copy: Record<string, unknown> = {};
    for (const field of ELEMENT_FIELDS) if (element[field] !== undefined) copy[field] = element[field];
    if (element.items) {
      copy.items = element.items.map(({ offset, valueOffset, length, delimiterOffset, end, elements: nested }) => ({ offset, valueOffset, length, delimiterOffset, end, elements: plain(nested) }));
    }
    return copy;
  });
}

function countLazy(elements: readonly DicomElement[]): number {
  return elements.reduce((sum, e) => sum + (e instanceof LazyElement ? 1 : 0) + (e.items ?? []).reduce((n, item) => n + countLazy(item.elements), 0), 0);
}

function assertSameFile(lazy: DicomFile, eager: DicomFile, label: string): void {
  // Issues first, before any value is read: a lazy read reports while reading what an eager one does.
  assert.deepStrictEqual(lazy.issues, eager.issues, `${label}: issues`);
  const elementCount = countLazy([...eager.meta, ...eager.dataSet]);
  assert.equal(elementCount, 0, `${label}: an eager read made lazy elements`);
  if (eager.meta.length + eager.dataSet.length > 0) assert.ok(countLazy([...lazy.meta, ...lazy.dataSet]) > 0, `${label}: no lazy element`);
  assert.deepStrictEqual(plain(lazy.meta), plain(eager.meta), `${label}: meta group`);
  assert.deepStrictEqual(plain(lazy.dataSet), plain(eager.dataSet), `${label}: data set`);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(lazy)), JSON.parse(JSON.stringify(eager)), `${label}: JSON of the model`);
  const { meta: _lazyMeta, dataSet: _lazyDataSet, ...lazyRest } = lazy;
  const { meta: _eagerMeta, dataSet: _eagerDataSet, ...eagerRest } = eager;
  assert.deepStrictEqual(lazyRest, eagerRest, `${label}: file fields`);
}

async function assertLazyEqualsEager(name: string, bytes: Uint8Array): Promise<void> {
  assertSameFile(parseDicomBytes(bytes, { lazyValues: true }), parseDicomBytes(bytes), `${name}, whole file`);
  const header = (lazyValues: boolean) => readDicom(memoryFileAccess(bytes), { initialReadBytes: 256, lazyValues });
  assertSameFile(await header(true), await header(false), `${name}, header-only read`);
}

test('lazy values equal eager ones on every fixture of the writer', async () => {
  assert.ok(allFixtures.length > 50);
  for (const fixture of allFixtures) await assertLazyEqualsEager(fixture.name, fixture.build().bytes);
});

test('lazy values equal eager ones on every file of the shared corpus', async () => {
  const files = corpusFiles();
  assert.ok(files.length >= 20, `expected the shared corpus at ${CORPUS}, found ${files.length} files`);
  for (const file of files) await assertLazyEqualsEager(path.relative(CORPUS, file), readFileSync(file));
});

test('a lazy value is decoded from the bytes when first read, then kept', () => {
  const { bytes, layout } = writeDicom([{ tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' }], { transferSyntax: 'explicitLittle' });
  const file = parseDicomBytes(bytes, { lazyValues: true });
  const name = file.dataSet.find((e) => e.tag === '00100010')!;
  const at = layout.dataSet.find((e) => e.tag === '00100010')!.valueOffset;
  // Changing the bytes before the first read shows in the value: nothing was decoded while reading.
  bytes.set(new TextEncoder().encode('Roe'), at);
  assert.equal(name.value, 'Roe^Jane');
  assert.equal(name.personNames?.[0].alphabetic?.familyName, 'Roe');
  bytes.set(new TextEncoder().encode('Poe'), at);
  assert.equal(name.value, 'Roe^Jane', 'decoded once and kept');
});

test('values the reading depends on are decoded while reading, even lazily', () => {
  // ISO_IR 100 decides how the Latin-1 name reads; the lazy element keeps the character set in force.
  const { bytes } = writeDicom([
    { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 100' },
    { tag: 0x00100010, vr: 'PN', value: new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x5e, 0x4a, 0x6f]) },
  ], { transferSyntax: 'explicitLittle' });
  const file = parseDicomBytes(bytes, { lazyValues: true });
  assert.deepEqual(file.characterSet, ['ISO_IR 100']);
  assert.equal(file.dataSet.find((e) => e.tag === '00100010')!.value, 'Müller^Jo');
});
