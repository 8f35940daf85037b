// The DICOM Explorer: the workspace's DICOM files as Patient → Study → Series → Instance, kept
// current by a file watcher, and consistency problems across files in the Problems panel.
import * as assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
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
});
