// Several nodes at once: the DICOM Tags view selects many, and the copy and CSV commands take
// the tree's selection or the element list's (sent by the editor page as `elements/select`,
// which reaches the extension as the tracker's list selection). Copy as JSON of several nodes is
// checked against DCMTK's dcm2json; the list's selection belongs to its document.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { allNodes, closeAllEditors, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const SEQUENCES = 'fixtures/good/sequences-undefined-explicit.dcm';
const OTHER = 'fixtures/good/sequences-undefined-deflated.dcm';

interface ExportResult {
  readonly output: vscode.Uri;
}

function dcm2json(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(execFileSync('dcm2json', [path], { encoding: 'utf8' })) as Record<string, unknown>;
  } catch (error) {
    if (process.env.CI) throw error;
    return undefined;
  }
}

suite('Multiple selection', () => {
  teardown(closeAllEditors);
  // The export writes beside the file without asking and without opening the result.
  suiteSetup(async () => {
    const config = vscode.workspace.getConfiguration('dicomInspector.csv');
    await config.update('output', 'besideInput', vscode.ConfigurationTarget.Global);
    await config.update('openAfterExport', false, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    const config = vscode.workspace.getConfiguration('dicomInspector.csv');
    for (const key of ['output', 'openAfterExport']) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  test('the tree\'s multiple selection: copy one line per node, JSON as dcm2json gives it', async function () {
    const uri = workspaceFile(SEQUENCES);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const nodes = allNodes(api).filter((n) => n.parent?.kind === 'dataSet' && ['PatientName', 'PatientID'].includes(n.element?.keyword ?? ''));
    assert.equal(nodes.length, 2);
    await vscode.commands.executeCommand('dicomInspector.copyTag', nodes[0], nodes);
    assert.equal(await vscode.env.clipboard.readText(), '(0010,0010)\n(0010,0020)');
    await vscode.commands.executeCommand('dicomInspector.copyAsJson', nodes[0], nodes);
    const copied = JSON.parse(await vscode.env.clipboard.readText()) as Array<Record<string, unknown>>;
    const reference = dcm2json(uri.fsPath);
    if (!reference) return this.skip();
    assert.deepEqual(copied, [{ '00100010': reference['00100010'] }, { '00100020': reference['00100020'] }]);
  });

  test('the element list\'s selection drives copy and CSV export until the tree is used again', async function () {
    const uri = workspaceFile(SEQUENCES);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri)!;
    const nodes = allNodes(api).filter((n) => n.parent?.kind === 'dataSet' && ['StudyDate', 'Modality'].includes(n.element?.keyword ?? ''));
    assert.equal(nodes.length, 2);
    api.tracker.selectInList({ document, nodes, focus: nodes[1] });
    // The tree follows the list's focus row without replacing the list's selection.
    await waitFor(() => api.tagTree.view.selection[0]?.id === nodes[1].id, 'the tree to reveal the focused row');
    await vscode.commands.executeCommand('dicomInspector.copyKeyword');
    assert.equal(await vscode.env.clipboard.readText(), 'StudyDate\nModality');
    // The webview's context menu passes its context object, not a node: the list's selection still applies.
    await vscode.commands.executeCommand('dicomInspector.copyKeyword', { webview: 'dicomInspector.viewer', webviewSection: 'elementRow' });
    assert.equal(await vscode.env.clipboard.readText(), 'StudyDate\nModality');

    const result = await vscode.commands.executeCommand<ExportResult>('dicomInspector.exportSelectedTagsCsv');
    assert.ok(result, 'the export wrote a file');
    const lines = readFileSync(result.output.fsPath, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.deepEqual(lines.slice(1).map((line) => line.split(',')[1]), ['StudyDate', 'Modality']);
    await vscode.workspace.fs.delete(result.output);

    // A selection made in the tree replaces the list's.
    const patientName = allNodes(api).find((n) => n.element?.keyword === 'PatientName')!;
    await api.tagTree.revealId(patientName.id);
    await waitFor(() => api.tagTree.view.selection[0]?.id === patientName.id, 'the tree selection');
    await vscode.commands.executeCommand('dicomInspector.copyKeyword');
    assert.equal(await vscode.env.clipboard.readText(), 'PatientName');
  });

  test('a list selection stays with its document', async function () {
    const uri = workspaceFile(SEQUENCES);
    const other = workspaceFile(OTHER);
    await requireFiles(this, uri, other);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri)!;
    const nodes = allNodes(api).filter((n) => n.parent?.kind === 'dataSet' && n.element?.keyword === 'StudyDate');
    api.tracker.selectInList({ document, nodes, focus: nodes[0] });
    await openInInspector(other);
    await vscode.env.clipboard.writeText('unchanged');
    await vscode.commands.executeCommand('dicomInspector.copyKeyword');
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied === 'unchanged' || api.tagTree.view.selection.some((n) => n.element?.keyword === copied), `copied "${copied}" from another file's selection`);
    assert.ok(api.tagTree.selectedNodes().every((node) => !nodes.includes(node)));
  });
});
