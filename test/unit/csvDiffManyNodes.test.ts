/**
 * `csv` and `diff` on files of many elements: the census table and the pairing walk give what
 * a map and a sort gave, the output is written in bounded pieces, the streamed diff output is
 * the one a whole report would be, and the cells and differences are those pydicom reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { TagIdTable } from '../../src/core/csv/tagIdTable';
import { TagCensus } from '../../src/core/csv/columns';
import { exportCsv, readCsvHeader } from '../../src/core/csv/exportCsv';
import { valueText } from '../../src/core/csv/cells';
import { escapeControls, neutraliseFormula } from '../../src/core/csv/neutralise';
import { pairElements, pairItemsByKey } from '../../src/core/diff/pairing';
import { diffDicom } from '../../src/core/diff/diffDicom';
import { formatDiffText } from '../../src/core/diff/formatDiff';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import type { DicomItem } from '../../src/core/model';
import { manyTinyElements, tinyElementsDiffering, tinyElementTag } from '../fixtures/catalog/hostileCounts';
import { el } from './queryHelpers';
import { runCli } from '../support/runCli';
import { pydicomJson, requirePydicom } from '../support/pydicom';

const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-many-nodes-'));
const file = (name: string, bytes: Uint8Array) => {
  const full = path.join(dir, name);
  writeFileSync(full, bytes);
  return full;
};

test('the tag id table finds what a Map finds, across growth, negative keys and tags that differ in low bits only', () => {
  const table = new TagIdTable();
  const reference = new Map<number, number>();
  for (let i = 0; i < 300_000; i++) {
    // Private blocks of 256 tags, in groups below and above 0x8000 (negative as 32-bit integers).
    const group = i % 2 === 0 ? 0x0009 + 2 * Math.floor(i / 512) : 0x8001 + 2 * Math.floor(i / 512);
    const key = ((group << 16) | (0x1000 + (i % 256))) | 0;
    if (reference.has(key)) continue;
    table.add(key, reference.size);
    reference.set(key, reference.size);
  }
  assert.equal(table.size, reference.size);
  for (const [key, id] of reference) assert.equal(table.get(key), id);
  assert.equal(table.get(0x7fe00010), -1);
  assert.equal(table.get(0), -1);
});

test('census columns are in unsigned tag order, groups above 0x8000 last, and a tag seen twice is one column', () => {
  const census = new TagCensus();
  census.add([el('80010010', null, 'LO', 'HIGH'), el('00100010', 'PatientName', 'PN', 'A^B'), el('00080060', 'Modality', 'CS', 'CT')]);
  census.add([el('00080060', 'Modality', 'CS', 'MR'), el('7FE00010', 'PixelData', 'OW', null)]);
  assert.deepEqual(census.summaries().map((s) => [s.tag, s.files, s.example]), [
    ['00080060', 2, 'CT'], ['00100010', 1, 'A^B'], ['7FE00010', 1, ''], ['80010010', 1, 'HIGH'],
  ]);
  const columns = census.columns();
  assert.deepEqual(Array.from({ length: columns.count }, (_, i) => columns.heading(i)), ['Modality', 'PatientName', 'PixelData', '(8001,0010)']);
  assert.equal(columns.columnOf(el('80010010', null, 'LO', 'x')), 3);
  assert.equal(columns.columnOf(el('00200013', 'InstanceNumber', 'IS', '1')), -1);
});

test('the fast paths of the cell neutraliser give what the full rules give, for every UTF-16 code unit first or inside', () => {
  // The rules written out once more, plainly: controls other than TAB, LF, CR made visible;
  // a trigger after any leading blanks (or a leading TAB or CR) disarmed unless a plain number.
  const controls = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
  const formula = (text: string) => {
    if (text === '') return text;
    if (text[0] === '\t' || text[0] === '\r') return "'" + text;
    const start = /^[\s\u200B-\u200D\u2060\u180E\u00AD]+/.exec(text)?.[0].length ?? 0;
    if (start >= text.length || !'=+-@\uFF1D\uFF0B\uFF0D\uFF20'.includes(text[start])) return text;
    if (start === 0 && /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return text;
    return "'" + text;
  };
  for (let code = 0; code <= 0xffff; code++) {
    const c = String.fromCharCode(code);
    for (const text of [c, `${c}=1+1`, `${c}12`, `a${c}b`]) {
      assert.equal(escapeControls(text), controls(text), `escape ${code.toString(16)}`);
      assert.equal(neutraliseFormula(text), formula(text), `formula ${code.toString(16)}`);
    }
  }
});

test('a preview of a value of many values stops early and reads as the start of the whole cell', () => {
  const values = Array.from({ length: 100_000 }, (_, i) => String(i));
  const whole = valueText(values);
  assert.equal(whole, values.join('\\'));
  const preview = valueText(values, 65);
  assert.ok(preview.length >= 65 && preview.length < 80, `${preview.length} characters`);
  assert.ok(whole.startsWith(preview));
});

test('a union export of a file of 20,000 private tags is written in bounded pieces, its cells as pydicom reads them', async (t) => {
  const python = requirePydicom(t);
  if (python === null) return;
  const bytes = manyTinyElements(20_000);
  const pieces: string[] = [];
  await exportCsv(
    {
      async *listFiles() { yield { path: 'tiny.dcm', relativePath: 'tiny.dcm' }; },
      open: async () => ({ ...memoryFileAccess(bytes), close: async () => undefined }),
      readHeader: (access, firstRead, _path, stop) => readCsvHeader(access, firstRead, stop),
      write: (text) => { pieces.push(text); },
    },
    { columns: { kind: 'union' } },
  );
  // The header and the row are each hundreds of KB: written as pieces of about 64 KiB.
  assert.ok(pieces.length > 4, `${pieces.length} pieces`);
  assert.ok(Math.max(...pieces.map((p) => p.length)) < 64 * 1024 + 256, 'no piece much over 64 KiB');
  const [header, row, ...rest] = parse(pieces.join(''), { bom: true }) as string[][];
  assert.equal(rest.length, 0);
  const source = file('tiny.dcm', bytes);
  const expected = pydicomJson<[string, string][]>(python, `
import json, pydicom
ds = pydicom.dcmread(${JSON.stringify(source)})
elements = sorted(list(ds.file_meta.values()) + list(ds.values()), key=lambda e: e.tag)
text = lambda v: '' if v is None else v.decode('ascii') if isinstance(v, bytes) else str(v)
print(json.dumps([['%08X' % e.tag, text(e.value)] for e in elements]))
`);
  assert.equal(header.length, expected.length + 2);
  assert.deepEqual([header[0], header.at(-1)], ['File', 'Error']);
  // Private columns are headed "(gggg,eeee) [creator]"; their order and cells follow pydicom's.
  const privateColumns = header.flatMap((heading, i) => (/^\((\w{4}),(\w{4})\) \[BENCH\]$/.test(heading) ? [i] : []));
  assert.equal(privateColumns.length, 20_000);
  const expectedByTag = new Map(expected);
  for (const column of privateColumns) {
    const tag = header[column].slice(1, 5) + header[column].slice(6, 10);
    assert.equal(row[column], expectedByTag.get(tag), header[column]);
  }
  const privateData = expected.filter(([tag]) => parseInt(tag.slice(0, 4), 16) % 2 === 1 && parseInt(tag.slice(4), 16) >= 0x1000);
  assert.deepEqual(privateColumns.map((c) => header[c].slice(1, 10)), privateData.map(([tag]) => `${tag.slice(0, 4)},${tag.slice(4)}`));
});

test('elements are paired in tag order, n-th occurrence of a tag with n-th, whatever order the lists are in', () => {
  const x = [el('00100020', 'PatientID', 'LO', '1'), el('00080060', 'Modality', 'CS', 'CT'), el('00100020', 'PatientID', 'LO', '2'), el('00200013', 'InstanceNumber', 'IS', '5')];
  const y = [el('00080060', 'Modality', 'CS', 'MR'), el('00100020', 'PatientID', 'LO', '1'), el('00100010', 'PatientName', 'PN', 'A')];
  const pairs = [...pairElements(x, y, (e) => e.tag !== '00200013')].map((p) => [p.a?.value ?? null, p.b?.value ?? null, p.index]);
  assert.deepEqual(pairs, [['CT', 'MR', 0], [null, 'A', 0], ['1', '1', 0], ['2', null, 1]]);
});

test('items sharing one key are paired in order, and unpaired ones on either side are reported', () => {
  const item = (value: string): DicomItem => ({ offset: 0, length: 0, elements: [el('00081155', 'ReferencedSOPInstanceUID', 'UI', value)] } as unknown as DicomItem);
  const a = [item('1'), item('1'), item('2'), item('1')];
  const b = [item('1'), item('3'), item('1')];
  const pairs = pairItemsByKey(a, b, '00081155').map((p) => [p.a ? a.indexOf(p.a) : null, p.b ? b.indexOf(p.b) : null, p.index]);
  assert.deepEqual(pairs, [[0, 0, 0], [1, 2, 1], [2, null, 2], [3, null, 3], [null, 1, 1]]);
});

test('two files of 20,000 tiny elements differing in three values: those three differences, as pydicom finds them, streamed as the whole report reads', async (t) => {
  const changed = [7, 5000, 19_999];
  const [before, after] = tinyElementsDiffering(20_000, changed);
  const a = file('before.dcm', before);
  const b = file('after.dcm', after);
  const result = await diffDicom(await openDicom(memoryFileAccess(before)), await openDicom(memoryFileAccess(after)));
  const expectedTags = changed.map((i) => tinyElementTag(i).toString(16).toUpperCase().padStart(8, '0'));
  assert.deepEqual(result.entries.map((e) => [e.path, e.change, e.b?.value]), expectedTags.map((tag) => [tag, 'changed', 'CHANGED']));
  assert.equal(result.differences, 3);
  const python = requirePydicom(t);
  if (python !== null) {
    const differing = pydicomJson<string[]>(python, `
import json, pydicom
x = pydicom.dcmread(${JSON.stringify(a)}); y = pydicom.dcmread(${JSON.stringify(b)})
print(json.dumps(['%08X' % e.tag for e in x if e.value != y[e.tag].value]))
`);
    assert.deepEqual(differing, expectedTags);
  }
  // The CLI writes each difference as found: its output is the one made from the whole result.
  const text = await runCli('diff', a, b);
  assert.equal(text.code, 1);
  assert.equal(text.stdout, formatDiffText(result, a, b));
  const json = await runCli('diff', '--json', a, b);
  assert.equal(json.stdout, JSON.stringify(result.entries, null, 2) + '\n');
  const same = await runCli('diff', '--json', a, a);
  assert.equal(same.code, 0);
  assert.equal(same.stdout, '[]\n');
});
