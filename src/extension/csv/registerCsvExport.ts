/**
 * The CSV export commands:
 * - `dicomInspector.exportCsv`: DICOM files (explorer multi-selection, editor title, tag tree title);
 * - `dicomInspector.exportFolderCsv`: a folder, recursively;
 * - `dicomInspector.exportSelectedTagsCsv`: the selected nodes of the tag tree or the element list.
 * Each returns `{ output, summary }` when it wrote a file (used by tests and other extensions).
 */
import * as vscode from 'vscode';
import { chooseColumns } from './columnChoice';
import { readCsvSettings, type CsvSettings } from './csvSettings';
import { csvReadIo, type ParsedFileLookup } from './csvSources';
import { exportBase, toInputs, type WorkspaceInput as CsvInput } from '../io/workspaceWalk';
import { freeOutputUri, inputPaths, runCsvExport, type CsvExportResult, type CsvOutputChoice } from './runCsvExport';
import { isTreeNodeLike, selectionPaths, type TreeNodeLike } from './selectedTags';

export interface CsvExportHooks {
  /** The file the tag tree shows; without it, the active DICOM editor's tab is used. */
  readonly currentDocumentUri?: () => vscode.Uri | undefined;
  /** The parse of an open file, so exporting it does not parse it again. */
  readonly parsedFile?: ParsedFileLookup;
  /** The selected tag nodes (the DICOM Tags view's or the element list's), given the command's arguments. */
  readonly selectedNodes?: (clicked: unknown, selected: unknown) => readonly TreeNodeLike[];
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || 'dicom';
}

/** The URI of the active (else any visible) custom editor of this extension. */
function activeDicomEditorUri(): vscode.Uri | undefined {
  const tabs = [vscode.window.tabGroups.activeTabGroup.activeTab, ...vscode.window.tabGroups.all.map((g) => g.activeTab)];
  for (const tab of tabs) {
    if (tab?.input instanceof vscode.TabInputCustom && tab.input.viewType.startsWith('dicomInspector')) return tab.input.uri;
  }
  return undefined;
}

/** The URIs a command applies to: the explorer's multi-selection, the clicked one, else the active editor. */
function commandUris(clicked: unknown, selected: unknown, fallback: () => vscode.Uri | undefined): vscode.Uri[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((u) => u instanceof vscode.Uri)) return selected;
  if (clicked instanceof vscode.Uri) return [clicked];
  const uri = fallback();
  return uri ? [uri] : [];
}

async function chooseOutput(inputs: readonly CsvInput[], settings: CsvSettings, stem: string): Promise<CsvOutputChoice | undefined> {
  const first = inputs[0].uri;
  const folder = inputs.length === 1 && inputs[0].isFolder ? vscode.Uri.joinPath(first, '..') : exportBase(inputs);
  if (settings.output === 'besideInput' && folder.scheme === 'file') return { uri: await freeOutputUri(folder, stem), overwrite: false };
  const chosen = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, `${stem}.csv`),
    filters: { CSV: ['csv'], 'All files': ['*'] },
    title: 'Save DICOM headers as CSV',
  });
  if (chosen && chosen.scheme !== 'file') {
    void vscode.window.showErrorMessage('The CSV can only be saved to a local file.');
    return undefined;
  }
  // The save dialog asks before it returns an existing file.
  return chosen && { uri: chosen, overwrite: true };
}

async function exportUris(context: vscode.ExtensionContext, uris: vscode.Uri[], what: 'files' | 'folder', hooks: CsvExportHooks): Promise<CsvExportResult | undefined> {
  if (uris.length === 0) {
    void vscode.window.showInformationMessage(what === 'folder' ? 'Choose a folder in the Explorer to export.' : 'Open or select a DICOM file to export.');
    return undefined;
  }
  try {
    const settings = readCsvSettings();
    const inputs = await toInputs(uris);
    const controller = new AbortController();
    const readIo = csvReadIo(inputs, controller.signal, hooks.parsedFile);
    const singleFile = inputs.length === 1 && !inputs[0].isFolder;
    const columns = await chooseColumns(context.workspaceState, readIo, settings, singleFile);
    if (!columns) return undefined;
    const stem = inputs.length === 1 ? `${baseName(inputs[0].uri)}-headers` : 'dicom-headers';
    const output = await chooseOutput(inputs, settings, stem);
    if (!output) return undefined;
    return await runCsvExport(readIo, columns, output, inputPaths(inputs), settings, controller);
  } catch (error) {
    void vscode.window.showErrorMessage(`CSV export failed: ${(error as Error).message}`);
    return undefined;
  }
}

async function exportSelectedTags(clicked: unknown, selected: unknown, hooks: CsvExportHooks): Promise<CsvExportResult | undefined> {
  const given: readonly TreeNodeLike[] = Array.isArray(selected) && selected.every(isTreeNodeLike) ? selected : isTreeNodeLike(clicked) ? [clicked] : [];
  const nodes = hooks.selectedNodes?.(clicked, selected) ?? given;
  const paths = selectionPaths(nodes);
  if (paths.length === 0) {
    void vscode.window.showInformationMessage('Select one or more attributes in the DICOM Tags view first.');
    return undefined;
  }
  const source = hooks.currentDocumentUri?.() ?? activeDicomEditorUri();
  if (!source) {
    void vscode.window.showInformationMessage('Open the DICOM file whose attributes are selected first.');
    return undefined;
  }
  const name = baseName(source);
  const settings = readCsvSettings();
  const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const beside = settings.output === 'besideInput' && folder?.scheme === 'file';
  const chosen = beside
    ? await freeOutputUri(folder, `${name}-tags`)
    : await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}-tags.csv`) : undefined, filters: { CSV: ['csv'] } });
  if (!chosen) return undefined;
  // The same export as a file's: the document's parse is used (not read again), the rows are the selection's.
  const controller = new AbortController();
  // A single file's File column is its name, as before.
  const readIo = csvReadIo([{ uri: source, isFolder: false }], controller.signal, hooks.parsedFile);
  // The save dialog already asked about replacing an existing file; the DICOM file itself is never replaced.
  return runCsvExport(readIo, { kind: 'long', only: paths }, { uri: chosen, overwrite: !beside }, inputPaths([{ uri: source }]), settings, controller);
}

export function registerCsvExport(context: vscode.ExtensionContext, hooks: CsvExportHooks = {}): void {
  const fallback = (): vscode.Uri | undefined => hooks.currentDocumentUri?.() ?? activeDicomEditorUri();
  context.subscriptions.push(
    vscode.commands.registerCommand('dicomInspector.exportCsv', (clicked?: unknown, selected?: unknown) =>
      exportUris(context, commandUris(clicked, selected, fallback), 'files', hooks),
    ),
    vscode.commands.registerCommand('dicomInspector.exportFolderCsv', async (clicked?: unknown, selected?: unknown) => {
      let uris = commandUris(clicked, selected, () => undefined);
      if (uris.length === 0) {
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'Folder to export' });
        uris = picked ?? [];
      }
      return exportUris(context, uris, 'folder', hooks);
    }),
    vscode.commands.registerCommand('dicomInspector.exportSelectedTagsCsv', async (clicked?: unknown, selected?: unknown) => {
      try {
        return await exportSelectedTags(clicked, selected, hooks);
      } catch (error) {
        void vscode.window.showErrorMessage(`CSV export failed: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );
}
