// The commands a user runs on an open DICOM file: Go to Offset, the Copy commands (checked
// through the real clipboard), the tag filter and the text dump beside the editor.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { formatTextDump } from '../../../src/core/dump/textDump';
import { closeAllEditors, coreParse, inspectorApi, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const CT = 'corpus/CT1_UNC.explicit_little_endian.dcm';
const SEQUENCES = 'fixtures/good/sequences-undefined-explicit.dcm';

async function selectedId(): Promise<string | undefined> {
  const api = await inspectorApi();
  return api.tagTree.view.selection[0]?.id;
}

async function copied(command: string): Promise<string> {
  await vscode.env.clipboard.writeText('(nothing copied)');
  await vscode.commands.executeCommand(command);
  return vscode.env.clipboard.readText();
}

suite('DICOM Inspector commands', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('dicomInspector.clearTagFilter');
    await closeAllEditors();
  });

  suiteTeardown(closeAllEditors);

  test('Go to Offset reveals the prefix at 0x80, and the deepest element at a decimal offset', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    assert.equal(await vscode.commands.executeCommand('dicomInspector.revealOffset', '0x80'), 'prefix');
    await waitFor(() => api.tagTree.view.selection[0]?.id === 'prefix', 'the prefix to be selected');

    const model = await coreParse(uri);
    const modality = model.dataSet.find((element) => element.keyword === 'Modality');
    assert.ok(modality);
    const inside = String(modality.valueOffset + 1);
    const id = await vscode.commands.executeCommand<string>('dicomInspector.revealOffset', inside);
    assert.ok(id);
    await waitFor(async () => (await selectedId()) === id, 'the element to be selected');
    assert.equal(api.tagTree.view.selection[0]?.element?.keyword, 'Modality');
  });

  test('Go to Offset inside a sequence item reveals the nested element', async function () {
    const uri = workspaceFile(SEQUENCES);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const model = await coreParse(uri);
    const sequence = model.dataSet.find((element) => element.items && element.items.length > 0 && element.items[0].elements.length > 0);
    assert.ok(sequence?.items);
    const nested = sequence.items[0].elements[0];
    const id = await vscode.commands.executeCommand<string>('dicomInspector.revealOffset', `0x${nested.offset.toString(16)}`);
    assert.ok(id);
    const node = api.tagTree.view.selection[0] ?? (await waitFor(() => api.tagTree.view.selection[0], 'a selection'));
    assert.equal(node.offset, nested.offset);
    assert.equal(node.parent?.kind, 'item');
  });

  test('Copy Tag, Keyword, Value, Offset, Path and JSON put the selected node on the clipboard', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const model = await coreParse(uri);
    const sopClass = model.dataSet.find((element) => element.keyword === 'SOPClassUID');
    assert.ok(sopClass);
    await vscode.commands.executeCommand('dicomInspector.revealOffset', sopClass.offset);
    await waitFor(() => api.tagTree.view.selection[0]?.element?.keyword === 'SOPClassUID', 'SOPClassUID to be selected');
    assert.equal(await copied('dicomInspector.copyTag'), '(0008,0016)');
    assert.equal(await copied('dicomInspector.copyKeyword'), 'SOPClassUID');
    assert.equal(await copied('dicomInspector.copyValue'), '1.2.840.10008.5.1.4.1.1.2');
    assert.equal(await copied('dicomInspector.copyOffset'), `0x${sopClass.offset.toString(16).toUpperCase().padStart(4, '0')}`);
    assert.equal(await copied('dicomInspector.copyPath'), 'SOPClassUID');
    assert.deepEqual(JSON.parse(await copied('dicomInspector.copyAsJson')), { '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] } });
  });

  test('Copy Path names the sequence item of a nested element', async function () {
    const uri = workspaceFile(SEQUENCES);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const model = await coreParse(uri);
    const sequence = model.dataSet.find((element) => element.items && element.items.length > 1 && element.items[1].elements.length > 0);
    assert.ok(sequence?.items);
    const nested = sequence.items[1].elements[0];
    await vscode.commands.executeCommand('dicomInspector.revealOffset', nested.offset);
    await waitFor(() => api.tagTree.view.selection[0]?.offset === nested.offset, 'the nested element to be selected');
    const first = (element: { keyword: string | null; tag: string }): string => element.keyword ?? `(${element.tag.slice(0, 4)},${element.tag.slice(4)})`;
    assert.equal(await copied('dicomInspector.copyPath'), `${first(sequence)}[1].${first(nested)}`);
  });

  test('the filter keeps matches with their parents and reports the count', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    await vscode.commands.executeCommand('dicomInspector.filterTags', 'PatientName');
    const roots = api.tagTree.provider.getChildren();
    assert.deepEqual(roots.map((root) => root.kind), ['dataSet']);
    const shown = api.tagTree.provider.getChildren(roots[0]);
    assert.deepEqual(shown.map((node) => node.element?.keyword), ['PatientName']);
    assert.match(api.tagTree.view.message ?? '', /1 match/);
    await vscode.commands.executeCommand('dicomInspector.clearTagFilter');
    assert.equal(api.tagTree.provider.getChildren().length, 4);
  });

  test('the text dump opens beside the editor with the CLI\'s dump of the file', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    await openInInspector(uri);
    const dumpUri = await vscode.commands.executeCommand<string>('dicomInspector.openTextDump');
    assert.ok(dumpUri);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === dumpUri && vscode.window.activeTextEditor, 'the dump editor');
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two);
    const expected = formatTextDump(await coreParse(uri), { fileName: uri.fsPath, offsetFormat: 'hex', showPrivateTags: true });
    assert.equal(editor.document.getText(), expected);
    assert.match(editor.document.getText(), /SOPClassUID/);
  });
});
