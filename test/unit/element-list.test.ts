// The editor's element list: the host's flattened model (checked against pydicom's walk of the
// same file), the page's tree shape, rows on screen, filter keeping parents, selection and keys,
// and the messages between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ElementList } from '../../src/extension/elements/elementList';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { childNodes, rootNodes } from '../../src/extension/tree/tagNodes';
import { allFixtures } from '../fixtures/catalog';
import { corpusFiles } from '../support/corpusFiles';
import { answerElements, type ListSelection } from '../../src/extension/elements/elementServer';
import { parseElementsMessage } from '../../src/shared/elementsProtocol';
import { parseWebviewMessage } from '../../src/shared/protocol';
import { TreeShape, filterMask, rowOf, visibleRows } from '../../webview/editor/elements/treeShape';
import { RowSelection } from '../../webview/editor/elements/rowSelection';
import { keyAction, type KeyContext } from '../../webview/editor/elements/listKeys';
import { sequenceFile } from './extensionFixtures';
import { pydicomJson, requirePydicom } from '../support/pydicom';

const OPTIONS = { showPrivateTags: true, maxValueLength: 64 };

/** Depth-first walk of meta and data set as "depth tag" lines, items as "depth item"; depths as the list counts them. */
const PYDICOM_WALK = `
import sys, json, pydicom
ds = pydicom.dcmread(sys.argv[1])
out = []
def walk(elements, depth):
    # The dict keeps reading order; iterating a Dataset would sort by tag.
    for tag in list(elements._dict.keys()):
        el = elements[tag]
        out.append('%d %08X' % (depth, int(el.tag)))
        if el.VR == 'SQ':
            for item in el.value:
                out.append('%d item' % (depth + 1))
                walk(item, depth + 2)
walk(ds.file_meta, 1)
walk(ds, 1)
print(json.dumps(out))
`;

test('the list holds every node in file order with its depth, as pydicom walks the same file', (t) => {
  const python = requirePydicom(t);
  if (!python) return;
  const { written, file } = sequenceFile();
  const dir = mkdtempSync(path.join(tmpdir(), 'element-list-'));
  try {
    const dcm = path.join(dir, 'sequence.dcm');
    writeFileSync(dcm, written.bytes);
    const expected = pydicomJson<string[]>(python, PYDICOM_WALK.replace('sys.argv[1]', JSON.stringify(dcm)));
    const list = new ElementList(file, OPTIONS);
    const ours = [...list.nodes()].flatMap((node, index) => {
      if (node.kind === 'element') return [`${list.depths[index]} ${node.element!.tag}`];
      if (node.kind === 'item') return [`${list.depths[index]} item`];
      return [];
    });
    assert.deepEqual(ours, expected);
    // The roots lead: preamble, prefix, meta, data set; delimiters keep their place in the file.
    assert.deepEqual([...list.nodes()].filter((_, i) => list.depths[i] === 0).map((node) => node.kind), ['preamble', 'prefix', 'meta', 'dataSet']);
    const offsets = [...list.nodes()].map((node) => node.offset);
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b), 'file order');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rows read like the tree: tag, VR, length, keyword, value and the byte ranges', () => {
  const { file } = sequenceFile();
  const list = new ElementList(file, OPTIONS);
  const rows = [...list.nodes()].map((_, index) => list.row(index));
  const nested = rows.find((row) => row.value === '1.2.3.5')!;
  assert.deepEqual({ tag: nested.tag, vr: nested.vr, name: nested.name, length: nested.length }, { tag: '(0020,000E)', vr: 'UI', name: 'SeriesInstanceUID', length: '8' });
  const sequence = file.dataSet.find((e) => e.keyword === 'ReferencedSeriesSequence')!;
  const sequenceRow = rows.find((row) => row.name === 'ReferencedSeriesSequence')!;
  assert.deepEqual([sequenceRow.length, sequenceRow.value, sequenceRow.offset, sequenceRow.valueOffset, sequenceRow.end], ['undefined', '<2 items>', sequence.offset, sequence.valueOffset, sequence.end]);
  const item = rows.find((row) => row.name === 'Item 1')!;
  assert.deepEqual([item.tag, item.value], ['(FFFE,E000)', '2 elements']);
  assert.ok(rows.some((row) => row.name === 'SequenceDelimitationItem' && row.tag === '(FFFE,E0DD)'));
  assert.equal(rows.find((row) => row.name === 'Prefix')?.value, 'DICM');
});

test('filter matches and id lookup; a private element hidden by the settings is found as its parent', () => {
  const { file } = sequenceFile();
  const list = new ElementList(file, OPTIONS);
  const names = (indices: Uint32Array): string[] => [...indices].map((index) => list.row(index).name);
  assert.deepEqual(names(list.matches('1.2.3.5')), ['SeriesInstanceUID']);
  assert.deepEqual(names(list.matches('0010,0020')), ['PatientID']);
  assert.deepEqual(names(list.matches('00100020')), ['PatientID']);
  assert.equal(list.matches('   ').length, 0);
  const sequenceIndex = [...list.nodes()].findIndex((node) => node.element?.keyword === 'ReferencedSeriesSequence');
  assert.equal(list.indexOf(list.node(sequenceIndex).id), sequenceIndex);
  const privateId = [...list.nodes()].find((node) => node.element?.tag === '00091001')!.id;
  const withoutPrivate = new ElementList(file, { ...OPTIONS, showPrivateTags: false });
  assert.equal(withoutPrivate.node(withoutPrivate.indexOf(privateId)).kind, 'dataSet');
  assert.equal(withoutPrivate.indexOf('nowhere/e1'), -1);
});

/** depths of: 0 ds, 1 a, 1 seq, 2 item0, 3 x, 2 item1, 3 y, 3 z, 1 b */
const SMALL = Uint16Array.of(0, 1, 1, 2, 3, 2, 3, 3, 1);

test('the shape gives subtree sizes and parents; collapsed subtrees leave the rows on screen', () => {
  const shape = new TreeShape(SMALL);
  assert.deepEqual([...shape.sizes], [8, 0, 5, 1, 0, 2, 0, 0, 0]);
  assert.deepEqual([...shape.parents], [-1, 0, 0, 2, 3, 2, 5, 5, 0]);
  assert.deepEqual(shape.ancestors(7), [5, 2, 0]);
  const expanded = Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0);
  assert.deepEqual([...visibleRows(shape, expanded, null)], [0, 1, 2, 8]);
  expanded[2] = 1;
  expanded[5] = 1;
  assert.deepEqual([...visibleRows(shape, expanded, null)], [0, 1, 2, 3, 5, 6, 7, 8]);
  assert.equal(rowOf(visibleRows(shape, expanded, null), 6), 5);
  assert.equal(rowOf(visibleRows(shape, expanded, null), 4), -1);
});

test('a filter keeps the parents of a match and everything inside it', () => {
  const shape = new TreeShape(SMALL);
  // "y" (6) matches: its item (5), sequence (2) and data set (0) stay, and open.
  const mask = filterMask(shape, Uint32Array.of(6));
  assert.deepEqual([...mask.parents].sort(), [0, 2, 5]);
  const expanded = new Uint8Array(shape.length);
  for (const parent of mask.parents) expanded[parent] = 1;
  assert.deepEqual([...visibleRows(shape, expanded, mask.shown)], [0, 2, 5, 6]);
  // The sequence (2) matches: its items come with it, closed until opened.
  const sequence = filterMask(shape, Uint32Array.of(2, 4));
  assert.deepEqual([...sequence.parents], [0]);
  const opened = Uint8Array.of(1, 0, 1, 0, 0, 0, 0, 0, 0);
  assert.deepEqual([...visibleRows(shape, opened, sequence.shown)], [0, 2, 3, 5]);
});

test('a million nodes: shape, rows on screen and filter in single passes', () => {
  // A data set of 250,000 sequences of one item holding two elements: 1,000,001 nodes.
  const depths = new Uint16Array(1 + 250_000 * 4);
  for (let s = 0; s < 250_000; s++) depths.set([1, 2, 3, 3], 1 + s * 4);
  const shape = new TreeShape(depths);
  assert.equal(shape.sizes[0], depths.length - 1);
  const expanded = new Uint8Array(shape.length);
  expanded[0] = 1;
  assert.equal(visibleRows(shape, expanded, null).length, 250_001);
  expanded.fill(1);
  assert.equal(visibleRows(shape, expanded, null).length, depths.length);
  const last = depths.length - 1;
  const mask = filterMask(shape, Uint32Array.of(last));
  assert.deepEqual([...mask.parents], [last - 2, last - 3, 0]);
  assert.deepEqual([...visibleRows(shape, expanded, mask.shown)], [0, last - 3, last - 2, last]);
});

test('selection: click, Ctrl/Cmd+click toggles, Shift+click takes the shown range', () => {
  const rows = Uint32Array.of(0, 1, 2, 3, 5, 6, 7, 8);
  const selection = new RowSelection();
  selection.click(1, { toggle: false, range: false }, rows);
  selection.click(6, { toggle: false, range: true }, rows);
  assert.deepEqual(selection.indices(), [1, 2, 3, 5, 6]);
  selection.click(3, { toggle: true, range: false }, rows);
  assert.deepEqual(selection.indices(), [1, 2, 5, 6]);
  selection.click(8, { toggle: true, range: true }, rows);
  assert.deepEqual(selection.indices(), [1, 2, 3, 5, 6, 7, 8], 'a Ctrl+Shift range adds to the selection, from the last anchor');
  assert.equal(selection.focus, 8);
  selection.click(2, { toggle: false, range: false }, rows);
  assert.deepEqual(selection.indices(), [2]);
  // A collapse that hides the focus moves it to the shown parent.
  selection.keepShown(Uint32Array.of(0, 1, 8), 0);
  assert.deepEqual([selection.indices(), selection.focus], [[0], 0]);
});

test('keys move, expand, collapse, go to the parent and reveal bytes', () => {
  const shape = new TreeShape(SMALL);
  const expanded = Uint8Array.of(1, 0, 1, 0, 0, 0, 0, 0, 0);
  const context = (focus: number): KeyContext => ({ shape, expanded, rows: visibleRows(shape, expanded, null), focus, pageRows: 3 });
  // rows: 0 1 2 3 5 8
  assert.deepEqual(keyAction('ArrowDown', context(1)), { kind: 'move', row: 2 });
  assert.deepEqual(keyAction('ArrowUp', context(-1)), { kind: 'move', row: 0 });
  assert.deepEqual(keyAction('End', context(0)), { kind: 'move', row: 5 });
  assert.deepEqual(keyAction('PageDown', context(2)), { kind: 'move', row: 5 });
  assert.deepEqual(keyAction('PageUp', context(3)), { kind: 'move', row: 0 });
  assert.deepEqual(keyAction('ArrowRight', context(5)), { kind: 'expand', index: 5 });
  assert.deepEqual(keyAction('ArrowRight', context(2)), { kind: 'move', row: 3 }, 'an open node goes to its first child');
  assert.deepEqual(keyAction('ArrowLeft', context(2)), { kind: 'collapse', index: 2 });
  assert.deepEqual(keyAction('ArrowLeft', context(5)), { kind: 'move', row: 2 }, 'a closed node goes to its parent');
  assert.deepEqual(keyAction('Enter', context(8)), { kind: 'reveal', index: 8 });
  assert.deepEqual(keyAction('x', context(8)), { kind: 'none' });
});

test('the host answers by list id: a re-parsed file makes old requests stale', () => {
  const { file } = sequenceFile();
  const selections: ListSelection[] = [];
  const shape = answerElements({ type: 'elements/shape' }, file, OPTIONS, (s) => selections.push(s));
  assert.ok(shape?.type === 'elements/shapeReply');
  const listId = shape.listId;
  assert.equal(new Uint16Array(shape.depths).length, 3 + 7 + 1 + 9 + 2 + 3 + 1 + 1);
  const rows = answerElements({ type: 'elements/rows', listId, indices: [2, 999] }, file, OPTIONS, () => undefined);
  assert.ok(rows?.type === 'elements/rowsReply');
  assert.deepEqual([rows.indices, rows.rows.map((r) => r.name)], [[2], ['FileMetaInformation']]);
  answerElements({ type: 'elements/select', listId, indices: Uint32Array.of(3, 4).buffer, focus: 4 }, file, OPTIONS, (s) => selections.push(s));
  assert.deepEqual([selections[0].nodes.map((n) => n.id), selections[0].focus.id], [['meta/e0', 'meta/e1'], 'meta/e1']);
  const reparsed = sequenceFile().file;
  const stale = answerElements({ type: 'elements/rows', listId, indices: [2] }, reparsed, OPTIONS, () => undefined);
  assert.ok(stale?.type === 'elements/rowsReply' && stale.listId !== listId && stale.rows.length === 0);
  assert.equal(answerElements({ type: 'elements/find', listId: 0, id: 'ds' }, null, OPTIONS, () => undefined), undefined);
});

test('element list messages from the page are accepted only in their exact shapes', () => {
  assert.deepEqual(parseElementsMessage({ type: 'elements/rows', listId: 3, indices: [1, 2], extra: 1 }), { type: 'elements/rows', listId: 3, indices: [1, 2] });
  assert.equal(parseWebviewMessage({ type: 'elements/find', listId: 1, id: 'ds/e1' })?.type, 'elements/find');
  for (const bad of [
    { type: 'elements/rows', listId: 3, indices: new Array(1001).fill(0) },
    { type: 'elements/rows', listId: 3, indices: [-1] },
    { type: 'elements/rows', listId: -1, indices: [] },
    { type: 'elements/filter', listId: 1, query: 'x'.repeat(300) },
    { type: 'elements/find', listId: 1, id: '' },
    { type: 'elements/select', listId: 1, indices: [1, 2], focus: 1 },
    { type: 'elements/select', listId: 1, indices: new ArrayBuffer(3), focus: 1 },
    { type: 'elements/drop', listId: 1 },
  ]) {
    assert.equal(parseElementsMessage(bad), null, JSON.stringify(bad).slice(0, 80));
  }
});

test('every row is found again by its id, and rows are the tree depth first, in every fixture and corpus file', () => {
  const sources = [
    ...allFixtures.filter((f) => f.onDisk).map((f) => f.build().bytes),
    ...corpusFiles().map((file) => new Uint8Array(readFileSync(file))),
  ];
  for (const bytes of sources) {
    const file = parseDicomBytes(bytes);
    for (const showPrivateTags of [true, false]) {
      const list = new ElementList(file, { ...OPTIONS, showPrivateTags });
      // The tree walked depth first with nodes built as the tree builds them.
      const expected: string[] = [];
      const stack = rootNodes(file).reverse();
      while (stack.length > 0) {
        const node = stack.pop()!;
        expected.push(node.id);
        stack.push(...childNodes(node, file, { showPrivateTags }).reverse());
      }
      const ids = [...list.nodes()].map((node) => node.id);
      assert.deepEqual(ids, expected);
      ids.forEach((id, index) => assert.equal(list.indexOf(id), index, id));
    }
  }
});
