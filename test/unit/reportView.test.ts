// What the editor's Report tab gets and shows: the core report model in the document view, every
// content item reachable in the DICOM Tags view at its own offset (so the selection the tree
// sends back lands on the same row), and the labels with their hover details. The concept
// names and values are checked against dsrdump's reading of the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryFileAccess } from '../../src/core/io';
import { readDicom } from '../../src/core/parse/readDicom';
import { referencedImage, structuredReport, REFERENCED_IMAGE_UID } from '../fixtures/reports/structuredReport';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import type { ContentItem } from '../../src/core/report/reportModel';
import { conceptLabel, observationLines, valueLabel } from '../../src/core/report/reportLabels';
import { headerFields } from '../../src/core/report/reportText';
import { documentView } from '../../src/extension/editor/documentView';
import { deepestNodeAtOffset } from '../../src/extension/tree/offsetLookup';
import { dsrdump as runDsrdump, requireDsrdump } from '../support/dsrdump';

const written = structuredReport();
const file = parseDicomBytes(written.bytes);
const view = documentView('report.dcm', file, { showPrivateTags: true, offsetFormat: 'hex', maxValueLength: 64 });

function items(root: ContentItem): ContentItem[] {
  return [root, ...root.children.flatMap(items)];
}

test('the document view of a structured report carries its content tree; other files carry none', () => {
  assert.ok(view.report, 'the report is in the view');
  assert.equal(view.report.documentType, 'Comprehensive 3D SR Document');
  assert.equal(items(view.report.root).length, 18);
  // The view travels as JSON through postMessage: nothing may be lost on the way.
  assert.deepEqual(JSON.parse(JSON.stringify(view.report)), view.report);
  const image = parseDicomBytes(referencedImage().bytes);
  assert.equal(documentView('ct.dcm', image, { showPrivateTags: true, offsetFormat: 'hex', maxValueLength: 64 }).report, undefined);
});

test('every content item below the root is the node the DICOM Tags view finds at its offset', () => {
  for (const item of items(view.report!.root).slice(1)) {
    const node = deepestNodeAtOffset(file, item.offset, { showPrivateTags: true });
    assert.equal(node?.kind, 'item', item.position);
    assert.equal(node.offset, item.offset, item.position);
  }
});

test('labels: code meanings with scheme and value on hover, numbers with units, references by class, as dsrdump reads them', (t) => {
  if (!requireDsrdump(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-report-view-'));
  const path = join(dir, 'report.dcm');
  writeFileSync(path, written.bytes);
  const dsrdump = runDsrdump(path);
  const all = items(view.report!.root);
  // Every concept meaning dsrdump prints is a label of the tree.
  const meanings = [...dsrdump.matchAll(/\(([^,()]+),([^,()]+),"([^"]+)"\)=/g)].map((m) => m[3]);
  const labels = new Set(all.map((item) => conceptLabel(item).text));
  assert.ok(meanings.length >= 14, dsrdump);
  for (const meaning of meanings) assert.ok(labels.has(meaning), meaning);

  const distance = all.find((item) => item.concept?.meaning === 'Distance')!;
  assert.deepEqual(conceptLabel(distance), { text: 'Distance', title: 'Distance\nCode value: 121206\nCoding scheme: DCM' });
  assert.equal(valueLabel(distance).text, '12.5 mm');
  assert.match(valueLabel(distance).title, /Unit: \(mm,UCUM,"millimeter"\)/);
  const impression = all.find((item) => item.concept?.meaning === 'Impression')!;
  assert.deepEqual(valueLabel(impression), { text: 'Normal', title: 'Normal\nCode value: 17621005\nCoding scheme: SCT' });
  const image = all.find((item) => item.valueType === 'IMAGE' && item.value.kind === 'reference' && item.value.reference?.frames.length)!;
  assert.equal(conceptLabel(image).missing, true);
  assert.equal(valueLabel(image).text, 'CT Image Storage frame 2');
  assert.match(valueLabel(image).title, new RegExp(`SOP Instance UID: ${REFERENCED_IMAGE_UID.replace(/\./g, '\\.')}`));
  const byReference = all.find((item) => item.referencedPosition !== undefined)!;
  assert.equal(conceptLabel(byReference).text, '(by reference to 1.3.2)');

  const context = observationLines(view.report!.root.children.filter((child) => child.relationship === 'has obs context'));
  assert.deepEqual(context.map(({ label, value }) => [label, value]), [['Person Observer Name', 'Smith^Jane']]);
  assert.match(dsrdump, /has obs context PNAME:\(121008,DCM,"Person Observer Name"\)="Smith\^Jane"/);
});

test('the corpus report (deflated, written by DCMTK): every concept dsrdump prints is a label, every item is found at its offset', async (t) => {
  if (!requireDsrdump(t)) return;
  const path = resolve(__dirname, '../../../shared/corpus/dicomparser/deflate/report_dfl');
  const corpusFile = await readDicom(memoryFileAccess(new Uint8Array(readFileSync(path))));
  const corpusView = documentView('report_dfl', corpusFile, { showPrivateTags: true, offsetFormat: 'hex', maxValueLength: 64 });
  assert.ok(corpusView.report);
  const all = items(corpusView.report.root);
  const dsrdump = runDsrdump(path);
  const lines = dsrdump.split('\n').filter((line) => line.trimStart().startsWith('<'));
  assert.equal(all.length, lines.length, 'one item per dsrdump content line');
  const labels = new Set(all.map((item) => conceptLabel(item).text));
  for (const meaning of [...dsrdump.matchAll(/:\([^,()]+,[^,()]+,"([^"]+)"\)=/g)].map((m) => m[1])) assert.ok(labels.has(meaning), meaning);
  const diameter = all.find((item) => item.concept?.meaning === 'Diameter')!;
  assert.equal(valueLabel(diameter).text, '1.5 cm');
  // The tab shows what the text form shows: the unit's scheme version on hover, the header's
  // fields (Referring Physician included) as dsrdump prints them; a TEXT keeps its line breaks
  // where the one-line text form escapes them.
  assert.match(valueLabel(diameter).title, /Unit: \(cm,UCUM\[1\.4\],"centimeter"\)/);
  const fields = headerFields(corpusView.report);
  assert.ok(fields.some((field) => field.label === 'Referring Physician'));
  for (const field of fields) assert.ok(dsrdump.includes(`${field.label.padEnd(20)}: ${field.value}\n`), field.label);
  const treatment = all.find((item) => item.concept?.meaning === 'Treatment')!;
  assert.match(valueLabel(treatment).text, /radiation\.\nThe reason/);
  assert.match(dsrdump, /radiation\.\\nThe reason/);
  for (const item of all.slice(1)) {
    const node = deepestNodeAtOffset(corpusFile, item.offset, { showPrivateTags: true });
    assert.equal(node?.offset, item.offset, item.position);
  }
});
