// Sort DICOM Folder in a real VS Code: the command run as the Explorer's context menu runs it
// (the folder as argument), with the destination and pattern given so no prompt waits; the
// result is checked on disk: every DICOM file byte-identical in a safe path, the source
// untouched, a colliding name suffixed, a non-DICOM file skipped, and a second run idle.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { writeDicom, type ElementSpec } from '../../fixtures/writer';
import { exists, workspaceFile } from './inspectorHelpers';

import type { SortCommandResult } from '../../../src/extension/sort/registerSortFolder';

const SOURCE = 'sort-source';
const DESTINATION = 'sort-source-sorted';
const PATTERN = '{PatientID}/{SeriesDescription|SeriesNumber|NA}/{InstanceNumber:04}.dcm';

function instance(patientId: string, series: string, sop: string, instanceNumber: string): Uint8Array {
  const elements: ElementSpec[] = [
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: 0x00080018, vr: 'UI', value: sop },
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x0008103e, vr: 'LO', value: series },
    { tag: 0x00100020, vr: 'LO', value: patientId },
    { tag: 0x0020000e, vr: 'UI', value: '1.2.3.4' },
    { tag: 0x00200013, vr: 'IS', value: instanceNumber },
  ];
  return writeDicom(elements, { transferSyntax: 'explicitLittle', sopInstanceUid: sop }).bytes;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Relative path -> SHA-256 of every file under `root`. */
async function tree(root: vscode.Uri, prefix = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
    const uri = vscode.Uri.joinPath(root, name);
    if (type === vscode.FileType.Directory) for (const [k, v] of await tree(uri, `${prefix}${name}/`)) out.set(k, v);
    else out.set(prefix + name, sha(await vscode.workspace.fs.readFile(uri)));
  }
  return out;
}

suite('Sort DICOM Folder', () => {
  const source = () => workspaceFile(SOURCE);
  const destination = () => workspaceFile(DESTINATION);
  const files = new Map<string, Uint8Array>();

  suiteSetup(async () => {
    files.set('a/1.dcm', instance('P1', 'T1 axial', '1.2.3.4.1', '1'));
    files.set('a/2.dcm', instance('P1', 'T1 axial', '1.2.3.4.2', '2'));
    files.set('b/1-again.dcm', instance('P1', 'T1 axial', '1.2.3.4.9', '1'));
    files.set('b/hostile.dcm', instance('../../etc', 'CON', '1.2.3.4.3', '3'));
    files.set('b/no-series.dcm', instance('P2', '', '1.2.3.4.4', '4'));
    for (const [rel, bytes] of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(source(), ...rel.split('/')), bytes);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(source(), 'notes.txt'), new TextEncoder().encode('not DICOM'));
  });

  suiteTeardown(async () => {
    for (const uri of [source(), destination()]) if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  });

  test('is offered on folders in the Explorer and in the palette', async () => {
    const ext = vscode.extensions.getExtension('dicom-inspector.dicom-inspector');
    const menus = ext?.packageJSON.contributes?.menus?.['explorer/context'] ?? [];
    assert.ok(menus.some((m: { command: string; when?: string }) => m.command === 'dicomInspector.sortFolder' && m.when === 'explorerResourceIsFolder'));
    assert.ok((await vscode.commands.getCommands(true)).includes('dicomInspector.sortFolder'));
  });

  test('copies every DICOM file byte-identical into safe paths and leaves the source alone', async () => {
    const before = await tree(source());
    const result = await vscode.commands.executeCommand<SortCommandResult>('dicomInspector.sortFolder', source(), {
      destination: destination().fsPath,
      pattern: PATTERN,
      confirm: true,
    });
    assert.ok(result, 'the command returned its result');
    assert.equal(result.complete, true, result.problem);
    assert.deepEqual(result.statuses, { copied: 4, 'copied-renamed': 1, skipped: 1 });
    assert.deepEqual(await tree(source()), before, 'source unchanged');

    const sorted = await tree(destination());
    const contents = new Set(sorted.values());
    for (const [rel, bytes] of files) assert.ok(contents.has(sha(bytes)), `${rel} arrived`);
    assert.equal(sorted.get('p1/t1_axial/0001.dcm'), sha(files.get('a/1.dcm')!));
    assert.equal(sorted.get('p1/t1_axial/0001~2.dcm'), sha(files.get('b/1-again.dcm')!));
    assert.equal(sorted.get('______etc/_con/0003.dcm'), sha(files.get('b/hostile.dcm')!));
    assert.equal(sorted.get('p2/na/0004.dcm'), sha(files.get('b/no-series.dcm')!));
    assert.ok(sorted.has('dicom-sort-manifest.csv'));
    assert.equal(sorted.size, files.size + 1);
  });

  test('a second run changes nothing', async () => {
    const before = await tree(destination());
    before.delete('dicom-sort-manifest.csv');
    const result = await vscode.commands.executeCommand<SortCommandResult>('dicomInspector.sortFolder', source(), {
      destination: destination().fsPath,
      pattern: PATTERN,
      confirm: true,
    });
    assert.equal(result.complete, true, result.problem);
    assert.deepEqual(result.statuses, { 'already-present': 5, skipped: 1 });
    const after = await tree(destination());
    after.delete('dicom-sort-manifest.csv');
    assert.deepEqual(after, before);
  });
});
