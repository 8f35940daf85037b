import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { detailedReport, structuredReport } from '../fixtures/reports/structuredReport';
import { writeDicom } from '../fixtures/writer';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { readReport } from '../../src/core/report/readReport';
import { formatReport } from '../../src/core/report/reportText';
import { DSRDUMP_OPTIONS, dsrdump, requireDsrdump } from '../support/dsrdump';
import { runCli } from '../support/runCli';

const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-report-'));
const written = structuredReport();
const srPath = join(dir, 'report.dcm');
writeFileSync(srPath, written.bytes);

const corpusReport = resolve(__dirname, '../../../shared/corpus/dicomparser/deflate/report_dfl');
const detailedPath = join(dir, 'detailed.dcm');
writeFileSync(detailedPath, detailedReport().bytes);

/**
 * The only intentional difference from dsrdump's text: after the document, `report` lists the
 * problems it found with their offsets ("Problems:" and one indented line each), which dsrdump
 * does not read for (its own warnings go to stderr, which the comparison leaves out).
 */
function withoutProblems(text: string): { document: string; problems: string[] } {
  const start = text.indexOf('\nProblems:\n');
  if (start < 0) return { document: text, problems: [] };
  return { document: text.slice(0, start + 1), problems: text.slice(start + '\nProblems:\n'.length).split('\n').slice(0, -1) };
}

const comparedFiles: [name: string, path: string, lines: number][] = [
  // Every value type and nesting, observation context, a by-reference relationship.
  ['the SR fixture', srPath, 20],
  // Every header line dsrdump prints, escaped line breaks, a scheme version, an empty NUM.
  ['the detailed SR fixture', detailedPath, 30],
  // Deflated, written by DCMTK itself: TEXT with line breaks, UCUM[1.4] units, a referring physician.
  ['the corpus report (report_dfl)', corpusReport, 30],
];

for (const [name, path, atLeast] of comparedFiles) {
  test(`report prints ${name} as dsrdump ${DSRDUMP_OPTIONS.join(' ')} does, line for line`, async (t) => {
    if (!requireDsrdump(t)) return;
    const expected = dsrdump(path).split('\n');
    assert.ok(expected.length >= atLeast, `dsrdump read the whole document:\n${expected.join('\n')}`);
    const { stdout } = await runCli('report', path);
    const { document, problems } = withoutProblems(stdout);
    assert.deepEqual(document.split('\n'), expected);
    for (const line of problems) assert.match(line, /^ {2}(info|warning|error) [a-z0-9-]+: /);
  });
}

test('report --json gives every content item its position, path and the offset of its sequence item', async () => {
  const { code, stdout } = await runCli('report', '--json', srPath);
  assert.equal(code, 0);
  const json = JSON.parse(stdout);
  // JSON, not the typed model: the test reads what a script would.
  const root = json.root;
  assert.equal(root.valueType, 'CONTAINER');
  assert.deepEqual(root.concept, { value: '18748-4', scheme: 'LN', meaning: 'Diagnostic Imaging Report' });
  const findings = root.children[2];
  const distance = findings.children[1];
  assert.equal(distance.position, '1.3.2');
  assert.equal(distance.path, '0040A730[2].0040A730[1]');
  assert.deepEqual(distance.value, { kind: 'numeric', numeric: '12.5', unit: { value: 'mm', scheme: 'UCUM', meaning: 'millimeter' }, qualifier: null });
  const content = written.layout.dataSet.find((e) => e.tag === '0040A730')!;
  const layoutFindings = content.items![2];
  const layoutDistance = layoutFindings.elements.find((e) => e.tag === '0040A730')!.items![1];
  assert.equal(findings.offset, layoutFindings.offset);
  assert.equal(distance.offset, layoutDistance.offset);
  assert.equal(distance.end, layoutDistance.end);
  const image = distance.children[0].children[0];
  assert.deepEqual(image.value.reference.frames, [2]);
  assert.equal(image.value.reference.sopClassName, 'CT Image Storage');
  assert.equal(findings.children.at(-1).referencedPosition, '1.3.2');
});

test('a by-reference relationship to a missing item and an unknown value type are reported with offsets', () => {
  const bytes = writeDicom([
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.88.11' },
    { tag: 0x0040a040, vr: 'CS', value: 'CONTAINER' },
    { tag: 0x0040a730, vr: 'SQ', items: [
      { elements: [{ tag: 0x0040a010, vr: 'CS', value: 'CONTAINS' }, { tag: 0x0040a040, vr: 'CS', value: 'BLOB' }] },
      { elements: [{ tag: 0x0040a010, vr: 'CS', value: 'INFERRED FROM' }, { tag: 0x0040db73, vr: 'UL', value: [1, 7] }] },
    ] },
  ], { transferSyntax: 'explicitLittle' });
  const report = readReport(parseDicomBytes(bytes.bytes))!;
  const items = bytes.layout.dataSet[2].items!;
  assert.deepEqual(report.issues.map((issue) => [issue.code, issue.offset, issue.path]), [
    ['sr-unknown-value-type', items[0].offset, '0040A730[0]'],
    ['sr-reference-not-found', items[1].offset, '0040A730[1]'],
  ]);
  assert.equal(report.documentType, 'Basic Text SR Document');
});

test('report refuses a file that is not a structured report with exit 2', async () => {
  const image = join(dir, 'image.dcm');
  writeFileSync(image, writeDicom([{ tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' }], { transferSyntax: 'explicitLittle' }).bytes);
  const { code, stderr, stdout } = await runCli('report', image);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /not a structured report/);
});

test('report and report --json are written as they are made, byte for byte the whole-document forms', async () => {
  for (const [name, path] of comparedFiles) {
    const file = parseDicomBytes(new Uint8Array(readFileSync(path)));
    const report = readReport(file);
    assert.ok(report, name);
    const issues = [...file.issues, ...report.issues];
    const text = await runCli('report', path);
    assert.equal(text.stdout, formatReport({ ...report, issues }), name);
    const json = await runCli('report', '--json', path);
    assert.equal(json.stdout, JSON.stringify({ file: path, ...report, issues }, null, 2) + '\n', name);
  }
});
