import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsaHeader } from '../../src/core/csa/readCsaHeader';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { formatTextDump } from '../../src/core/dump/textDump';
import { toJsonDump } from '../../src/core/dump/jsonDump';
import type { CsaHeader, DicomElement, DicomFile } from '../../src/core/model';
import { fixtureByName } from '../fixtures/catalog';
import { CSA_IMAGE_HEADER, CSA_SERIES_HEADER } from '../fixtures/catalog/siemensCsa';
import { writeCsaHeader, type CsaHeaderSpec } from '../fixtures/writer/csa';
import { gdcmdumpCsa, requireGdcmdump } from '../support/gdcmdump';

function element(file: DicomFile, tag: string): DicomElement {
  const found = file.dataSet.find((candidate) => candidate.tag === tag);
  assert.ok(found, `${tag} in the data set`);
  return found;
}

/** The decoded header must hold what the writer wrote, where the writer put it. */
function assertMatchesSpec(csa: CsaHeader | undefined, spec: CsaHeaderSpec, valueOffset: number): void {
  assert.ok(csa);
  assert.equal(csa.format, spec.format);
  const layout = writeCsaHeader(spec).elements;
  assert.deepEqual(csa.elements, spec.elements.map((written, i) => ({
    offset: valueOffset + layout[i].offset,
    end: valueOffset + layout[i].end,
    name: written.name,
    vr: written.vr,
    vm: written.vm,
    syngoDt: written.syngoDt,
    itemCount: written.itemCount ?? written.values.length,
    values: written.values.map((value) => value.trimEnd()),
  })));
}

for (const name of ['siemens-csa-explicit', 'siemens-csa-implicit']) {
  test(`${name}: both CSA headers decode with the offsets the writer recorded`, () => {
    const file = parseDicomBytes(fixtureByName(name).build().bytes);
    assert.deepEqual(file.issues.filter((issue) => issue.severity !== 'info'), []);
    const image = element(file, '00291110');
    const series = element(file, '00291120');
    assert.equal(image.vr, 'OB');
    assertMatchesSpec(image.csa, CSA_IMAGE_HEADER, image.valueOffset);
    assertMatchesSpec(series.csa, CSA_SERIES_HEADER, series.valueOffset);
    assert.equal(element(file, '00291008').csa, undefined, 'another creator\'s block is not a CSA header');
  });

  test(`${name}: the CSA elements are those gdcmdump --csa lists`, (t) => {
    if (!requireGdcmdump(t)) return;
    const bytes = fixtureByName(name).build().bytes;
    const file = parseDicomBytes(bytes);
    const ours = [
      ...element(file, '00291110').csa!.elements.map((csa) => ({ header: 'image', csa })),
      ...element(file, '00291120').csa!.elements.map((csa) => ({ header: 'series', csa })),
    ].map(({ header, csa }) => ({
      header, name: csa.name, vm: csa.vm === 0 ? 'INVALID' : String(csa.vm), vr: csa.vr, syngoDt: csa.syngoDt, itemCount: csa.itemCount, values: csa.values,
    }));
    assert.deepEqual(ours, gdcmdumpCsa(bytes));
  });
}

test('the dump lists CSA elements under their element, with offsets; the JSON carries them', () => {
  const file = parseDicomBytes(fixtureByName('siemens-csa-explicit').build().bytes);
  const image = element(file, '00291110');
  const dump = formatTextDump(file).split('\n');
  const at = dump.findIndex((line) => line.includes('(0029,1110)'));
  assert.match(dump[at], /\[SIEMENS CSA HEADER\] CSA Image Header Info/);
  const first = image.csa!.elements[0];
  assert.equal(dump[at + 1], `0x${first.offset.toString(16).toUpperCase().padStart(4, '0')}    CSA #0      IS           6  EchoLinePosition (VM 1)  128`);
  assert.match(dump[at + 3], /CSA #2 +FD +6 +SliceNormalVector \(VM 3\) +0\.01745241\\-0\.08713541\\0\.99604297$/);
  const json = JSON.parse(JSON.stringify(toJsonDump(file, 'csa.dcm'))) as { elements: { tag: string; csa?: CsaHeader }[] };
  assert.deepEqual(json.elements.find((e) => e.tag === '00291110')?.csa, image.csa);
});

test('a truncated CSA header keeps the elements before the cut and names its offset', () => {
  const { bytes, elements } = writeCsaHeader(CSA_IMAGE_HEADER);
  const cut = elements[2].offset + 40;
  const result = readCsaHeader(bytes.subarray(0, cut), 1000);
  assert.deepEqual(result.header?.elements.map((e) => e.name), ['EchoLinePosition', 'ImaCoilString']);
  assert.equal(result.issues.length, 1);
  assert.equal(result.issues[0].code, 'csa-truncated');
  assert.equal(result.issues[0].offset, 1000 + elements[2].offset);
});

test('an item length past the end, a negative item count and a huge element count are issues, not crashes', () => {
  const { bytes, elements } = writeCsaHeader(CSA_IMAGE_HEADER);
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The second word of the first item of element 1 is its length.
  const longItem = bytes.slice();
  const itemAt = elements[1].offset + 84;
  view(longItem).setInt32(itemAt + 4, 0x7ffffff0, true);
  const long = readCsaHeader(longItem, 0);
  assert.deepEqual(long.issues.map((i) => [i.code, i.offset]), [['csa-invalid', itemAt + 4]]);
  assert.deepEqual(long.header?.elements.map((e) => e.name), ['EchoLinePosition', 'ImaCoilString']);

  const negative = bytes.slice();
  view(negative).setInt32(elements[0].offset + 76, -5, true);
  assert.deepEqual(readCsaHeader(negative, 0).issues.map((i) => [i.code, i.offset]), [['csa-invalid', elements[0].offset + 76]]);

  const huge = bytes.slice();
  view(huge).setUint32(8, 0xffffffff, true);
  // Each element needs 84 bytes: the count cannot make the reader loop past the value.
  const hugeResult = readCsaHeader(huge, 0);
  assert.equal(hugeResult.header?.elements.length, CSA_IMAGE_HEADER.elements.length);
  assert.deepEqual(hugeResult.issues.map((i) => [i.code, i.offset]), [['csa-truncated', bytes.length]]);
});

test('values that are not CSA headers are left alone or reported as not decoded', () => {
  assert.deepEqual(readCsaHeader(new Uint8Array(64), 0), { header: null, issues: [] }, 'zeroed by an anonymiser');
  const text = readCsaHeader(new TextEncoder().encode('!INTERFILE :=\nsome text'), 500);
  assert.equal(text.header, null);
  assert.deepEqual(text.issues.map((i) => [i.code, i.severity, i.offset]), [['csa-not-decoded', 'info', 500]]);
  const short = readCsaHeader(new TextEncoder().encode('SV10'), 0);
  assert.deepEqual(short.issues.map((i) => i.code), ['csa-truncated']);
});

test('a broken CSA header inside a file becomes an issue of the file with the element\'s tag', () => {
  const fixture = fixtureByName('siemens-csa-explicit').build();
  const bytes = fixture.bytes.slice();
  const image = fixture.layout.dataSet.find((e) => e.tag === '00291110')!;
  // The element count of the SV10 header, at value offset + 8.
  new DataView(bytes.buffer).setUint32(image.valueOffset + 8, 1000, true);
  const file = parseDicomBytes(bytes);
  const csaIssues = file.issues.filter((issue) => issue.code.startsWith('csa-'));
  assert.equal(csaIssues.length, 1);
  assert.equal(csaIssues[0].tag, '00291110');
  assert.ok(csaIssues[0].offset! >= image.valueOffset && csaIssues[0].offset! <= image.valueOffset + image.length!);
  assert.equal(element(file, '00291120').csa?.elements.length, CSA_SERIES_HEADER.elements.length, 'later elements still read');
});

test('no damage to any byte of a CSA header makes the reader throw or report offsets outside the value', () => {
  for (const spec of [CSA_IMAGE_HEADER, CSA_SERIES_HEADER]) {
    const { bytes } = writeCsaHeader(spec);
    for (let at = 0; at < bytes.length; at++) {
      for (const value of [0x00, 0x7f, 0xff]) {
        const damaged = bytes.slice();
        damaged[at] = value;
        const { header, issues } = readCsaHeader(damaged, 100);
        for (const issue of issues) assert.ok(issue.offset! >= 100 && issue.offset! <= 100 + bytes.length, `${at}: ${issue.message}`);
        for (const element of header?.elements ?? []) assert.ok(element.offset >= 100 && element.end <= 100 + bytes.length && element.offset < element.end, `${at}: ${element.name}`);
      }
    }
  }
});
