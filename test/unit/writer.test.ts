/**
 * The fixture writer is the oracle for the parser's offsets, so it is checked against DCMTK:
 * every well-formed fixture must dump with `dcmdump` without a message, and dcmdump's element
 * tree (tags, VRs, lengths, order, nesting, items, delimiters, fragments) must equal the
 * writer's layout. The layout's offsets are also checked against the bytes themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'fflate';
import { wellFormedFixtures, type BuiltFixture } from '../fixtures/catalog';
import { deflateBomb } from '../fixtures/catalog/deflateBomb';
import type { LayoutElement, LayoutItem } from '../fixtures/writer';
import { compareTrees } from '../support/compareTree';
import { dcmdumpBytes, requireDcmdump, type DumpElement } from '../support/dcmdump';
import { decodeJapaneseIso2022 } from '../support/iso2022';

const IMPLICIT_LE = '1.2.840.10008.1.2';
/** dcmdump's note that it read an undefined-length private element as a sequence (CP-246),
 * which is exactly what an implicit VR private sequence asks of a reader. */
const EXPECTED_MESSAGE = /CP-246/;
const ICONV_UNSUPPORTED = /is not supported by the utilized character set conversion library/;

test('dcmdump is installed', () => {
  requireDcmdump();
});

for (const fixture of wellFormedFixtures) {
  test(`writer: ${fixture.name} dumps cleanly and dcmdump sees the writer's layout`, () => {
    const built = fixture.build();
    const dump = dcmdumpBytes(built.bytes);
    assert.equal(dump.status, 0, `dcmdump exit status\n${dump.messages.join('\n')}`);
    assert.deepEqual(dump.messages.filter((m) => !EXPECTED_MESSAGE.test(m)), [], 'dcmdump messages');
    const options = { vr: built.layout.transferSyntaxUid !== IMPLICIT_LE };
    const diffs = [...compareTrees(built.layout.meta, dump.meta, options), ...compareTrees(built.layout.dataSet, dump.dataSet, options)];
    assert.deepEqual(diffs, []);
    assert.ok(dump.dataSet.length > 0 && dump.dataSet.length === built.layout.dataSet.length);
  });
}

/** The bytes the layout's offsets refer to: the file, with the data set inflated when deflated. */
function addressable(built: BuiltFixture): Uint8Array {
  const { bytes, layout } = built;
  if (!layout.deflated) return bytes;
  const inflated = inflateSync(bytes.subarray(layout.dataSetOffset));
  const out = new Uint8Array(layout.dataSetOffset + inflated.length);
  out.set(bytes.subarray(0, layout.dataSetOffset));
  out.set(inflated, layout.dataSetOffset);
  return out;
}

function tagAt(bytes: Uint8Array, at: number, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const group = view.getUint16(at, littleEndian);
  const element = view.getUint16(at + 2, littleEndian);
  return ((group * 0x10000 + element) >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function checkElements(bytes: Uint8Array, elements: readonly LayoutElement[], littleEndian: boolean, end: number | null): void {
  elements.forEach((e, i) => {
    assert.equal(tagAt(bytes, e.offset, littleEndian), e.tag, `tag bytes at ${e.offset}`);
    assert.ok([8, 12].includes(e.valueOffset - e.offset), `${e.tag} header size ${e.valueOffset - e.offset}`);
    const next = elements[i + 1];
    if (next) assert.equal(e.end, next.offset, `${e.tag} ends where the next element starts`);
    else if (end !== null) assert.equal(e.end, end, `${e.tag} ends where its container ends`);
    if (e.length !== null && !e.items) assert.equal(e.end, e.valueOffset + e.length, `${e.tag} end = value + length`);
    e.items?.forEach((item: LayoutItem) => {
      assert.equal(tagAt(bytes, item.offset, littleEndian), 'FFFEE000');
      if (item.delimiterOffset !== null) assert.equal(tagAt(bytes, item.delimiterOffset, littleEndian), 'FFFEE00D');
      checkElements(bytes, item.elements, littleEndian, item.delimiterOffset ?? item.end);
    });
    if (e.sequenceDelimiterOffset != null) assert.equal(tagAt(bytes, e.sequenceDelimiterOffset, littleEndian), 'FFFEE0DD');
    for (const fragment of [...(e.basicOffsetTable ? [e.basicOffsetTable.item] : []), ...(e.fragments ?? [])]) {
      assert.equal(tagAt(bytes, fragment.offset, littleEndian), 'FFFEE000');
      assert.equal(fragment.valueOffset, fragment.offset + 8);
    }
    if (e.basicOffsetTable && e.basicOffsetTable.offsets.length > 0) {
      // Each listed offset, from the first fragment's item tag, lands on an item tag.
      const first = e.fragments![0].offset;
      for (const offset of e.basicOffsetTable.offsets) assert.equal(tagAt(bytes, first + offset, littleEndian), 'FFFEE000');
    }
  });
}

test('writer: every layout offset points at the bytes it names', () => {
  for (const fixture of wellFormedFixtures) {
    const built = fixture.build();
    const bytes = addressable(built);
    const littleEndian = built.layout.transferSyntaxUid !== '1.2.840.10008.1.2.2';
    checkElements(bytes, built.layout.meta, true, built.layout.dataSetOffset);
    checkElements(bytes, built.layout.dataSet, littleEndian, bytes.length);
    assert.equal(built.layout.size, built.bytes.length, fixture.name);
  }
});

/** The value dcmdump printed for a path "TAG" or "SEQ/itemIndex/TAG". */
function dumpValue(elements: readonly DumpElement[], path: string): string | undefined {
  const [tag, index, ...rest] = path.split('/');
  const element = elements.find((e) => e.tag === tag);
  if (index === undefined) return element?.value.trimEnd();
  const item = element?.items?.[Number(index)];
  return item ? dumpValue(item.elements, rest.join('/')) : undefined;
}

test('writer: dcmdump +U8 decodes every character set fixture to the expected strings', () => {
  const charsets = wellFormedFixtures.filter((f) => f.name.startsWith('charset-'));
  assert.ok(charsets.length >= 20);
  for (const fixture of charsets) {
    const built = fixture.build();
    const dump = dcmdumpBytes(built.bytes, ['+U8']);
    const unsupported = dump.messages.some((m) => ICONV_UNSUPPORTED.test(m));
    // dcmdump 3.6.7 +U8 converts items with the top-level set even when an item declares its
    // own (PS3.5 7.5.2): nested values are checked by the parser tests only, whose bytes come
    // from encoding the expected text.
    for (const expectation of (built.values ?? []).filter((v) => !v.path.includes('/'))) {
      if (!unsupported) {
        assert.equal(dumpValue(dump.dataSet, expectation.path), expectation.value, `${fixture.name} ${expectation.path}`);
        continue;
      }
      // DCMTK built with glibc iconv cannot convert ISO 2022 IR 87: decode the bytes here.
      const element = built.layout.dataSet.find((e) => e.tag === expectation.path);
      assert.ok(element, `${fixture.name}: ${expectation.path} is a top-level element`);
      const raw = built.bytes.subarray(element.valueOffset, element.valueOffset + element.length!);
      assert.equal(decodeJapaneseIso2022(raw).trimEnd(), expectation.value, `${fixture.name} ${expectation.path}`);
    }
  }
});

test('writer: the deflate bomb stream inflates to its prefix followed by zeros', () => {
  const prefix = Uint8Array.of(8, 0, 0x60, 0, 0x43, 0x53, 2, 0, 0x4f, 0x54, 0xfa, 0x99);
  for (const zeros of [0, 1, 257, 258, 259, 100_003]) {
    const inflated = inflateSync(deflateBomb(prefix, zeros));
    assert.equal(inflated.length, prefix.length + zeros);
    assert.deepEqual(inflated.subarray(0, prefix.length), prefix);
    assert.ok(inflated.subarray(prefix.length).every((b) => b === 0));
  }
  assert.ok(deflateBomb(prefix, 1_100_000_000).length < 8_000_000, 'over 1 GB inflated from under 8 MB');
});

test('compareTrees reports a wrong length, a missing item and a wrong tag', () => {
  const built = wellFormedFixtures.find((f) => f.name === 'sequences-undefined-explicit')!.build();
  const dump = dcmdumpBytes(built.bytes);
  const options = { vr: true };
  const [first, ...rest] = built.layout.dataSet;
  assert.notDeepEqual(compareTrees([{ ...first, length: 999 }, ...rest], dump.dataSet, options), []);
  assert.notDeepEqual(compareTrees([{ ...first, tag: '00080001' }, ...rest], dump.dataSet, options), []);
  const sequence = built.layout.dataSet.findIndex((e) => e.items);
  const broken = built.layout.dataSet.map((e, i) => (i === sequence ? { ...e, items: e.items!.slice(1) } : e));
  assert.notDeepEqual(compareTrees(broken, dump.dataSet, options), []);
  assert.notDeepEqual(compareTrees(built.layout.dataSet.slice(1), dump.dataSet, options), []);
});
