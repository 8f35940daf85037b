/**
 * The "DICOM Explorer" view: every DICOM file of the workspace as Patient → Study → Series →
 * Instance, without copying anything. Indexed when the view is first shown (cancellable, with
 * progress), then kept current by a file watcher, with the consistency problems of the
 * workspace in the Problems panel. What a node does is in explorerActions.ts.
 */
import * as vscode from 'vscode';
import { offsetText } from '../../core/format/presentation';
import { EDITOR_VIEW_TYPE } from '../editor/dicomEditorProvider';
import { registerExplorerActions } from './explorerActions';
import { patientNodes, type ExplorerNode } from './explorerNodes';
import { WorkspaceIndex } from './workspaceIndex';

export const EXPLORER_VIEW_ID = 'dicomInspector.explorer';

class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(readonly workspaceIndex: WorkspaceIndex) {
    workspaceIndex.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    return [...(node ? node.children() : patientNodes(this.workspaceIndex.index))];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const leaf = node.kind === 'instance';
    const item = new vscode.TreeItem(node.label, leaf ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = `dicom${node.kind[0].toUpperCase()}${node.kind.slice(1)}`;
    item.iconPath = new vscode.ThemeIcon({ patient: 'person', study: 'folder-library', series: 'layers', instance: 'file-media' }[node.kind]);
    if (leaf) {
      item.resourceUri = vscode.Uri.parse(node.sources()[0]);
      item.command = { command: 'vscode.openWith', title: 'Open', arguments: [item.resourceUri, EDITOR_VIEW_TYPE] };
    }
    return item;
  }
}

/** What the integration tests look at. */
export interface DicomExplorer {
  readonly workspaceIndex: WorkspaceIndex;
  readonly view: vscode.TreeView<ExplorerNode>;
  /** Indexes the workspace (once) and shows the consistency problems; resolves when done. */
  refresh(): Promise<void>;
  /** The patient nodes the view shows (their children are the studies, and so on). */
  patients(): readonly ExplorerNode[];
}

export function registerDicomExplorer(context: vscode.ExtensionContext): DicomExplorer {
  const workspaceIndex = new WorkspaceIndex();
  const provider = new ExplorerProvider(workspaceIndex);
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('dicom-consistency');

  const showConsistency = (): void => {
    diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const issue of workspaceIndex.consistency()) {
      const at = issue.offset === null ? '' : ` (at ${offsetText(issue.offset)})`;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${issue.message}${at}`,
        issue.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.code = issue.code;
      diagnostic.source = 'DICOM consistency';
      diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(issue.other), new vscode.Position(0, 0)), 'the file with the usual value')];
      const list = byFile.get(issue.source) ?? [];
      list.push(diagnostic);
      byFile.set(issue.source, list);
    }
    for (const [source, list] of byFile) diagnostics.set(vscode.Uri.parse(source), list);
  };

  const refresh = async (): Promise<void> => {
    await vscode.window.withProgress({ location: { viewId: EXPLORER_VIEW_ID }, cancellable: true, title: 'Indexing DICOM files' }, (_progress, token) =>
      workspaceIndex.build(token, ({ done, total }) => {
        view.message = `Indexing DICOM files: ${done} of ${total} files read…`;
      }));
    const count = workspaceIndex.index.instanceCount;
    view.message = count === 0 ? 'No DICOM files in this workspace.' : undefined;
    view.description = `${count} file${count === 1 ? '' : 's'}`;
    showConsistency();
  };

  let consistencyTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    workspaceIndex,
    view,
    diagnostics,
    { dispose: () => clearTimeout(consistencyTimer) },
    view.onDidChangeVisibility((event) => {
      if (event.visible && !workspaceIndex.built) void refresh();
    }),
    workspaceIndex.onDidChange(() => {
      if (!workspaceIndex.built) return;
      view.description = `${workspaceIndex.index.instanceCount} files`;
      clearTimeout(consistencyTimer);
      consistencyTimer = setTimeout(showConsistency, 500);
    }),
    vscode.commands.registerCommand('dicomInspector.refreshExplorer', () => {
      workspaceIndex.built = false;
      workspaceIndex.index.deleteUnder('');
      return refresh();
    }),
  );
  const explorer: DicomExplorer = { workspaceIndex, view, refresh, patients: () => provider.getChildren() };
  registerExplorerActions(context, explorer);
  if (view.visible) void refresh();
  return explorer;
}
