import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/runCli';
import { writeDicom, type ElementSpec } from '../fixtures/writer';

const utf8 = (text: string) => new TextEncoder().encode(text.length % 2 ? text + ' ' : text);

function instance(name: string | Uint8Array, extra: ElementSpec[] = [], charset = 'ISO_IR 100'): Uint8Array {
  const elements: ElementSpec[] = [
    { tag: 0x00080005, vr: 'CS', value: charset },
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00100010, vr: 'PN', value: name },
    { tag: 0x00280030, vr: 'DS', value: '0.5\\0.5' },
    { tag: 0x00281052, vr: 'DS', value: '-1024' },
    ...extra,
  ].sort((a, b) => a.tag - b.tag);
  return writeDicom(elements, { transferSyntax: 'explicitLittle' }).bytes;
}

const multiFrame: ElementSpec[] = [
  { tag: 0x00291010, vr: 'LO', value: 'private, "value"' },
  { tag: 0x00290010, vr: 'LO', value: 'EXAMPLE CREATOR' },
  {
    tag: 0x52009229,
    vr: 'SQ',
    items: [{ elements: [{ tag: 0x00289110, vr: 'SQ', items: [{ elements: [{ tag: 0x00180050, vr: 'DS', value: '2.5' }] }] }] }],
  },
];

async function study(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'csv-cli-'));
  await mkdir(path.join(root, 'series1'));
  await mkdir(path.join(root, 'series2'));
  await writeFile(path.join(root, 'series1', 'a.dcm'), instance('=HYPERLINK("http://x")^Evil'));
  await writeFile(path.join(root, 'series1', 'b'), instance(utf8('山田^太郎=やまだ^たろう'), multiFrame, 'ISO_IR 192'));
  // A header longer than the export's first read: its last attributes must still be there.
  const longComment: ElementSpec = { tag: 0x00204000, vr: 'LT', value: 'x'.repeat(40_000) };
  await writeFile(path.join(root, 'series2', 'c.dcm'), instance('Doe, "Johnny"\\Second^Line', [longComment]));
  const whole = instance('Truncated^File');
  await writeFile(path.join(root, 'series2', 'd.dcm'), whole.subarray(0, whole.length - 5));
  await writeFile(path.join(root, 'series2', 'notes.txt'), 'not DICOM, just notes');
  return root;
}

const run = (args: string[]) => runCli('csv', ...args);

test('csv --tags over a folder: one row per DICOM file, decoded text, paths and private tags, no live formula', async () => {
  const root = await study();
  try {
    const result = await run([root, '--tags', 'PatientName,(0029,1010),SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness,PixelSpacing,RescaleIntercept']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.startsWith('\uFEFF'));
    const rows: string[][] = parse(result.stdout, { bom: true });
    assert.deepEqual(rows[0], ['File', 'PatientName', '(0029,1010)', 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness', 'PixelSpacing', 'RescaleIntercept', 'Error']);
    const byFile = new Map(rows.slice(1).map((r) => [r[0], r]));
    assert.deepEqual([...byFile.keys()], ['series1/a.dcm', 'series1/b', 'series2/c.dcm', 'series2/d.dcm']);
    assert.equal(byFile.get('series1/a.dcm')![1], `'=HYPERLINK("http://x")^Evil`);
    assert.equal(byFile.get('series1/a.dcm')![5], '-1024');
    assert.deepEqual(byFile.get('series1/b')!.slice(1, 6), ['山田^太郎=やまだ^たろう', 'private, "value"', '2.5', '0.5\\0.5', '-1024']);
    assert.equal(byFile.get('series2/c.dcm')![1], 'Doe, "Johnny"\\Second^Line');
    assert.deepEqual(byFile.get('series2/c.dcm')!.slice(4), ['0.5\\0.5', '-1024', '']);
    assert.notEqual(byFile.get('series2/d.dcm')!.at(-1), '', 'the truncated file has an error');
    assert.match(result.stderr, /Exported 4 files, 1 non-DICOM skipped, 1 with errors/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('csv without --tags writes the union ordered by tag to --out, leaving no partial file', async () => {
  const root = await study();
  const out = path.join(root, 'out.csv');
  try {
    const result = await run([path.join(root, 'series1'), path.join(root, 'series2'), '--out', out, '--delimiter', ';']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    const rows: string[][] = parse(await readFile(out, 'utf8'), { bom: true, delimiter: ';' });
    const header = rows[0];
    assert.equal(header[0], 'File');
    assert.equal(header.at(-1), 'Error');
    for (const name of ['SpecificCharacterSet', 'Modality', 'PatientName', '(0029,0010)', '(0029,1010) [EXAMPLE CREATOR]', 'SharedFunctionalGroupsSequence']) assert.ok(header.includes(name), name);
    assert.ok(header.indexOf('Modality') < header.indexOf('PatientName'));
    assert.ok(header.indexOf('(0029,1010) [EXAMPLE CREATOR]') < header.indexOf('SharedFunctionalGroupsSequence'));
    assert.equal(rows.length, 5);
    assert.deepEqual((await readdir(root)).filter((f) => f.includes('partial')), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('csv --long gives one row per element with its path; bad arguments exit 2', async () => {
  const root = await study();
  try {
    const result = await run([path.join(root, 'series1', 'b'), '--long']);
    assert.equal(result.code, 0, result.stderr);
    const rows: string[][] = parse(result.stdout, { bom: true });
    assert.deepEqual(rows[0], ['File', 'Path', 'Tag', 'Keyword', 'Name', 'VR', 'VM', 'Length', 'Offset', 'Value', 'Error']);
    const thickness = rows.find((r) => r[1] === 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness');
    assert.ok(thickness);
    assert.deepEqual(thickness.slice(2, 6), ['(0018,0050)', 'SliceThickness', 'Slice Thickness', 'DS']);
    assert.equal(thickness[9], '2.5');
    assert.equal((await run([root, '--tags', 'NoSuchKeyword'])).code, 2);
    assert.equal((await run([root, '--tags', 'PatientName', '--long'])).code, 2);
    assert.equal((await run([root, '--delimiter', 'x'])).code, 2);
    assert.equal((await run([])).code, 2);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
