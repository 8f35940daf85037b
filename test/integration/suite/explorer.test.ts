// The DICOM Explorer: the workspace's DICOM files as Patient → Study → Series → Instance, kept
// current by a file watcher, and consistency problems across files in the Problems panel.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/extension/explorer/explorerNodes';
import type { SortCommandResult } from '../../../src/extension/sort/registerSortFolder';
import { inspectorApi, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const MEDIA = 'fixtures/media';

suite('DICOM Explorer', () => {
  test('indexes the workspace into patients, studies, series in stepping order, and follows files on disk', async function () {
    const first = workspaceFile(`${MEDIA}/P1/S1/IMG1`);
    await requireFiles(this, first);
    const api = await inspectorApi();
    await api.explorer.refresh();
    const index = api.explorer.workspaceIndex.index;
    const patients = index.patientList();
    const alpha = patients.find((patient) => patient.first.patientName === 'Alpha^Ann');
    assert.ok(alpha, 'the media folder patient is listed');
    const study = [...alpha.studies.values()][0];
    assert.deepEqual([...study.series.values()].map((series) => series.first.seriesNumber), [1, 2]);
    const series = [...study.series.values()][0];
    const order = index.seriesOrder(series.key)!;
    assert.equal(order.by, 'instanceNumber');
    assert.deepEqual(order.instances.map((instance) => instance.source), [first.toString(), workspaceFile(`${MEDIA}/P1/S1/IMG2`).toString()]);

    const copy = workspaceFile(`${MEDIA}/P1/S1/IMG3`);
    copyFileSync(workspaceFile(`${MEDIA}/P1/S1/IMG2`).fsPath, copy.fsPath);
    await waitFor(() => index.get(copy.toString()), 'the watcher to add a new file', 20_000);
    rmSync(copy.fsPath);
    await waitFor(() => !index.get(copy.toString()), 'the watcher to drop a deleted file', 20_000);
  });

  test('files of one study that disagree on its attributes are in the Problems panel with the code', async () => {
    const api = await inspectorApi();
    await api.explorer.refresh();
    const issues = api.explorer.workspaceIndex.consistency();
    // The catalog's fixtures share one study UID under different patient names, as careless exports do.
    const issue = issues.find((i) => i.code === 'study-attributes-differ' || i.code === 'series-attributes-differ');
    assert.ok(issue, 'the fixtures disagree within their shared study');
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(vscode.Uri.parse(issue.source)).filter((d) => d.source === 'DICOM consistency');
      return list.length > 0 ? list : undefined;
    }, 'consistency diagnostics');
    assert.ok(diagnostics.some((d) => d.code === issue.code && d.message.includes(issue.keyword!)));
  });

  test('from nodes: sort runs the folder sort on the nodes\' files only, compare runs the compare command on two instances', async function () {
    await requireFiles(this, workspaceFile(`${MEDIA}/P1/S2/IMG2`));
    const api = await inspectorApi();
    await api.explorer.refresh();
    const alpha = api.explorer.patients().find((node) => node.label === 'Alpha^Ann')!;
    const [series1, series2] = alpha.children()[0].children();
    const first = series1.children()[0];
    const other = series2.children()[1];
    assert.deepEqual([first.label, other.label], ['IMG1', 'IMG2']);

    const destination = mkdtempSync(path.join(tmpdir(), 'dicom-explorer-sort-'));
    try {
      const result = await vscode.commands.executeCommand<SortCommandResult>('dicomInspector.explorerSort', first, [first, other], {
        destination, pattern: '{SeriesNumber}/{InstanceNumber}.dcm', confirm: true,
      });
      assert.equal(result?.complete, true, result?.problem);
      // Two files of the four under fixtures/media/P1, none of the rest of the folder.
      assert.deepEqual(result.statuses, { copied: 2 });
      assert.deepEqual(readdirSync(destination).sort(), ['1', '2', 'dicom-sort-manifest.csv']);
      assert.deepEqual(readFileSync(path.join(destination, '1', '1.dcm')), readFileSync(workspaceFile(`${MEDIA}/P1/S1/IMG1`).fsPath));
      assert.deepEqual(readFileSync(path.join(destination, '2', '2.dcm')), readFileSync(workspaceFile(`${MEDIA}/P1/S2/IMG2`).fsPath));
    } finally {
      rmSync(destination, { recursive: true, force: true });
    }

    const compared = await vscode.commands.executeCommand<vscode.Uri>('dicomInspector.explorerCompare', first, [first, other], { ignoreUids: true });
    assert.ok(compared, 'the compare report opened');
    const text = (await vscode.workspace.openTextDocument(compared)).getText();
    assert.match(text, /^changed 00200011 SeriesNumber/m, text.slice(0, 2000));
    const notTwoInstances = await vscode.commands.executeCommand('dicomInspector.explorerCompare', series1, [series1, series2], {});
    assert.equal(notTwoInstances, undefined);
  });

  test('from a series node, CSV export runs the CSV export on the series\' files, one row each', async function () {
    await requireFiles(this, workspaceFile(`${MEDIA}/P1/S1/IMG1`));
    const api = await inspectorApi();
    await api.explorer.refresh();
    const alpha = api.explorer.patients().find((node: ExplorerNode) => node.label === 'Alpha^Ann')!;
    const series = alpha.children()[0].children()[0];
    const config = vscode.workspace.getConfiguration('dicomInspector.csv');
    await config.update('columns', 'allAttributes', vscode.ConfigurationTarget.Global);
    await config.update('output', 'besideInput', vscode.ConfigurationTarget.Global);
    let output: vscode.Uri | undefined;
    try {
      const result = await vscode.commands.executeCommand<{ output: vscode.Uri; summary: { files: number } }>('dicomInspector.explorerExportCsv', series);
      assert.ok(result, 'the export returned its result');
      output = result.output;
      assert.equal(result.summary.files, 2);
      const lines = readFileSync(output.fsPath, 'utf8').trim().split(/\r?\n/);
      assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), ['IMG1', 'IMG2']);
    } finally {
      for (const key of ['columns', 'output']) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
      if (output) rmSync(output.fsPath, { force: true });
    }
  });
});
