/**
 * "Show Series Differences": for the selected files or a folder, which attributes vary across
 * the instances and how, as a Markdown table in an untitled document (it can be saved or
 * previewed). Files are listed and read by the same folder scan as the CSV export.
 */
import * as vscode from 'vscode';
import { formatSeriesVariation, seriesVariation, type SeriesInstance } from '../../core/diff/seriesVariation';
import { scanFiles } from '../../core/scan/folderScan';
import { csvReadIo } from '../csv/csvSources';
import { toInputs } from '../io/workspaceWalk';

/** A folder of thousands of files is a study, not a series: stop reading there and say so. */
const MAX_INSTANCES = 5000;

export async function showSeriesDifferences(clicked: unknown, selection: unknown): Promise<vscode.Uri | undefined> {
  const uris = Array.isArray(selection) && selection.length > 0 ? selection.filter((u): u is vscode.Uri => u instanceof vscode.Uri)
    : clicked instanceof vscode.Uri ? [clicked] : await vscode.window.showOpenDialog({ canSelectMany: true, canSelectFolders: true, title: 'Files or a folder of one series' });
  if (!uris || uris.length === 0) return undefined;
  const instances: SeriesInstance[] = [];
  let skipped = 0;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Reading series headers', cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const io = csvReadIo(await toInputs(uris), abort.signal);
    const scan = scanFiles({ list: io.listFiles, open: io.open }, (access, entry, firstRead) => io.readHeader(access, firstRead, entry.path), { concurrency: 8, signal: abort.signal });
    for await (const result of scan) {
      if (result.kind === 'read' && !result.value.notDicom) instances.push({ name: result.entry.relativePath, file: result.value });
      else skipped++;
      if (instances.length >= MAX_INSTANCES) break;
      if (instances.length % 50 === 0) progress.report({ message: `${instances.length} files` });
    }
  });
  if (instances.length < 2) {
    void vscode.window.showInformationMessage(`A series view needs at least two DICOM files (found ${instances.length}).`);
    return undefined;
  }
  const notes = [
    skipped > 0 ? `${skipped} files that are not DICOM or could not be read were left out.` : '',
    instances.length >= MAX_INSTANCES ? `Reading stopped after ${MAX_INSTANCES} files.` : '',
  ].filter(Boolean);
  const note = notes.length > 0 ? `\n${notes.join('\n')}\n` : '';
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: formatSeriesVariation(seriesVariation(instances, { ignoreGroupLengths: true })) + note });
  await vscode.window.showTextDocument(document, { preview: false });
  return document.uri;
}
