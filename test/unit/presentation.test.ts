/**
 * One presentation for every front: the text dump, the tree and the JSON dump show a UN value
 * decoded with the dictionary VR with the same mark, number items from 0 as paths do, and
 * format offsets one way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementLabel, itemLabel, offsetText, tagText, valueText, vrText } from '../../src/core/format/presentation';
import { formatTextDump } from '../../src/core/dump/textDump';
import { toJsonDump } from '../../src/core/dump/jsonDump';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { fixtureByName } from '../fixtures/catalog';
import { writeDicom } from '../fixtures/writer';

test('presentation: a UN read with the dictionary VR is marked in labels, the dump and the JSON', () => {
  const file = parseDicomBytes(fixtureByName('un-known-and-unknown-tags').build().bytes);
  const thickness = file.dataSet.find((e) => e.tag === '00180050')!;
  assert.equal(vrText(thickness), 'UN read as DS');
  assert.equal(elementLabel(thickness), '(0018,0050) SliceThickness UN read as DS = 1.5');
  const unknown = file.dataSet.find((e) => e.tag === '0040FFF0')!;
  assert.equal(vrText(unknown), 'UN');
  const dump = formatTextDump(file);
  assert.match(dump, /\(0018,0050\) UN +4  SliceThickness \(read as DS\)  1\.5$/m);
  assert.match(dump, /\(0040,FFF0\) UN +4  \[unknown\]  <4 bytes: 01 02 03 04>$/m);
  const json = toJsonDump(file, 'un.dcm') as { elements: { tag: string; vr: string; decodedVr?: string }[] };
  const entry = json.elements.find((e) => e.tag === '00180050')!;
  assert.deepEqual([entry.vr, entry.decodedVr], ['UN', 'DS']);
  assert.equal(json.elements.find((e) => e.tag === '0040FFF0')!.decodedVr, undefined);
});

test('presentation: items are numbered from 0 in the dump and in labels, as in paths', () => {
  const file = parseDicomBytes(fixtureByName('after-pixel-data-explicit').build().bytes);
  const signatures = file.dataSet.find((e) => e.tag === 'FFFAFFFA')!;
  assert.equal(itemLabel(0, signatures.items![0]), 'Item 0 (2 elements)');
  assert.match(formatTextDump(file), /^0x[0-9A-F]+ {4}\(FFFE,E000\) +u\/l  Item 0$/m);
  assert.doesNotMatch(formatTextDump(file), /Item 1/);
});

test('presentation: offsets, tags and one-line values', () => {
  assert.equal(offsetText(128), '0x0080');
  assert.equal(offsetText(0x12345, 'hex'), '0x12345');
  assert.equal(offsetText(128, 'decimal'), '128');
  assert.equal(tagText('7fe00010'), '(7FE0,0010)');
  const file = parseDicomBytes(fixtureByName('after-pixel-data-explicit').build().bytes);
  const creator = file.dataSet.find((e) => e.tag === '7FE10010')!;
  assert.equal(valueText(creator, 6), 'ACME …');
});

test('presentation: a value cut to a length reads as the whole value cut, though only its first entries are joined', () => {
  const file = parseDicomBytes(writeDicom([
    { tag: 0x00080119, vr: 'UC', value: ['A', 'line\nbreak', 'tab\there', '', 'B'.repeat(40), 'end'].join('\\') },
    { tag: 0x00200037, vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
  ], { transferSyntax: 'explicitLittle' }).bytes);
  for (const element of file.dataSet) {
    const whole = valueText(element);
    assert.ok(whole.length > 10, whole);
    assert.doesNotMatch(whole, /[\n\t]/);
    for (let max = 1; max <= whole.length + 1; max++) assert.equal(valueText(element, max), whole.length <= max ? whole : `${whole.slice(0, Math.max(1, max - 1))}…`, `${element.tag} cut at ${max}`);
  }
});
