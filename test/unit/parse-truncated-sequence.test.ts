/**
 * A nested sequence cut at every byte: every element and item that lies wholly before the cut
 * must be in the model at the writer's offsets, the nodes the cut runs through must be there as
 * far as their headers go, nothing after them may appear, and an error must name the exact
 * offset where the first broken piece starts (its tag, or the length field of a cut value).
 * DCMTK's `dcmdump +E` (read as far as possible) is the second opinion on the tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DicomElement, DicomFile, DicomItem } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { plainElements } from '../../src/core/values/plainElements';
import { writeDicom, type ElementSpec, type LayoutElement, type LayoutItem, type TransferSyntaxName, type WrittenFile } from '../fixtures/writer';
import { byTag, identification } from '../fixtures/catalog/common';
import { fixtureByName } from '../fixtures/catalog';
import { compareTrees, type TreeElement } from '../support/compareTree';
import { dcmdumpBytes, type DumpElement } from '../support/dcmdump';

const code = (value: string): ElementSpec[] => [
  { tag: 0x00080100, vr: 'SH', value },
  { tag: 0x00080102, vr: 'SH', value: 'DCM' },
];

/** A defined-length sequence whose first item holds an undefined-length one, then an undefined-length item. */
function nested(transferSyntax: TransferSyntaxName): WrittenFile {
  return writeDicom(byTag([
    ...identification('truncated-sequence'),
    {
      tag: 0x0040a730, vr: 'SQ', items: [
        { elements: [...code('A'), { tag: 0x0040a043, vr: 'SQ', undefinedLength: true, items: [{ undefinedLength: true, elements: [...code('INNER'), { tag: 0x00080104, vr: 'LO', value: 'Meaning' }] }] }] },
        { undefinedLength: true, elements: code('B') },
      ],
    },
  ]), { transferSyntax });
}

function lengthField(e: LayoutElement, explicitVr: boolean): number {
  if (!explicitVr) return e.offset + 4;
  return e.valueOffset - e.offset === 12 ? e.offset + 8 : e.offset + 6;
}

/** The offset an error must name for a cut at `cut`: where the first piece that does not fit starts. */
function breakOffset(elements: readonly LayoutElement[], cut: number, explicitVr: boolean): number | null {
  for (const e of elements) {
    if (e.valueOffset > cut || (e.valueOffset === cut && e.offset === cut)) return e.offset;
    if (!e.items) {
      if (e.end > cut) return lengthField(e, explicitVr);
      continue;
    }
    for (const item of e.items) {
      if (item.valueOffset > cut || item.offset === cut) return item.offset;
      const inner = breakOffset(item.elements, cut, explicitVr);
      if (inner !== null) return inner;
      if (item.delimiterOffset !== null && item.delimiterOffset + 8 > cut) return item.delimiterOffset;
    }
    if (e.sequenceDelimiterOffset != null && e.sequenceDelimiterOffset + 8 > cut) return e.sequenceDelimiterOffset;
    if (e.end > cut) return cut;
  }
  return null;
}

/** Differences between the model and the part of the writer's layout that lies before `cut`. */
function keptDiffs(actual: readonly DicomElement[], expected: readonly LayoutElement[], cut: number, at = ''): string[] {
  const diffs: string[] = [];
  const fits = expected.filter((e) => e.valueOffset <= cut && e.offset < cut);
  if (actual.length !== fits.length) return [`${at}: ${actual.length} elements, expected ${fits.length}`];
  fits.forEach((e, i) => {
    const a = actual[i];
    const here = `${at}${e.tag}@${e.offset}`;
    const whole = e.end <= cut;
    if (a.tag !== e.tag || a.offset !== e.offset || a.valueOffset !== e.valueOffset || a.length !== e.length) diffs.push(`${here}: header differs`);
    if (whole ? a.end !== e.end : a.end > cut) diffs.push(`${here}: end ${a.end}`);
    if (e.items) diffs.push(...keptItems(a.items ?? [], e.items, cut, here));
  });
  return diffs;
}

function keptItems(actual: readonly DicomItem[], expected: readonly LayoutItem[], cut: number, at: string): string[] {
  const fits = expected.filter((item) => item.valueOffset <= cut);
  if (actual.length !== fits.length) return [`${at}: ${actual.length} items, expected ${fits.length}`];
  return fits.flatMap((item, i) => {
    const a = actual[i];
    const here = `${at}/${i}`;
    const diffs: string[] = [];
    if (a.offset !== item.offset || a.valueOffset !== item.valueOffset || a.length !== item.length) diffs.push(`${here}: item header differs`);
    if (item.end <= cut ? a.end !== item.end || a.delimiterOffset !== item.delimiterOffset : a.end > cut) diffs.push(`${here}: item end ${a.end}`);
    return [...diffs, ...keptDiffs(a.elements, item.elements, cut, `${here}/`)];
  });
}

function checkCut(file: DicomFile, written: WrittenFile, cut: number, explicitVr: boolean, label: string): void {
  const expected = breakOffset(written.layout.dataSet, cut, explicitVr);
  const errors = file.issues.filter((i) => i.severity === 'error');
  const shown = errors.map((i) => `${i.code} @ ${i.offset}: ${i.message}`).join('\n');
  const atBreak = errors.find((i) => i.offset === expected);
  assert.ok(atBreak, `${label}: an error at ${expected}\n${shown}`);
  // A cut in the sequence's own header leaves no element to name.
  const sequence = written.layout.dataSet.find((e) => e.tag === '0040A730')!;
  if (cut >= sequence.valueOffset) {
    assert.ok(atBreak.path?.startsWith('0040A730') && atBreak.tag, `${label}: the error names the element it concerns (${atBreak.path})`);
  }
  assert.deepEqual(keptDiffs(file.dataSet, written.layout.dataSet, cut), [], `${label}: kept elements`);
}

for (const [syntax, explicitVr] of [['explicitLittle', true], ['implicitLittle', false], ['explicitBig', true]] as const) {
  test(`truncation: a nested sequence (${syntax}) cut at every byte keeps what fits and names the break`, async () => {
    const written = nested(syntax);
    const sequence = written.layout.dataSet.find((e) => e.tag === '0040A730')!;
    for (let cut = sequence.offset + 1; cut < sequence.end; cut++) {
      const bytes = written.bytes.subarray(0, cut);
      checkCut(parseDicomBytes(bytes), written, cut, explicitVr, `parseDicomBytes cut at ${cut}`);
      checkCut(await readDicom(memoryFileAccess(bytes), { initialReadBytes: 200 }), written, cut, explicitVr, `readDicom cut at ${cut}`);
    }
  });
}

/** dcmdump +E prints a closing delimiter for every undefined-length container of a cut file,
 * read or not, so delimiters are left out here (the test above checks them against the writer). */
function withoutDelimiters(elements: readonly DumpElement[]): DumpElement[] {
  return elements.map((e) => ({
    ...e, sequenceDelimiter: undefined,
    items: e.items?.map((item) => ({ ...item, delimiter: false, elements: withoutDelimiters(item.elements) })),
  }));
}

function modelWithoutDelimiters(elements: readonly DicomElement[]): TreeElement[] {
  return plainElements(elements).map((e) => ({
    ...e, sequenceDelimiterOffset: undefined,
    items: e.items?.map((item) => ({ ...item, delimiterOffset: null, elements: modelWithoutDelimiters(item.elements) })),
  }));
}

test('truncation: dcmdump +E reads the same tree as the model at every cut of the nested sequence', () => {
  const written = nested('explicitLittle');
  const sequence = written.layout.dataSet.find((e) => e.tag === '0040A730')!;
  const disagreements: string[] = [];
  for (let cut = sequence.offset + 1; cut < sequence.end; cut++) {
    const bytes = written.bytes.subarray(0, cut);
    const dump = dcmdumpBytes(bytes, ['+E']);
    const diffs = compareTrees(modelWithoutDelimiters(parseDicomBytes(bytes).dataSet), withoutDelimiters(dump.dataSet), { vr: true });
    if (diffs.length > 0) disagreements.push(`cut at ${cut}: ${diffs.join('; ')}`);
  }
  assert.deepEqual(disagreements, []);
});

test('truncation: the issue of a cut value names the element by path, tag and keyword', () => {
  const built = fixtureByName('bad-truncated-mid-element').build();
  const issue = parseDicomBytes(built.bytes).issues.find((i) => i.code === 'value-past-end-of-file');
  assert.ok(issue, 'value-past-end-of-file issue');
  assert.deepEqual([issue.path, issue.tag, issue.keyword], ['00100010', '00100010', 'PatientName']);
  assert.match(issue.message, /only 3 are there/);
});
