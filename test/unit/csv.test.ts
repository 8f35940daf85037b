import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { exportCsv } from '../../src/core/csv/exportCsv';
import { longRowsFor } from '../../src/core/csv/rows';
import { neutraliseFormula, safeCell } from '../../src/core/csv/neutralise';
import { formatRecord, quoteField, UTF8_BOM } from '../../src/core/csv/rfc4180';
import { sniffDicom } from '../../src/core/scan/sniff';
import { parseSelectorList } from '../../src/core/query';
import { el, seq } from './queryHelpers';
import { dicomFile, memoryIo, part10Bytes } from './csvHelpers';

function parseCsv(text: string, delimiter = ','): string[][] {
  assert.ok(text.startsWith(UTF8_BOM), 'starts with a UTF-8 BOM');
  return parse(text, { bom: true, delimiter, relax_column_count: false });
}

const hostile = [
  'Doe, John',
  'O"Brien "the" Second',
  'line one\nline two\r\nline three',
  'C:\\path\\with\\backslashes',
  '山田^太郎=やまだ^たろう',
  'Ἀθηνᾶ Παλλάς',
  'Müller^Jürgen',
  ' padded ',
  '',
];

test('fields round-trip through csv-parse with commas, quotes, newlines, backslashes and non-Latin text', () => {
  for (const delimiter of [',', ';', '\t']) {
    const text = UTF8_BOM + formatRecord(hostile, delimiter) + formatRecord(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], delimiter);
    const rows = parseCsv(text, delimiter);
    assert.deepEqual(rows[0], hostile, `delimiter ${JSON.stringify(delimiter)}`);
    assert.equal(rows.length, 2);
  }
  assert.equal(quoteField('plain', ','), 'plain');
  assert.equal(quoteField('a;b', ','), 'a;b');
  assert.equal(quoteField('a;b', ';'), '"a;b"');
});

test('cells a spreadsheet would run get a leading quote; plain numbers stay numbers', () => {
  for (const formula of ['=1+2', '=HYPERLINK("http://x","y")', '+A1', '-A1+1', '@SUM(A1)', '\tcmd', '\r=1', '-', '+', '-1024\\-5', '-1,2']) {
    assert.equal(neutraliseFormula(formula), "'" + formula, formula);
  }
  for (const plain of ['-1024', '+3', '-0.5', '-.5', '-1.5e-3', '+2E10', 'CT', '1\\2', 'a=b', '']) {
    assert.equal(neutraliseFormula(plain), plain, plain);
  }
});

test('a trigger after leading blanks of any kind, or in fullwidth form, is disarmed too', () => {
  const blanks = ['\n', '\r\n', ' ', '\t', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3000', '\u2003', '\u2028', '\u00AD', ' \u00A0\u3000'];
  for (const blank of blanks) {
    for (const trigger of ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      const cell = `${blank}${trigger}cmd|' /C calc'!A0`;
      assert.equal(neutraliseFormula(cell), "'" + cell, JSON.stringify(cell));
    }
    // A leading TAB or CR is a trigger by itself (OWASP); other blanks before plain text are not.
    const alwaysQuoted = blank[0] === '\t' || blank[0] === '\r';
    assert.equal(neutraliseFormula(`${blank}plain text`), `${alwaysQuoted ? "'" : ''}${blank}plain text`, JSON.stringify(blank));
  }
  for (const fullwidth of ['\uFF1D1+1', '\uFF20SUM(A1)', '\uFF0B1', '\uFF0D1']) assert.equal(neutraliseFormula(fullwidth), "'" + fullwidth);
});

test('control characters other than TAB, CR and LF are written visibly, never raw', () => {
  assert.equal(safeCell('AB\0\0'), 'AB<U+0000><U+0000>');
  assert.equal(safeCell('\u001b[31mred'), '<U+001B>[31mred');
  assert.equal(safeCell('del\u007f c1\u0085'), 'del<U+007F> c1<U+0085>');
  assert.equal(safeCell('tab\there\r\nnext'), 'tab\there\r\nnext');
  // A control before a trigger cannot hide it: the escape is visible text, and the cell no longer starts with a trigger.
  assert.equal(safeCell('\0=1+1'), '<U+0000>=1+1');
  assert.equal(safeCell('=1+1\0'), "'=1+1<U+0000>");
  const record = formatRecord(['a\0b', '\u0007'].map(safeCell), ',');
  assert.doesNotMatch(record, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
});

test('sniffing tells part 10 files and bare data sets from other files', () => {
  assert.equal(sniffDicom(part10Bytes(1)), 'part10');
  assert.equal(sniffDicom(new TextEncoder().encode('# README\nhello world, this is not DICOM')), 'none');
  assert.equal(sniffDicom(Uint8Array.of(0x08, 0x00, 0x05, 0x00, 0x43, 0x53, 0x0a, 0x00)), 'bare');
  assert.equal(sniffDicom(Uint8Array.of(0x08, 0x00, 0x05, 0x00, 0x0a, 0x00, 0x00, 0x00)), 'bare');
  assert.equal(sniffDicom(new Uint8Array(3)), 'none');
});

const fileA = dicomFile([
  el('00080060', 'Modality', 'CS', 'CT'),
  el('00100010', 'PatientName', 'PN', '=HYPERLINK("http://evil")'),
  el('00280030', 'PixelSpacing', 'DS', ['0.5', '0.5']),
  el('00291010', null, 'LO', 'private, "quoted"'),
  el('00281052', 'RescaleIntercept', 'DS', '-1024'),
]);
const fileB = dicomFile([
  el('00080020', 'StudyDate', 'DA', '20240102'),
  el('00100010', 'PatientName', 'PN', '山田^太郎'),
  seq('52009229', 'SharedFunctionalGroupsSequence', [[seq('00289110', 'PixelMeasuresSequence', [[el('00180050', 'SliceThickness', 'DS', '1.25')]])]]),
  el('7FE00010', 'PixelData', 'OW', null, { bulk: { size: 524288, head: '00 00' } }),
]);
const broken = dicomFile([el('00080060', 'Modality', 'CS', 'MR')], [{ code: 'value-past-end-of-file', severity: 'error', offset: 812, message: 'element length runs past the end of the file' }]);

function folder() {
  return memoryIo(
    [
      { path: 'a/1.dcm', bytes: part10Bytes(1) },
      { path: 'README.txt', bytes: new TextEncoder().encode('just some notes about this study folder, not DICOM at all') },
      { path: 'b/2', bytes: part10Bytes(2) },
      { path: 'b/thrown.dcm', bytes: part10Bytes(9) },
      { path: 'c/broken.dcm', bytes: part10Bytes(3) },
      { path: 'c/short.dcm', bytes: Uint8Array.of(1, 2, 3) },
    ],
    new Map<number, ReturnType<typeof dicomFile> | Error>([
      [1, fileA],
      [2, fileB],
      [3, broken],
      [9, new Error('Invalid transfer syntax')],
    ]),
  );
}

test('union columns: every top-level tag, ordered by tag, one row per DICOM file, errors in their column', async () => {
  const io = folder();
  const summary = await exportCsv(io, { columns: { kind: 'union' } });
  const rows = parseCsv(io.output());
  assert.deepEqual(rows[0], ['File', 'StudyDate', 'Modality', 'PatientName', 'PixelSpacing', 'RescaleIntercept', '(0029,1010)', 'SharedFunctionalGroupsSequence', 'PixelData', 'Error']);
  const byFile = new Map(rows.slice(1).map((r) => [r[0], r]));
  assert.deepEqual([...byFile.keys()], ['a/1.dcm', 'b/2', 'b/thrown.dcm', 'c/broken.dcm', 'c/short.dcm']);
  assert.deepEqual(byFile.get('a/1.dcm'), ['a/1.dcm', '', 'CT', `'=HYPERLINK("http://evil")`, '0.5\\0.5', '-1024', 'private, "quoted"', '', '', '']);
  assert.deepEqual(byFile.get('b/2'), ['b/2', '20240102', '', '山田^太郎', '', '', '', '(1 item)', '(524288 bytes)', '']);
  assert.equal(byFile.get('b/thrown.dcm')!.at(-1), 'Invalid transfer syntax');
  assert.equal(byFile.get('c/broken.dcm')![2], 'MR');
  assert.equal(byFile.get('c/broken.dcm')!.at(-1), 'value-past-end-of-file at 0x032C: element length runs past the end of the file');
  assert.match(byFile.get('c/short.dcm')!.at(-1)!, /not a DICOM file/);
  assert.deepEqual(summary, { files: 5, skipped: 1, errors: 3, columns: 10, cancelled: false });
});

test('chosen columns: keywords, tags, sequence paths and private tags, header as given', async () => {
  const io = folder();
  const selectors = parseSelectorList('PatientName,(0029,1010),SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness,00280030');
  await exportCsv(io, { columns: { kind: 'selected', selectors }, delimiter: ';' });
  const rows = parseCsv(io.output(), ';');
  assert.deepEqual(rows[0], ['File', 'PatientName', '(0029,1010)', 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness', '00280030', 'Error']);
  assert.deepEqual(rows[1], ['a/1.dcm', `'=HYPERLINK("http://evil")`, 'private, "quoted"', '', '0.5\\0.5', '']);
  assert.deepEqual(rows[2], ['b/2', '山田^太郎', '', '1.25', '', '']);
});

test('long form: one row per element at any depth with path, tag, VR, length and offset', async () => {
  const io = memoryIo([{ path: 'x.dcm', bytes: part10Bytes(2) }], new Map([[2, fileB]]));
  await exportCsv(io, { columns: { kind: 'long' } });
  const rows = parseCsv(io.output());
  assert.deepEqual(rows[0], ['File', 'Path', 'Tag', 'Keyword', 'Name', 'VR', 'VM', 'Length', 'Offset', 'Value', 'Error']);
  const paths = rows.slice(1).map((r) => r[1]);
  assert.deepEqual(paths, [
    'StudyDate',
    'PatientName',
    'SharedFunctionalGroupsSequence',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness',
    'PixelData',
  ]);
  const thickness = rows[5];
  assert.deepEqual(thickness.slice(2, 8), ['(0018,0050)', 'SliceThickness', 'SliceThickness', 'DS', '1', '4']);
  assert.equal(rows[3][7], 'undefined');
  assert.match(thickness[8], /^\d+$/);
});

test('cancelling stops the export and reports it', async () => {
  const files = Array.from({ length: 200 }, (_, i) => ({ path: `f${i}.dcm`, bytes: part10Bytes(1) }));
  const io = memoryIo(files, new Map([[1, fileA]]), { delayMs: 1 });
  const controller = new AbortController();
  let seen = 0;
  const summary = await exportCsv(io, {
    columns: { kind: 'selected', selectors: parseSelectorList('Modality') },
    signal: controller.signal,
    concurrency: 4,
    onProgress: (p) => {
      seen = p.done;
      if (p.done === 10) controller.abort();
    },
  });
  assert.equal(summary.cancelled, true);
  assert.equal(seen, 10);
  assert.ok(io.openCount() < 20, `opened ${io.openCount()} files`);
  assert.equal(parseCsv(io.output()).length, 11);
});

test('a union export cancelled during the census writes nothing', async () => {
  const files = Array.from({ length: 50 }, (_, i) => ({ path: `f${i}.dcm`, bytes: part10Bytes(1) }));
  const io = memoryIo(files, new Map([[1, fileA]]));
  const controller = new AbortController();
  const summary = await exportCsv(io, { columns: { kind: 'union' }, signal: controller.signal, onProgress: (p) => p.done === 5 && controller.abort() });
  assert.equal(summary.cancelled, true);
  assert.equal(io.output(), '');
});

test('long form for chosen elements: full paths from the top level, sequences with their contents', () => {
  const measures = fileB.dataSet[2].items![0].elements[0];
  const thickness = measures.items![0].elements[0];
  const rows = [
    ...longRowsFor('x.dcm', [
      [{ element: fileB.dataSet[2], itemIndex: 0 }, { element: measures, itemIndex: 0 }, { element: thickness }],
      [{ element: fileB.dataSet[2], itemIndex: 0 }, { element: measures }],
    ]),
  ];
  assert.deepEqual(rows.map((r) => r[1]), [
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness',
  ]);
  assert.equal(rows[0][9], '1.25');
});

test('a union export reads each file once within the row budget, and twice only past it, with the same output', async () => {
  const once = folder();
  const summaryOnce = await exportCsv(once, { columns: { kind: 'union' } });
  assert.equal(once.openCount(), 6, 'every file opened once');
  const twice = folder();
  const summaryTwice = await exportCsv(twice, { columns: { kind: 'union' }, rowBufferBytes: 900 });
  assert.ok(twice.openCount() > 6 && twice.openCount() < 12, `opened ${twice.openCount()} times`);
  assert.equal(twice.output(), once.output());
  assert.deepEqual(summaryTwice, summaryOnce);
  const none = folder();
  await exportCsv(none, { columns: { kind: 'union' }, rowBufferBytes: 0 });
  assert.equal(none.openCount(), 12);
  assert.equal(none.output(), once.output());
});

test('cancelling while held rows are written stops the export', async () => {
  const files = Array.from({ length: 3000 }, (_, i) => ({ path: `f${i}.dcm`, bytes: part10Bytes(1) }));
  const io = memoryIo(files, new Map([[1, fileA]]));
  const controller = new AbortController();
  const summary = await exportCsv(io, {
    columns: { kind: 'union' },
    signal: controller.signal,
    onProgress: (p) => p.phase === 'rows' && controller.abort(),
  });
  assert.equal(summary.cancelled, true);
  assert.ok(parseCsv(io.output()).length < 3001);
  assert.equal(io.openCount(), 3000, 'no file read a second time');
});

test('long form: the rows of one large file are written in bounded pieces as they are made', async () => {
  const frames = Array.from({ length: 3000 }, (_, f) => [el('00200032', 'ImagePositionPatient', 'DS', ['0', '0', String(f)])]);
  const big = dicomFile([el('00100010', 'PatientName', 'PN', 'Multi^Frame'), seq('52009230', 'PerFrameFunctionalGroupsSequence', frames)]);
  const io = memoryIo([{ path: 'mf.dcm', bytes: part10Bytes(4) }], new Map([[4, big]]));
  const pieces: number[] = [];
  const write = io.write;
  await exportCsv({ ...io, write: (text) => (pieces.push(text.length), write(text)) }, { columns: { kind: 'long' } });
  const rows = parseCsv(io.output());
  assert.equal(rows.length, 1 + 2 + 3000); // header, PatientName, the sequence, one row per item's element
  assert.ok(pieces.length > 4, `${pieces.length} pieces`);
  // A piece is flushed once it passes 64 KiB, so none holds much more than one row beyond that.
  assert.ok(Math.max(...pieces) < 64 * 1024 + 1024, `largest piece ${Math.max(...pieces)} chars`);
});
