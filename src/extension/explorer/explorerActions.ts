/**
 * What the DICOM Explorer does from a node, through the commands that already do it: open,
 * export CSV (the CSV export), sort (the folder sort, limited to the node's files), compare
 * (two instances, the compare command); and opening an instance by its SOP Instance UID, which
 * the report view and the Structure view use for the images a report references.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EDITOR_VIEW_TYPE } from '../editor/dicomEditorProvider';
import type { ExplorerNode } from './explorerNodes';
import type { DicomExplorer } from './explorerView';

/** The files under the clicked node, or under every selected node when the click is part of a selection. */
function selectedSources(explorer: DicomExplorer, clicked?: ExplorerNode, selected?: readonly ExplorerNode[]): vscode.Uri[] {
  const nodes = selected && selected.length > 0 ? selected : clicked ? [clicked] : explorer.view.selection;
  return [...new Set(nodes.flatMap((node) => node.sources()))].map((source) => vscode.Uri.parse(source));
}

/** The deepest folder holding every file (what the folder sort walks). */
export function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0]);
  for (const file of files) {
    while (path.relative(folder, file).startsWith('..')) folder = path.dirname(folder);
  }
  return folder;
}

/** Opens the workspace file holding `sopInstanceUid` (indexing the workspace first if needed). */
async function openInstance(explorer: DicomExplorer, sopInstanceUid: unknown): Promise<vscode.Uri | undefined> {
  if (typeof sopInstanceUid !== 'string' || sopInstanceUid === '') return undefined;
  if (!explorer.workspaceIndex.built) await explorer.refresh();
  const found = explorer.workspaceIndex.index.findInstance(sopInstanceUid);
  if (!found) {
    void vscode.window.showWarningMessage(`No DICOM file of this workspace has SOP Instance UID ${sopInstanceUid}.`);
    return undefined;
  }
  const uri = vscode.Uri.parse(found.source);
  await vscode.commands.executeCommand('vscode.openWith', uri, EDITOR_VIEW_TYPE);
  return uri;
}

export function registerExplorerActions(context: vscode.ExtensionContext, explorer: DicomExplorer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dicomInspector.explorerExportCsv', (clicked?: ExplorerNode, selected?: readonly ExplorerNode[]) => {
      const uris = selectedSources(explorer, clicked, selected);
      return vscode.commands.executeCommand('dicomInspector.exportCsv', uris[0], uris);
    }),
    vscode.commands.registerCommand('dicomInspector.explorerOpenFirst', (clicked?: ExplorerNode) => {
      const uri = selectedSources(explorer, clicked)[0];
      return uri ? vscode.commands.executeCommand('vscode.openWith', uri, EDITOR_VIEW_TYPE) : undefined;
    }),
    // A third argument (tests, other extensions) is passed on: the sort's options without questions.
    vscode.commands.registerCommand('dicomInspector.explorerSort', (clicked?: ExplorerNode, selected?: readonly ExplorerNode[], options?: unknown) => {
      const uris = selectedSources(explorer, clicked, selected).filter((uri) => uri.scheme === 'file');
      if (uris.length === 0) return undefined;
      const folder = vscode.Uri.file(commonFolder(uris.map((uri) => uri.fsPath)));
      return vscode.commands.executeCommand('dicomInspector.sortFolder', folder, options, uris);
    }),
    // A third argument (tests, other extensions) gives the compare options and skips the picker.
    vscode.commands.registerCommand('dicomInspector.explorerCompare', (clicked?: ExplorerNode, selected?: readonly ExplorerNode[], options?: unknown) => {
      const nodes = selected && selected.length > 0 ? selected : clicked ? [clicked] : explorer.view.selection;
      if (nodes.length !== 2 || nodes.some((node) => node.kind !== 'instance')) {
        void vscode.window.showInformationMessage('Select two instances in the DICOM Explorer to compare them.');
        return undefined;
      }
      const uris = selectedSources(explorer, undefined, nodes);
      return vscode.commands.executeCommand('dicomInspector.compareFiles', uris[0], uris, options);
    }),
    vscode.commands.registerCommand('dicomInspector.openInstance', (sopInstanceUid?: unknown) => openInstance(explorer, sopInstanceUid)),
  );
}
