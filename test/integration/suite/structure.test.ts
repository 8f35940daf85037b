// The DICOM Structure view: a structured report as its content tree (with the report as text
// beside it) and a DICOMDIR as Patient → Study → Series → Image records that open their files.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, coreParse, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const REPORT = 'fixtures/reports/comprehensive-3d-sr.dcm';
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
});
