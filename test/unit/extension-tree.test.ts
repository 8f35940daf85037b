import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childNodes, hasChildren, nodeById, rootNodes, type TagNode } from '../../src/extension/tree/tagNodes';
import { nodeDescription, nodeLabel, tooltipFacts } from '../../src/extension/tree/nodeText';
import { offsetText } from '../../src/core/format/presentation';
import { nodePath } from '../../src/extension/tree/nodePath';
import { nodeJson } from '../../src/extension/tree/nodeJson';
import { CT_IMAGE_STORAGE, encapsulatedFile, sequenceFile } from './extensionFixtures';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { fixtureByName } from '../fixtures/catalog';
import { buildFilter } from '../../src/extension/tree/treeFilter';

const ALL = { showPrivateTags: true };
const TEXT = { offsetFormat: 'hex' as const, maxValueLength: 64 };

function child(node: TagNode, file: Parameters<typeof childNodes>[1], predicate: (node: TagNode) => boolean): TagNode {
  const found = childNodes(node, file, ALL).find(predicate);
  assert.ok(found, `no matching child under ${node.id}`);
  return found;
}

test('roots are preamble, prefix, meta and data set at the offsets the writer used', () => {
  const { written, file } = sequenceFile();
  const roots = rootNodes(file);
  assert.deepEqual(roots.map((root) => root.kind), ['preamble', 'prefix', 'meta', 'dataSet']);
  assert.deepEqual(roots.map((root) => root.offset), [0, 128, 132, written.layout.dataSetOffset]);
  assert.equal(nodeDescription(roots[1], file, 'hex'), '0x0080');
  assert.equal(nodeLabel(roots[1], file, TEXT), 'Prefix "DICM"');
  assert.equal(roots[0].end, 128);
});

test('every data set node has the offset and end of the layout, all the way down', () => {
  const { written, file } = sequenceFile();
  const dataSet = rootNodes(file)[3];
  const elements = childNodes(dataSet, file, ALL);
  assert.deepEqual(elements.map((node) => node.offset), written.layout.dataSet.map((element) => element.offset));
  assert.deepEqual(elements.map((node) => node.end), written.layout.dataSet.map((element) => element.end));
  const sequence = elements[2];
  const layoutSequence = written.layout.dataSet[2];
  assert.equal(hasChildren(sequence, file, ALL), true);
  const items = childNodes(sequence, file, ALL);
  assert.deepEqual(items.map((node) => node.kind), ['item', 'item', 'sequenceDelimiter']);
  assert.deepEqual(items.slice(0, 2).map((node) => node.offset), layoutSequence.items!.map((item) => item.offset));
  assert.equal(items[2].offset, layoutSequence.sequenceDelimiterOffset);
  const firstItem = childNodes(items[0], file, ALL);
  assert.deepEqual(firstItem.map((node) => node.kind), ['element', 'itemDelimiter']);
  assert.equal(firstItem[1].offset, layoutSequence.items![0].delimiterOffset);
});

test('labels show tag, keyword, VR, value and UID name', () => {
  const { file } = sequenceFile();
  const [first, , sequence] = childNodes(rootNodes(file)[3], file, ALL);
  assert.equal(nodeLabel(first, file, TEXT), `(0008,0016) SOPClassUID UI = ${CT_IMAGE_STORAGE} (CT Image Storage)`);
  assert.equal(nodeLabel(sequence, file, TEXT), '(0008,1115) ReferencedSeriesSequence SQ (2 items)');
  assert.equal(nodeLabel(first, file, { ...TEXT, maxValueLength: 10 }), '(0008,0016) SOPClassUID UI = 1.2.840.1…');
  assert.equal(nodeDescription(first, file, 'decimal'), String(first.offset));
});

test('tooltip facts list offset, value offset, length, VR, VM and the full value', () => {
  const { file } = sequenceFile();
  const first = childNodes(rootNodes(file)[3], file, ALL)[0];
  const facts = Object.fromEntries(tooltipFacts(first, file, 'hex').map((fact) => [fact.label, fact.value]));
  assert.equal(facts.Offset, offsetText(first.offset, 'hex'));
  assert.equal(facts['Value offset'], offsetText(first.offset + 8, 'hex'));
  assert.equal(facts.Length, '26 (0x1A)');
  assert.equal(facts.VR, 'UI');
  assert.equal(facts.VM, '1');
  assert.equal(facts.Value, `${CT_IMAGE_STORAGE} (CT Image Storage)`);
});

test('private elements are hidden when asked, without changing the ids of the others', () => {
  const { file } = sequenceFile();
  const dataSet = rootNodes(file)[3];
  const all = childNodes(dataSet, file, ALL);
  const publicOnly = childNodes(dataSet, file, { showPrivateTags: false });
  assert.equal(all.length - publicOnly.length, 2);
  assert.ok(publicOnly.every((node) => node.element!.group % 2 === 0));
  const patient = publicOnly.find((node) => node.element!.keyword === 'PatientName')!;
  assert.equal(patient.id, all.find((node) => node.element!.keyword === 'PatientName')!.id);
  assert.equal(nodeLabel(all.find((node) => node.element!.tag === '00091001')!, file, TEXT), '(0009,1001) [ACME 1.0] LO = secret sauce');
});

test('paths name sequence items with indexes, and ids find nodes again', () => {
  const { file } = sequenceFile();
  const sequence = child(rootNodes(file)[3], file, (node) => node.element?.keyword === 'ReferencedSeriesSequence');
  const secondItem = child(sequence, file, (node) => node.kind === 'item' && node.index === 1);
  const uid = child(secondItem, file, (node) => node.element?.keyword === 'SeriesInstanceUID');
  assert.equal(nodePath(uid), 'ReferencedSeriesSequence[1].SeriesInstanceUID');
  assert.equal(nodePath(secondItem), 'ReferencedSeriesSequence[1]');
  assert.equal(nodeById(uid.id, file)?.element, uid.element);
  assert.equal(nodeById('ds/e99', file), undefined);
  const privateElement = child(rootNodes(file)[3], file, (node) => node.element?.tag === '00091001');
  assert.equal(nodePath(privateElement), '(0009,1001)');
});

test('encapsulated pixel data shows its offset table, fragments and delimiter', () => {
  const { written, file } = encapsulatedFile();
  const pixelData = child(rootNodes(file).at(-1)!, file, (node) => node.element?.keyword === 'PixelData');
  const children = childNodes(pixelData, file, ALL);
  assert.deepEqual(children.map((node) => node.kind), ['offsetTable', 'fragment', 'fragment', 'sequenceDelimiter']);
  const layout = written.layout.dataSet.find((element) => element.tag === '7FE00010')!;
  assert.deepEqual(children.slice(1, 3).map((node) => node.offset), layout.fragments!.map((fragment) => fragment.offset));
  assert.equal(children[0].offset, layout.basicOffsetTable!.item.offset);
  assert.equal(nodeLabel(children[1], file, TEXT), 'Fragment 0 (4 bytes)');
  assert.equal(nodePath(children[2]), 'PixelData.Fragment[1]');
});

test('JSON follows the DICOM JSON Model for elements, sequences and person names', () => {
  const { file } = sequenceFile();
  const dataSet = rootNodes(file)[3];
  const sequence = child(dataSet, file, (node) => node.element?.keyword === 'ReferencedSeriesSequence');
  assert.deepEqual(nodeJson(sequence), {
    '00081115': {
      vr: 'SQ',
      Value: [
        { '0020000E': { vr: 'UI', Value: ['1.2.3.4'] } },
        { '0020000E': { vr: 'UI', Value: ['1.2.3.5'] }, '00081150': { vr: 'UI', Value: [CT_IMAGE_STORAGE] } },
      ],
    },
  });
  const name = child(dataSet, file, (node) => node.element?.keyword === 'PatientName');
  assert.deepEqual(nodeJson(name), { '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] } });
  const rows = child(dataSet, file, (node) => node.element?.keyword === 'Rows');
  assert.deepEqual(nodeJson(rows), { '00280010': { vr: 'US', Value: [4] } });
});

test('value text: raw values for copying, one-line display text for labels', async () => {
  const { rawValueText, valueText, oneLine, truncate } = await import('../../src/core/format/presentation');
  const { file } = sequenceFile();
  const dataSet = rootNodes(file)[3];
  const rows = child(dataSet, file, (node) => node.element?.keyword === 'Rows').element!;
  assert.equal(rawValueText(rows), '4');
  const sopClass = child(dataSet, file, (node) => node.element?.keyword === 'SOPClassUID').element!;
  assert.equal(rawValueText(sopClass), CT_IMAGE_STORAGE, 'no UID name in a copied value');
  assert.equal(valueText(sopClass, 0), `${CT_IMAGE_STORAGE} (CT Image Storage)`);
  const sequence = child(dataSet, file, (node) => node.element?.keyword === 'ReferencedSeriesSequence').element!;
  assert.equal(rawValueText(sequence), '');
  const version = rootNodes(file)[2];
  const bulk = child(version, file, (node) => node.element?.keyword === 'FileMetaInformationVersion').element!;
  assert.equal(rawValueText(bulk), '00 01');
  assert.equal(oneLine('a\r\nb\tc\u001b$B'), 'a⏎⏎b c·$B');
  assert.equal(truncate('abcdef', 4), 'abc…');
  assert.equal(truncate('abcdef', 0), 'abcdef');
});

test('a Siemens CSA header element has its CSA elements as children, with offsets, paths and JSON', () => {
  const file = parseDicomBytes(fixtureByName('siemens-csa-explicit').build().bytes);
  const dataSet = rootNodes(file)[3];
  const image = child(dataSet, file, (node) => node.element?.tag === '00291110');
  assert.equal(nodeLabel(image, file, TEXT), '(0029,1110) [SIEMENS CSA HEADER] CSA Image Header Info OB = <888 bytes: 53 56 31 30 04 03 02 01 05 00 00 00 4d 00 00 00 …>');
  assert.equal(hasChildren(image, file, ALL), true);
  const csa = childNodes(image, file, ALL);
  const decoded = image.element!.csa!.elements;
  assert.deepEqual(csa.map((node) => [node.kind, node.offset, node.end]), decoded.map((element) => ['csaElement', element.offset, element.end]));
  assert.equal(nodeLabel(csa[2], file, TEXT), 'CSA SliceNormalVector FD = 0.01745241\\-0.08713541\\0.99604297');
  assert.equal(nodeLabel(csa[3], file, TEXT), 'CSA B_value IS');
  assert.equal(nodePath(csa[0]), '(0029,1110).CSA[0]');
  assert.deepEqual(nodeJson(csa[0]), decoded[0]);
  assert.equal(nodeById(csa[4].id, file)?.csa?.name, 'CoilId');
  const facts = Object.fromEntries(tooltipFacts(csa[4], file, 'hex').map((fact) => [fact.label, fact.value]));
  assert.equal(facts.SyngoDT, '6');
  assert.equal(facts.Items, '6');
  assert.equal(facts.Value, '255\\83\\238');
});

test('the tag filter finds CSA elements by name and shows the element that holds them', () => {
  const file = parseDicomBytes(fixtureByName('siemens-csa-explicit').build().bytes);
  const filter = buildFilter(file, 'echolineposition', ALL);
  assert.equal(filter.matches.size, 1);
  const [id] = filter.matches;
  assert.equal(nodeById(id, file)?.csa?.name, 'EchoLinePosition');
  const holder = rootNodes(file)[3].id + '/' + id.split('/')[1];
  assert.ok(filter.visible.has(holder), 'the CSA header element stays visible');
});
