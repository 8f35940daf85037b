import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepestNodeAtOffset, nodesAtOffset } from '../../src/extension/tree/offsetLookup';
import { parseOffset } from '../../src/core/locate/parseOffset';
import { buildFilter, filterChildren } from '../../src/extension/tree/treeFilter';
import { childNodes, rootNodes } from '../../src/extension/tree/tagNodes';
import { documentView, summaryFields } from '../../src/extension/editor/documentView';
import { looksLikeDicom } from '../../src/extension/commands/dicomSniff';
import { encapsulatedFile, sequenceFile } from './extensionFixtures';

const ALL = { showPrivateTags: true };

test('offsets parse as hex with 0x, # or h, or as decimal; anything else is refused', () => {
  assert.equal(parseOffset('0x1A4'), 420);
  assert.equal(parseOffset(' 0x1a4 '), 420);
  assert.equal(parseOffset('#1A4'), 420);
  assert.equal(parseOffset('1A4h'), 420);
  assert.equal(parseOffset('420'), 420);
  assert.equal(parseOffset('1_000'), 1000);
  assert.equal(parseOffset('-4'), null);
  assert.equal(parseOffset('0x'), null);
  assert.equal(parseOffset('12abc'), null);
  assert.equal(parseOffset('0xFFFFFFFFFFFFFFFF'), null);
});

test('the deepest node containing a byte is found for every byte of the file', () => {
  const { written, file } = sequenceFile();
  const layoutSequence = written.layout.dataSet[2];
  const item = layoutSequence.items![1];
  const inner = item.elements[1];
  for (let offset = inner.offset; offset < inner.end; offset++) {
    const chain = nodesAtOffset(file, offset, ALL);
    assert.deepEqual(chain.map((node) => node.kind), ['dataSet', 'element', 'item', 'element']);
    assert.equal(chain[3].offset, inner.offset);
  }
  assert.equal(deepestNodeAtOffset(file, 0x80, ALL)?.kind, 'prefix');
  assert.equal(deepestNodeAtOffset(file, 5, ALL)?.kind, 'preamble');
  assert.equal(deepestNodeAtOffset(file, layoutSequence.items![0].delimiterOffset! + 7, ALL)?.kind, 'itemDelimiter');
  assert.equal(deepestNodeAtOffset(file, layoutSequence.sequenceDelimiterOffset!, ALL)?.kind, 'sequenceDelimiter');
  assert.equal(deepestNodeAtOffset(file, written.layout.size + 10, ALL), undefined);
  // The item's own header (tag and length) belongs to the item, not to an element in it.
  assert.equal(deepestNodeAtOffset(file, item.offset + 4, ALL)?.kind, 'item');
});

test('bytes of a hidden private element resolve to its nearest visible parent', () => {
  const { written, file } = sequenceFile();
  const privateElement = written.layout.dataSet.find((element) => element.tag === '00091001')!;
  assert.equal(deepestNodeAtOffset(file, privateElement.offset, ALL)?.element?.tag, '00091001');
  assert.equal(deepestNodeAtOffset(file, privateElement.offset, { showPrivateTags: false })?.kind, 'dataSet');
});

test('fragments of encapsulated pixel data are found by offset', () => {
  const { written, file } = encapsulatedFile();
  const fragment = written.layout.dataSet.find((element) => element.tag === '7FE00010')!.fragments![1];
  const node = deepestNodeAtOffset(file, fragment.valueOffset + 1, ALL);
  assert.equal(node?.kind, 'fragment');
  assert.equal(node?.index, 1);
});

test('a filter keeps the parents of matches and the whole subtree of a match', () => {
  const { file } = sequenceFile();
  const filter = buildFilter(file, '1.2.3.5', ALL);
  assert.equal(filter.matches.size, 1);
  const dataSet = rootNodes(file)[3];
  const roots = filterChildren(null, rootNodes(file), filter);
  assert.deepEqual(roots.map((root) => root.kind), ['dataSet']);
  const shown = filterChildren(dataSet, childNodes(dataSet, file, ALL), filter);
  assert.deepEqual(shown.map((node) => node.element?.keyword), ['ReferencedSeriesSequence']);
  const items = filterChildren(shown[0], childNodes(shown[0], file, ALL), filter);
  assert.deepEqual(items.map((node) => node.index), [1]);

  const bySequence = buildFilter(file, 'referencedseries', ALL);
  const sequence = filterChildren(dataSet, childNodes(dataSet, file, ALL), bySequence)[0];
  assert.equal(filterChildren(sequence, childNodes(sequence, file, ALL), bySequence).length, 3);
});

test('a filter matches tags written in any common form, keywords and values', () => {
  const { file } = sequenceFile();
  for (const query of ['(0010,0010)', '0010,0010', '00100010', 'patientname', 'doe^jane']) {
    const filter = buildFilter(file, query, ALL);
    assert.ok([...filter.matches].some((id) => id.startsWith('ds/')), query);
  }
  assert.equal(buildFilter(file, 'no such thing anywhere', ALL).visible.size, 0);
  assert.equal(buildFilter(file, 'ACME', { showPrivateTags: false }).matches.size, 0);
  assert.ok(buildFilter(file, 'ACME', ALL).matches.size > 0);
});

test('the editor view has a summary, issues and the element list\'s row count', () => {
  const { file } = sequenceFile();
  const summary = Object.fromEntries(summaryFields(file).map((field) => [field.label, field.value]));
  assert.equal(summary.Patient, 'Doe^Jane · PID-42');
  assert.equal(summary.Modality, 'CT');
  assert.equal(summary['SOP Class'], 'CT Image Storage');
  assert.equal(summary.Dimensions, '6 × 4');
  assert.equal(summary.Frames, undefined, 'no pixel data, no frame count');
  const options = { ...ALL, offsetFormat: 'hex' as const, maxValueLength: 64 };
  const view = documentView('x.dcm', file, options);
  // preamble, prefix, meta + 7 elements, data set + 9 elements, 2 items + 3 item elements + item and sequence delimiters
  assert.equal(view.elementCount, 3 + 7 + 1 + 9 + 2 + 3 + 1 + 1);
  assert.equal(view.hasPixelData, false);
  assert.equal(view.loadError, null);
  assert.equal(documentView('y.dcm', encapsulatedFile().file, options).hasPixelData, true);
});

test('a DICOM file is recognised by "DICM" after its 128-byte preamble', () => {
  const { written } = sequenceFile();
  assert.equal(looksLikeDicom(written.bytes.subarray(0, 132)), true);
  assert.equal(looksLikeDicom(written.bytes.subarray(0, 131)), false);
  assert.equal(looksLikeDicom(new Uint8Array(200)), false);
});
