// The DICOM Structure view: a structured report as its content tree (with the report as text
// beside it) and a DICOMDIR as Patient → Study → Series → Image records that open their files.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { readReport } from '../../../src/core/report/readReport';
import type { EditorHostMessage, SelectElementMessage } from '../../../src/shared/protocol';
import { closeAllEditors, coreParse, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const REPORT = 'fixtures/reports/comprehensive-3d-sr.dcm';
const REFERENCED_IMAGE = 'fixtures/reports/referenced-ct.dcm';
const DICOMDIR = 'fixtures/media/DICOMDIR';

suite('DICOM Structure view', () => {
  teardown(closeAllEditors);
  suiteTeardown(closeAllEditors);

  test('a structured report shows its content tree; a node reveals its item; the report opens as text', async function () {
    const uri = workspaceFile(REPORT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const structure = await waitFor(() => api.structure.provider.structure, 'the report structure');
    assert.equal(structure.kind, 'report');
    assert.equal(api.structure.view.title, 'Comprehensive 3D SR Document');
    const root = structure.roots[0];
    assert.equal(root.label, 'Diagnostic Imaging Report');
    const findings = root.children[2];
    assert.equal(findings.label, 'Findings');
    const distance = findings.children[1];
    assert.equal(distance.description, 'NUM  12.5 mm');
    assert.match(distance.tooltip, /Concept name: \(121206,DCM,"Distance"\)/);

    await vscode.commands.executeCommand('dicomInspector.revealStructureNode', distance);
    const model = await coreParse(uri);
    const item = model.dataSet.find((e) => e.tag === '0040A730')!.items![2].elements.find((e) => e.tag === '0040A730')!.items![1];
    await waitFor(() => api.tagTree.view.selection[0]?.offset === item.offset, 'the item of the content node to be selected in DICOM Tags');

    await vscode.commands.executeCommand('dicomInspector.openReportText');
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'dicom-report'), 'the report text beside the editor');
    const text = editor.document.getText();
    assert.match(text, /^Comprehensive 3D SR Document$/m);
    assert.match(text, /^ {4}<contains NUM:\(121206,DCM,"Distance"\)="12\.5" \(mm,UCUM,"millimeter"\)>$/m);
  });

  test('a DICOMDIR shows its records by level, and an IMAGE record opens the file it references', async function () {
    const uri = workspaceFile(DICOMDIR);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const structure = await waitFor(() => api.structure.provider.structure, 'the DICOMDIR structure');
    assert.equal(structure.kind, 'directory');
    assert.deepEqual(structure.roots.map((node) => node.label), ['PATIENT', 'PATIENT']);
    const image = structure.roots[0].children[0].children[0].children[0];
    assert.equal(image.label, 'IMAGE');
    assert.equal(image.referencedFile, 'P1/S1/IMG1');
    const item = await api.structure.provider.getTreeItem(image);
    assert.equal(item.contextValue, 'referencesFile');

    await vscode.commands.executeCommand('dicomInspector.openReferencedFile', image);
    const target = workspaceFile('fixtures/media/P1/S1/IMG1');
    await waitFor(() => api.tracker.currentDocument?.uri.toString() === target.toString(), 'the referenced image to open in the DICOM editor');
  });

  test('a Report tab item reveals its sequence item, and the selection comes back to the page at that item', async function () {
    const uri = workspaceFile(REPORT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri);
    assert.ok(document?.file);
    const report = readReport(await coreParse(uri));
    assert.ok(report);
    const distance = report.root.children[2].children[1];
    assert.equal(distance.concept?.meaning, 'Distance');

    const sent: EditorHostMessage[] = [];
    const post = api.tracker.post.bind(api.tracker);
    api.tracker.post = (target, message) => {
      if (target === document) sent.push(message);
      post(target, message);
    };
    try {
      // What the page sends when the item is clicked (a revealOffset at the item's offset).
      api.tracker.requestReveal({ document, offset: distance.offset });
      const selection = await waitFor(() => sent.find((m): m is SelectElementMessage => m.type === 'selectElement' && m.offset === distance.offset), 'the selection to reach the page at the item');
      assert.equal(selection.end, distance.end);
      const node = api.tagTree.view.selection[0];
      assert.equal(node?.kind, 'item');
      assert.equal(node.offset, distance.offset);
    } finally {
      api.tracker.post = post;
    }
  });

  test('a referenced image in the workspace opens from the report; one that is not there is said to be missing', async function () {
    const uri = workspaceFile(REPORT);
    const image = workspaceFile(REFERENCED_IMAGE);
    await requireFiles(this, uri, image);
    const api = await openInInspector(uri);
    const structure = await waitFor(() => api.structure.provider.structure, 'the report structure');
    const region = structure.roots[0].children[2].children[1].children[0];
    const reference = region.children[0];
    assert.ok(reference.referencedInstance, 'the IMAGE item names its SOP instance');
    const item = await api.structure.provider.getTreeItem(reference);
    assert.equal(item.contextValue, 'referencesInstance');

    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('dicomInspector.openReferencedFile', reference);
    assert.equal(opened?.toString(), image.toString());
    await waitFor(() => api.tracker.currentDocument?.uri.toString() === image.toString(), 'the referenced image to open in the DICOM editor');

    const missing = await vscode.commands.executeCommand<vscode.Uri | undefined>('dicomInspector.openInstance', '1.2.3.4.5.6.7.8.9');
    assert.equal(missing, undefined);
    assert.equal(api.tracker.currentDocument?.uri.toString(), image.toString(), 'nothing else opened');
  });
});
