/**
 * `json` and `xml` are written as they are made (issue: nothing exhausted by millions of nodes):
 * values of millions of entries go out in bounded pieces, a lazily read file's values are
 * decoded for the pass and not kept, and the CLI waits for a slow stdout yet writes exactly the
 * text the extension's copy commands collect. Agreement with dcm2json and dcm2xml, and the
 * JSON.stringify layout, are checked in export-dcmtk.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dicomJsonPieces } from '../../src/core/export/dicomJson';
import { nativeXmlPieces } from '../../src/core/export/nativeXml';
import { joinPieces, type TextPieces } from '../../src/core/export/textPieces';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom, parseDicomBytes } from '../../src/core/parse/readDicom';
import { runJson, runXml } from '../../src/cli/commands/standardForms';
import { writeDicom } from '../fixtures/writer';
import { manyEmptyValues, manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { slowPipe } from '../support/slowPipe';
import { baseElements, written } from '../support/dicomPairs';

const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-forms-streamed-'));

/** The strings of a writer's pieces, reads awaited. */
async function piecesOf(pieces: TextPieces): Promise<string[]> {
  const strings: string[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') strings.push(piece);
    else await piece;
  }
  return strings;
}

test('a value of 100,001 entries is written in bounded pieces, every entry there', async () => {
  const count = 100_001;
  const { file, source } = await openDicom(memoryFileAccess(manyEmptyValues(count)));
  const json = await piecesOf(dicomJsonPieces(file, source));
  const xml = await piecesOf(nativeXmlPieces(file, source));
  for (const [form, pieces] of [['json', json], ['xml', xml]] as const) {
    assert.ok(pieces.length > count / 4096, `${form}: ${pieces.length} pieces`);
    assert.ok(Math.max(...pieces.map((p) => p.length)) < 256 * 1024, `${form}: no piece holds the whole value`);
  }
  const values = JSON.parse(json.join(''))['00080119'].Value as unknown[];
  assert.equal(values.length, count);
  assert.ok(values.every((v) => v === null));
  const longCodeValue = xml.join('').split('<DicomAttribute tag="00080119"')[1];
  const lines = longCodeValue.split('\n').filter((line) => line.startsWith('<Value number='));
  assert.equal(lines.length, count);
  assert.equal(lines[count - 1], `<Value number="${count}"></Value>`);
});

test('a lazily read file gives what an eager read gives, and its values are decoded for the pass, not kept', async () => {
  const { bytes, layout } = writeDicom([
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
    { tag: 0x00281201, vr: 'OW', value: Array.from({ length: 600 }, (_, i) => i) },
    { tag: 0x00603020, vr: 'UL', value: Array.from({ length: 1000 }, (_, i) => i * 3) },
  ], { transferSyntax: 'explicitLittle' });
  const source = memoryFileAccess(bytes);
  const eager = parseDicomBytes(bytes);
  const lazy = parseDicomBytes(bytes, { lazyValues: true });
  for (const write of [dicomJsonPieces, nativeXmlPieces]) {
    assert.equal(await joinPieces(write(lazy, source)), await joinPieces(write(eager, source)));
  }
  // Bytes changed after the export show in the next read: the export kept no decoded value.
  const at = layout.dataSet.find((e) => e.tag === '00100010')!.valueOffset;
  bytes.set(new TextEncoder().encode('Roe'), at);
  assert.match(await joinPieces(dicomJsonPieces(lazy, source)), /"Alphabetic": "Roe\^Jane"/);
  assert.equal(lazy.dataSet.find((e) => e.tag === '00100010')!.value, 'Roe^Jane');
});

test('a tag repeated in a data set out of order is one JSON key with its last value, in the place of the first; XML writes both', async () => {
  const { bytes } = writeDicom([
    { tag: 0x00100010, vr: 'PN', value: 'First^Name' },
    { tag: 0x00100020, vr: 'LO', value: 'ID1' },
    { tag: 0x00100010, vr: 'PN', value: 'Last^Name' },
  ], { transferSyntax: 'explicitLittle' });
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  const json = await joinPieces(dicomJsonPieces(file, source));
  assert.deepEqual([...json.matchAll(/^ {2}"(\w{8})"/gm)].map((m) => m[1]), ['00100010', '00100020']);
  assert.equal(JSON.parse(json)['00100010'].Value[0].Alphabetic, 'Last^Name');
  assert.equal((await joinPieces(nativeXmlPieces(file, source))).match(/<DicomAttribute tag="00100010"/g)?.length, 2);
});

const FILES: readonly (readonly [string, Uint8Array])[] = [
  ['2,000 elements', manyTinyElements(2000)],
  ['10,001 values', manyEmptyValues(10_001)],
  // Binary values read from the file while the text is written (a read awaited between pieces).
  ['binary values in big endian', written(baseElements({ undefinedLengths: true }), 'explicitBig')],
];
for (const [form, run, write] of [['json', runJson, dicomJsonPieces], ['xml', runXml, nativeXmlPieces]] as const) {
  test(`${form} streams to a slow stdout exactly the text the copy commands collect`, async () => {
    for (const [name, bytes] of FILES) {
      const path = join(dir, `${name}.dcm`);
      writeFileSync(path, bytes);
      const out = slowPipe();
      assert.equal(await run([path], { stdout: out.stream, stderr: slowPipe().stream }), 0, name);
      const { file, source } = await openDicom(memoryFileAccess(bytes));
      const expected = await joinPieces(write(file, source));
      assert.equal(out.text(), expected, name);
      if (expected.length > 65536) assert.ok(out.waits() > 0, `${name}: the CLI waited for the stream to drain`);
    }
  });
}
