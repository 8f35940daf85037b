// Compare DICOM Files, Compare as Text, Show Series Differences and the standard forms (DICOM
// JSON, Native DICOM Model XML) run in a real extension host on corpus files of the workspace.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, coreParse, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const EXPLICIT = 'corpus/CT1_UNC.explicit_little_endian.dcm';
const IMPLICIT = 'corpus/CT1_UNC.implicit_little_endian.dcm';
const BIG = 'corpus/CT1_UNC.explicit_big_endian.dcm';

suite('Compare and standard forms', () => {
  teardown(closeAllEditors);
  suiteTeardown(closeAllEditors);

  test('Compare DICOM Files shows the differences with offsets on both sides, linked to the elements', async function () {
    const a = workspaceFile(EXPLICIT);
    const b = workspaceFile(BIG);
    await requireFiles(this, a, b);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dicomInspector.compareFiles', a, [a, b], { ignoreMeta: true });
    assert.ok(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    // Same data set in another byte order: nothing differs once the meta group is left out.
    assert.match(text, /^# same: \d+ elements compared$/m, text.slice(0, 2000));

    const withMeta = await vscode.commands.executeCommand<vscode.Uri>('dicomInspector.compareFiles', a, [a, b], {});
    const report = await vscode.workspace.openTextDocument(withMeta);
    assert.match(report.getText(), /^changed 00020010 TransferSyntaxUID/m);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', report.uri);
    assert.ok(links.length >= 2, `${links.length} links`);
    assert.ok(links.every((link) => link.target?.scheme === 'command'));

    const model = await coreParse(b);
    const syntax = model.meta.find((e) => e.tag === '00020010');
    assert.ok(syntax);
    const id = await vscode.commands.executeCommand<string>('dicomInspector.revealInFile', b.toString(), syntax.offset);
    assert.ok(id, 'the element was revealed in the tag tree');
  });

  test('Compare as Text opens the diff editor on two dumps without offsets', async function () {
    const a = workspaceFile(EXPLICIT);
    const b = workspaceFile(BIG);
    await requireFiles(this, a, b);
    const uris = await vscode.commands.executeCommand<vscode.Uri[]>('dicomInspector.compareAsText', a, [a, b]);
    assert.equal(uris?.length, 2);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff editor');
    const left = (await vscode.workspace.openTextDocument(uris[0])).getText();
    const right = (await vscode.workspace.openTextDocument(uris[1])).getText();
    assert.doesNotMatch(left, /^0x[0-9A-F]+ {2}\(/m, 'no offset column');
    const rightLines = new Set(right.split('\n'));
    const common = left.split('\n').filter((line) => rightLines.has(line)).length;
    // Another byte order moves nothing but the meta group and the first bytes shown of words.
    assert.ok(common > left.split('\n').length * 0.9, `${common} of ${left.split('\n').length} lines in common: the lines match`);
  });

  test('Show Series Differences lists what varies across the selected files', async function () {
    const a = workspaceFile(EXPLICIT);
    const b = workspaceFile(IMPLICIT);
    await requireFiles(this, a, b);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dicomInspector.seriesDifferences', a, [a, b]);
    assert.ok(uri);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /^# Series differences: 2 instances$/m);
    assert.match(text, /^\| 00020010 \| TransferSyntaxUID \| 2 \| 2 of 2 \|/m);
  });

  test('Copy as DICOM JSON and Native DICOM Model XML copy the shown file, or the node run on', async function () {
    const uri = workspaceFile(EXPLICIT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const json = JSON.parse(await vscode.commands.executeCommand<string>('dicomInspector.copyAsDicomJson'));
    assert.deepEqual(json['00100010'], { vr: 'PN', Value: [{ Alphabetic: 'CompressedSamples^CT1' }] });
    assert.equal(await vscode.env.clipboard.readText(), JSON.stringify(json, null, 2) + '\n');
    const root = await api.tagTree.provider.getChildren();
    const dataSet = root.find((node) => node.kind === 'dataSet');
    assert.ok(dataSet);
    const modality = (await api.tagTree.provider.getChildren(dataSet)).find((node) => node.element?.keyword === 'Modality');
    assert.ok(modality);
    const xml = await vscode.commands.executeCommand<string>('dicomInspector.copyAsNativeXml', modality);
    assert.match(xml, /<DicomAttribute tag="00080060" vr="CS" keyword="Modality">\n<Value number="1">CT<\/Value>/);
    assert.equal((xml.match(/<DicomAttribute /g) ?? []).length, 1);
  });
});
