/**
 * The "DICOM Structure" view: a structured report's content tree or a DICOMDIR's records, for
 * the DICOM editor in front. Selecting a node reveals the item it was read from in the DICOM
 * Tags view (and so in the editor); DICOMDIR records open the files they reference, report
 * image references the workspace file with their SOP Instance UID; "Open
 * Report as Text" shows the report as `dicom-inspector report` prints it.
 */
import * as vscode from 'vscode';
import type { DicomFile } from '../../core/model';
import { readReport } from '../../core/report/readReport';
import { formatReport } from '../../core/report/reportText';
import { resolveReferencedFile } from '../../node/referencedFiles';
import type { DicomDocument } from '../document/dicomDocument';
import { EDITOR_VIEW_TYPE } from '../editor/dicomEditorProvider';
import type { EditorTracker } from '../editor/editorTracker';
import type { TagTree } from '../tree/tagTreeView';
import { structureOf, type Structure, type StructureNode } from './structureNodes';

export const STRUCTURE_VIEW_ID = 'dicomInspector.structure';
const STRUCTURE_KIND_CONTEXT = 'dicomInspector.structureKind';
const REPORT_SCHEME = 'dicom-report';

export class StructureTreeProvider implements vscode.TreeDataProvider<StructureNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<StructureNode, StructureNode>();
  structure: Structure | null = null;
  document: DicomDocument | undefined;

  show(document: DicomDocument | undefined): void {
    this.document = document;
    this.structure = document?.file ? structureOf(document.file) : null;
    this.parents.clear();
    const index = (node: StructureNode): void => node.children.forEach((child) => {
      this.parents.set(child, node);
      index(child);
    });
    this.structure?.roots.forEach(index);
    this.changed.fire();
  }

  getChildren(node?: StructureNode): StructureNode[] {
    return [...(node ? node.children : this.structure?.roots ?? [])];
  }

  getParent(node: StructureNode): StructureNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: StructureNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
      : this.parents.has(node) && node.children.length > 20 ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    const missing = node.referencedFile !== undefined && this.referencedUri(node) === null;
    item.description = missing ? `${node.description} (missing)` : node.description;
    item.tooltip = missing ? `${node.tooltip}\nThe file is not next to the DICOMDIR.` : node.tooltip;
    item.contextValue = node.referencedFile !== undefined && !missing ? 'referencesFile' : node.referencedInstance ? 'referencesInstance' : 'node';
    if (missing) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = { command: 'dicomInspector.revealStructureNode', title: 'Show in DICOM Tags', arguments: [node] };
    return item;
  }

  /** The file a DICOMDIR record references, found next to the DICOMDIR; null when it is not there. */
  referencedUri(node: StructureNode): vscode.Uri | null {
    const source = this.document?.uri;
    if (!source || node.referencedFile === undefined) return null;
    if (source.scheme !== 'file') return vscode.Uri.joinPath(source, '..', ...node.referencedFile.split('/'));
    const found = resolveReferencedFile(source.fsPath, node.referencedFile);
    return found ? vscode.Uri.file(found) : null;
  }
}

/** What the integration tests look at. */
export interface StructureView {
  readonly provider: StructureTreeProvider;
  readonly view: vscode.TreeView<StructureNode>;
}

export function registerStructureView(context: vscode.ExtensionContext, tracker: EditorTracker, tagTree: TagTree): StructureView {
  const provider = new StructureTreeProvider();
  const view = vscode.window.createTreeView(STRUCTURE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const reportChanged = new vscode.EventEmitter<vscode.Uri>();
  let reloadSubscription: vscode.Disposable | undefined;

  const follow = (document: DicomDocument | undefined): void => {
    reloadSubscription?.dispose();
    reloadSubscription = document?.onDidReload(() => {
      provider.show(document);
      update();
      reportChanged.fire(reportUriFor(document.uri));
    });
    provider.show(document);
    update();
  };
  const update = (): void => {
    view.title = provider.structure?.title ?? 'DICOM Structure';
    view.description = provider.document?.fileName;
    void vscode.commands.executeCommand('setContext', STRUCTURE_KIND_CONTEXT, provider.structure?.kind ?? '');
  };

  follow(tracker.currentDocument);
  context.subscriptions.push(
    view,
    reportChanged,
    { dispose: () => reloadSubscription?.dispose() },
    tracker.onDidChangeCurrentDocument(follow),
    vscode.commands.registerCommand('dicomInspector.revealStructureNode', async (node: StructureNode) => {
      await tagTree.revealOffset(node.offset);
    }),
    vscode.commands.registerCommand('dicomInspector.openReferencedFile', async (node?: StructureNode) => {
      const target = node ?? view.selection[0];
      // A report's image reference: the workspace's file with that SOP Instance UID.
      if (target?.referencedInstance) return vscode.commands.executeCommand('dicomInspector.openInstance', target.referencedInstance);
      const uri = target ? provider.referencedUri(target) : null;
      if (!uri) {
        void vscode.window.showWarningMessage(target?.referencedFile ? `${target.referencedFile} is not next to the DICOMDIR.` : 'Select a directory record or a report item that references a file.');
        return;
      }
      await vscode.commands.executeCommand('vscode.openWith', uri, EDITOR_VIEW_TYPE);
    }),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      onDidChange: reportChanged.event,
      provideTextDocumentContent: (uri) => reportText(tracker, vscode.Uri.parse(uri.query, true)),
    }),
    vscode.commands.registerCommand('dicomInspector.openReportText', async () => {
      const document = tracker.currentDocument;
      if (!document?.file || !readReport(document.file)) {
        void vscode.window.showWarningMessage('The DICOM file in front is not a structured report.');
        return;
      }
      const text = await vscode.workspace.openTextDocument(reportUriFor(document.uri));
      await vscode.window.showTextDocument(text, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
  );
  return { provider, view };
}

function reportUriFor(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `${source.path}.report.txt`, query: source.toString() });
}

/** The report of an open document, from the model its editor already holds (no second parse). */
function reportText(tracker: EditorTracker, source: vscode.Uri): string {
  const document = tracker.openDocuments.find((open) => open.uri.toString() === source.toString());
  const file: DicomFile | null | undefined = document?.file;
  const report = file ? readReport(file) : null;
  if (!report) return `${source.toString(true)} is not open as a structured report in DICOM Inspector.\n`;
  return formatReport({ ...report, issues: [...file!.issues, ...report.issues] });
}
