/**
 * The Bytes pane's colouring: for a file of every transfer syntax, with defined and undefined
 * length sequences, items, delimiters and (encapsulated syntaxes) a Basic Offset Table and
 * fragments, each byte's part must be what the fixture writer's own layout says it wrote,
 * whether the runs are asked for the whole file at once or page by page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partRuns, type BytePart, type PartRun } from '../../src/core/bytes/byteParts';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { TRANSFER_SYNTAXES, writeDicom, type ElementSpec, type Layout, type LayoutElement, type LayoutFragment, type TransferSyntaxName } from '../fixtures/writer';

const LONG_HEADER_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

function elements(encapsulated: boolean): ElementSpec[] {
  const pixels: ElementSpec = encapsulated
    ? { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, encapsulated: { frames: [[Uint8Array.of(1, 2, 3, 4), Uint8Array.of(5, 6)], [Uint8Array.of(7, 8)]], basicOffsetTable: true } }
    : { tag: 0x7fe00010, vr: 'OW', value: [1, 2, 3, 4] };
  return [
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    {
      tag: 0x00081115,
      vr: 'SQ',
      undefinedLength: true,
      items: [
        { elements: [{ tag: 0x0020000e, vr: 'UI', value: '1.2.3.4' }], undefinedLength: true },
        { elements: [{ tag: 0x00081150, vr: 'UI', value: '1.2.3' }, { tag: 0x00081155, vr: 'UI', value: '1.2.3.5' }] },
      ],
    },
    { tag: 0x00081140, vr: 'SQ', items: [{ elements: [{ tag: 0x00081150, vr: 'UI', value: '1.2' }] }] },
    { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
    { tag: 0x00280010, vr: 'US', value: [2] },
    pixels,
  ];
}

/** Each byte's part, from the writer's layout alone (it never looks at the reader). */
function expectedParts(layout: Layout, size: number, dataSetExplicit: boolean): BytePart[] {
  const parts: BytePart[] = new Array(size).fill('unread');
  const mark = (from: number, to: number, part: BytePart): void => {
    for (let i = from; i < to; i++) parts[i] = part;
  };
  if (layout.preamble) mark(layout.preamble.offset, layout.preamble.offset + layout.preamble.length, 'preamble');
  if (layout.prefix) mark(layout.prefix.offset, layout.prefix.offset + layout.prefix.length, 'prefix');
  const fragment = (f: LayoutFragment, data: BytePart): void => {
    mark(f.offset, f.valueOffset, 'fragmentHeader');
    mark(f.valueOffset, f.valueOffset + f.length, data);
  };
  const element = (e: LayoutElement, explicit: boolean): void => {
    mark(e.offset, e.offset + 4, 'tag');
    if (!explicit) {
      mark(e.offset + 4, e.offset + 8, 'length');
    } else if (LONG_HEADER_VRS.has(e.vr)) {
      mark(e.offset + 4, e.offset + 6, 'vr');
      mark(e.offset + 6, e.offset + 8, 'reserved');
      mark(e.offset + 8, e.offset + 12, 'length');
    } else {
      mark(e.offset + 4, e.offset + 6, 'vr');
      mark(e.offset + 6, e.offset + 8, 'length');
    }
    if (e.items) {
      for (const item of e.items) {
        mark(item.offset, item.valueOffset, 'item');
        item.elements.forEach((inner) => element(inner, explicit));
        if (item.delimiterOffset !== null) mark(item.delimiterOffset, item.delimiterOffset + 8, 'delimiter');
      }
    } else if (e.fragments) {
      if (e.basicOffsetTable) fragment(e.basicOffsetTable.item, 'offsetTable');
      e.fragments.forEach((f) => fragment(f, 'fragment'));
    } else {
      mark(e.valueOffset, e.end, 'value');
    }
    if (e.sequenceDelimiterOffset != null) mark(e.sequenceDelimiterOffset, e.sequenceDelimiterOffset + 8, 'delimiter');
  };
  layout.meta.forEach((e) => element(e, true));
  layout.dataSet.forEach((e) => element(e, dataSetExplicit));
  return parts;
}

function partsOf(runs: readonly PartRun[], size: number): BytePart[] {
  const parts: BytePart[] = new Array(size).fill('unread');
  for (const run of runs) for (let i = run.start; i < run.end; i++) parts[i] = run.part;
  return parts;
}

function firstDifference(actual: readonly BytePart[], expected: readonly BytePart[]): string {
  const at = actual.findIndex((part, i) => part !== expected[i]);
  return at < 0 ? 'none' : `byte ${at}: ${actual[at]}, writer says ${expected[at]}`;
}

for (const name of Object.keys(TRANSFER_SYNTAXES) as TransferSyntaxName[]) {
  const facts = TRANSFER_SYNTAXES[name];
  test(`${name}: every byte has the part the writer wrote, whole or page by page`, async () => {
    const written = writeDicom(elements(facts.encapsulated), { transferSyntax: name });
    const { file, source } = await openDicom(memoryFileAccess(written.bytes));
    const size = await source.size();
    const expected = expectedParts(written.layout, size, facts.explicitVr);
    const whole = partRuns(file, 0, size);
    assert.equal(firstDifference(partsOf(whole, size), expected), 'none');
    // Runs are contiguous and cover exactly the range asked for.
    whole.forEach((run, i) => assert.equal(run.start, i === 0 ? 0 : whole[i - 1].end));
    assert.equal(whole[whole.length - 1].end, size);
    // Pages of a size that cuts headers in two give the same parts.
    const paged: PartRun[] = [];
    for (let start = 0; start < size; start += 7) paged.push(...partRuns(file, start, Math.min(size, start + 7)));
    assert.equal(firstDifference(partsOf(paged, size), expected), 'none');
  });
}

test('runs name the node: path and keyword of the innermost element', async () => {
  const written = writeDicom(elements(false), { transferSyntax: 'explicitLittle' });
  const { file } = await openDicom(memoryFileAccess(written.bytes));
  const sequence = written.layout.dataSet.find((e) => e.tag === '00081115')!;
  const inner = sequence.items![1].elements[1];
  const [run] = partRuns(file, inner.valueOffset, inner.valueOffset + 1);
  assert.equal(run.path, '00081115[1].00081155');
  assert.equal(run.keyword, 'ReferencedSOPInstanceUID');
  assert.equal(run.part, 'value');
});

test('a deflated file seen raw: the meta group as in the model, then compressed bytes', async () => {
  const written = writeDicom(elements(false), { transferSyntax: 'deflatedExplicitLittle' });
  const { file } = await openDicom(memoryFileAccess(written.bytes));
  const runs = partRuns(file, 0, written.bytes.length, 'raw');
  const last = runs[runs.length - 1];
  assert.deepEqual([last.start, last.end, last.part], [file.dataSetOffset, written.bytes.length, 'deflated']);
  assert.deepEqual(partRuns(file, 0, file.dataSetOffset, 'raw'), partRuns(file, 0, file.dataSetOffset));
});

test('a value cut by the end of the file: its header, then the bytes that are there as its value', async () => {
  const written = writeDicom(elements(false), { transferSyntax: 'explicitLittle' });
  const name = written.layout.dataSet.find((e) => e.tag === '00100010')!;
  const cut = written.bytes.subarray(0, name.valueOffset + 3);
  const { file } = await openDicom(memoryFileAccess(cut));
  const runs = partRuns(file, name.offset, cut.length).map((run) => [run.start, run.end, run.part, run.path]);
  assert.deepEqual(runs, [
    [name.offset, name.offset + 4, 'tag', '00100010'],
    [name.offset + 4, name.offset + 6, 'vr', '00100010'],
    [name.offset + 6, name.valueOffset, 'length', '00100010'],
    [name.valueOffset, cut.length, 'value', '00100010'],
  ]);
});
