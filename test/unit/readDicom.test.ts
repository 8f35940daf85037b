import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeDicom, type ElementSpec } from '../fixtures/writer';
import { memoryFileAccess, type FileAccess } from '../../src/core/io';
import { openDicom, parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { plainElement, plainFragment } from '../../src/core/values/plainElements';

/** Counts what is read, to prove that header-only reading never touches the pixel data. */
function countingAccess(bytes: Uint8Array): FileAccess & { reads: Array<[number, number]> } {
  const inner = memoryFileAccess(bytes);
  const reads: Array<[number, number]> = [];
  return { reads, size: inner.size, read: (offset, length) => { reads.push([offset, length]); return inner.read(offset, length); } };
}

const patient: ElementSpec[] = [
  { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
  { tag: 0x00100020, vr: 'LO', value: 'ID1' },
];

test('a header longer than the first read is read by growing the prefix', async () => {
  const long: ElementSpec = { tag: 0x00204000, vr: 'UT', value: 'x'.repeat(150_000) };
  const written = writeDicom([...patient, long, { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(1 << 20) }], { transferSyntax: 'explicitLittle' });
  const access = countingAccess(written.bytes);
  const file = await readDicom(access, { initialReadBytes: 4096 });
  assert.deepEqual(file.issues.filter((i) => i.severity === 'error'), []);
  assert.equal(file.dataSet.find((e) => e.tag === '00204000')?.length, 150_000);
  assert.ok(file.stoppedBeforePixelData);
  const pixel = file.dataSet.find((e) => e.tag === '7FE00010')!;
  assert.equal(pixel.length, 1 << 20);
  const furthest = Math.max(...access.reads.map(([o, l]) => o + l));
  assert.ok(furthest < pixel.valueOffset + (1 << 20), 'the pixel data itself is never read whole');
});

test('encapsulated pixel data is scanned header by header without reading the fragments', async () => {
  const fragment = new Uint8Array(200_000).fill(7);
  const written = writeDicom([...patient, {
    tag: 0x7fe00010, vr: 'OB', undefinedLength: true,
    encapsulated: { frames: [[fragment], [fragment, fragment]], basicOffsetTable: true },
  }], { transferSyntax: 'jpegBaseline' });
  const access = countingAccess(written.bytes);
  const file = await readDicom(access);
  const pixel = file.dataSet.find((e) => e.tag === '7FE00010')!;
  const expected = written.layout.dataSet.find((e) => e.tag === '7FE00010')!;
  const plainPixel = plainElement(pixel);
  assert.deepEqual(plainPixel.fragments, expected.fragments);
  assert.deepEqual(plainPixel.basicOffsetTable, expected.basicOffsetTable);
  assert.equal(pixel.sequenceDelimiterOffset, expected.sequenceDelimiterOffset);
  const bytesRead = access.reads.reduce((sum, [, l]) => sum + l, 0);
  assert.ok(bytesRead < written.bytes.length / 2, `read ${bytesRead} of ${written.bytes.length} bytes`);
  assert.deepEqual(parseDicomBytes(written.bytes).dataSet.find((e) => e.tag === '7FE00010')?.fragments?.map(plainFragment), expected.fragments);
});

test('a deflated data set that inflates past the cap is cut with an error, not read whole', () => {
  const huge: ElementSpec = { tag: 0x00204000, vr: 'UT', value: ' '.repeat(4_000_000) };
  const written = writeDicom([...patient, huge], { transferSyntax: 'deflatedExplicitLittle' });
  assert.ok(written.bytes.length < 100_000);
  const file = parseDicomBytes(written.bytes, { maxInflatedBytes: 1_000_000 });
  assert.ok(file.issues.some((i) => i.severity === 'error' && /inflates to more than 1000000 bytes/.test(i.message)));
  assert.equal(file.dataSet[0].value, 'Doe^Jane', 'what was inflated before the cap is kept');
});

test('deflated offsets are positions in the inflated stream and the source serves those bytes', async () => {
  const written = writeDicom(patient, { transferSyntax: 'deflatedExplicitLittle' });
  const opened = await openDicom(memoryFileAccess(written.bytes));
  assert.equal(opened.file.deflated, true);
  const name = opened.file.dataSet[0];
  assert.equal(name.offset, written.layout.dataSet[0].offset);
  const value = await opened.source.read(name.valueOffset, name.length!);
  assert.equal(Buffer.from(value).toString('latin1'), 'Doe^Jane');
});

test('bytes that are not DICOM are said to be so, with an offset', () => {
  const file = parseDicomBytes(new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(400)));
  assert.equal(file.notDicom, true);
  assert.equal(file.issues[0].offset, 128);
  const tiny = parseDicomBytes(Uint8Array.of(1, 2, 3));
  assert.equal(tiny.notDicom, true);
  assert.match(tiny.issues[0].message, /3 bytes/);
});

test('a raw data set without preamble or meta group is read, and the model says so', () => {
  const written = writeDicom(patient, { transferSyntax: 'implicitLittle', fileFormat: false });
  const file = parseDicomBytes(written.bytes);
  assert.equal(file.preamble, null);
  assert.equal(file.prefix, null);
  assert.equal(file.transferSyntax?.uid, '1.2.840.10008.1.2');
  assert.equal(file.dataSet[0].value, 'Doe^Jane');
  assert.equal(file.dataSet[0].vr, 'PN');
  assert.ok(file.issues.some((i) => /raw data set/.test(i.message)));
});

test('stopAfterTag ends the data set read after that tag, and says so; the meta group is whole', async () => {
  const big: ElementSpec = { tag: 0x00291010, vr: 'OB', value: new Uint8Array(300_000) };
  const written = writeDicom([...patient, { tag: 0x00200013, vr: 'IS', value: '7' }, { tag: 0x00290010, vr: 'LO', value: 'VENDOR' }, big], { transferSyntax: 'explicitLittle' });
  const access = countingAccess(written.bytes);
  const file = await readDicom(access, { stopAfterTag: '00200013' });
  assert.deepEqual(file.dataSet.map((e) => e.tag), ['00100010', '00100020', '00200013']);
  assert.equal(file.stoppedAfterTag, '00200013');
  assert.ok(file.meta.some((e) => e.tag === '00020010'));
  assert.deepEqual(file.issues.filter((i) => i.severity === 'error'), []);
  const furthest = Math.max(...access.reads.map(([o, l]) => o + l));
  assert.ok(furthest <= 64 * 1024, 'the large private value after the last wanted tag is never read');
  assert.equal((await readDicom(memoryFileAccess(written.bytes))).stoppedAfterTag, undefined);
});
