// CSV export in a real VS Code: the folder export run as the Explorer's context menu runs it
// (the folder as argument), checked through a real CSV parser; and the tag tree's
// "Export Selected Tags to CSV" on a multi-selection.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { parse } from 'csv-parse/sync';
import * as vscode from 'vscode';
import { writeDicom, type ElementSpec } from '../../fixtures/writer';
import { allNodes, closeAllEditors, exists, openInInspector, waitFor, workspaceFile } from './inspectorHelpers';

interface ExportResult {
  readonly output: vscode.Uri;
  readonly summary: { readonly files: number; readonly skipped: number; readonly errors: number; readonly cancelled: boolean };
}

const FOLDER = 'csv-export-study';
const SETTINGS = ['columns', 'output', 'openAfterExport'] as const;

function instance(name: string, extra: ElementSpec[] = []): Uint8Array {
  const elements: ElementSpec[] = [
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00100010, vr: 'PN', value: name },
    { tag: 0x00281052, vr: 'DS', value: '-1024' },
    ...extra,
  ].sort((a, b) => a.tag - b.tag);
  return writeDicom(elements, { transferSyntax: 'explicitLittle' }).bytes;
}

async function csvRows(uri: vscode.Uri): Promise<string[][]> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a UTF-8 BOM');
  return parse(text, { bom: true });
}

suite('CSV export', () => {
  const folder = () => workspaceFile(FOLDER);

  suiteSetup(async () => {
    const config = vscode.workspace.getConfiguration('dicomInspector.csv');
    await config.update('columns', 'allAttributes', vscode.ConfigurationTarget.Global);
    await config.update('output', 'besideInput', vscode.ConfigurationTarget.Global);
    await config.update('openAfterExport', true, vscode.ConfigurationTarget.Global);
    const write = (rel: string, bytes: Uint8Array) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), ...rel.split('/')), bytes);
    await write('series1/a.dcm', instance('=HYPERLINK("http://x")^Evil'));
    await write('series1/b', instance('Doe, "Johnny"^Line', [{ tag: 0x00290010, vr: 'LO', value: 'CREATOR' }, { tag: 0x00291010, vr: 'LO', value: 'private' }]));
    const whole = instance('Truncated^File');
    await write('series2/broken.dcm', whole.subarray(0, whole.length - 6));
    await write('series2/README.txt', new TextEncoder().encode('notes, not DICOM'));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    const config = vscode.workspace.getConfiguration('dicomInspector.csv');
    for (const key of SETTINGS) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    for (const name of [`${FOLDER}-headers.csv`, 'a.dcm-tags.csv']) {
      const candidates = [workspaceFile(name), vscode.Uri.joinPath(folder(), 'series1', name)];
      for (const uri of candidates) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
  });

  test('the Explorer context menu offers the folder export on folders', () => {
    const ext = vscode.extensions.getExtension('dicom-inspector.dicom-inspector');
    const menus = ext?.packageJSON.contributes?.menus?.['explorer/context'] ?? [];
    assert.ok(menus.some((m: { command: string; when?: string }) => m.command === 'dicomInspector.exportFolderCsv' && m.when === 'explorerResourceIsFolder'));
  });

  test('Export Folder Headers to CSV writes one row per DICOM file, an error row for the broken one, no live formula', async () => {
    const result = await vscode.commands.executeCommand<ExportResult>('dicomInspector.exportFolderCsv', folder(), [folder()]);
    assert.ok(result, 'the export returned its result');
    assert.equal(result.output.toString(), workspaceFile(`${FOLDER}-headers.csv`).toString());
    const { files, skipped, errors, cancelled } = result.summary;
    assert.deepEqual({ files, skipped, errors, cancelled }, { files: 3, skipped: 1, errors: 1, cancelled: false });
    const rows = await csvRows(result.output);
    const header = rows[0];
    assert.equal(header[0], 'File');
    assert.equal(header.at(-1), 'Error');
    // A private column is headed by its tag and creator: "(0029,1010) [CREATOR]".
    const privateColumn = header.indexOf('(0029,1010) [CREATOR]');
    assert.ok(header.indexOf('Modality') < header.indexOf('PatientName') && header.indexOf('PatientName') < privateColumn, header.join(','));
    const byFile = new Map(rows.slice(1).map((r) => [r[0], r]));
    assert.deepEqual([...byFile.keys()], ['series1/a.dcm', 'series1/b', 'series2/broken.dcm']);
    const name = header.indexOf('PatientName');
    assert.equal(byFile.get('series1/a.dcm')![name], `'=HYPERLINK("http://x")^Evil`);
    assert.equal(byFile.get('series1/b')![name], 'Doe, "Johnny"^Line');
    assert.equal(byFile.get('series1/a.dcm')![header.indexOf('RescaleIntercept')], '-1024');
    assert.notEqual(byFile.get('series2/broken.dcm')!.at(-1), '');
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === result.output.toString()), 'the CSV to open in an editor');
  });

  test('Export Selected Tags to CSV writes the selected attributes with their paths', async () => {
    const file = vscode.Uri.joinPath(folder(), 'series1', 'a.dcm');
    const api = await openInInspector(file);
    const nodes = allNodes(api).filter((n) => n.element && ['PatientName', 'RescaleIntercept'].includes(n.element.keyword ?? ''));
    assert.equal(nodes.length, 2);
    const result = await vscode.commands.executeCommand<ExportResult>('dicomInspector.exportSelectedTagsCsv', nodes[0], nodes);
    assert.ok(result);
    const rows = await csvRows(result.output);
    assert.deepEqual(rows[0], ['File', 'Path', 'Tag', 'Keyword', 'Name', 'VR', 'VM', 'Length', 'Offset', 'Value', 'Error']);
    assert.deepEqual(rows.slice(1).map((r) => [r[1], r[9]]), [
      ['PatientName', `'=HYPERLINK("http://x")^Evil`],
      ['RescaleIntercept', '-1024'],
    ]);
  });
});
