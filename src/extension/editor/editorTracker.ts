/**
 * Knows which DICOM editors are open and which one is active, so the tag tree, the commands
 * and the text dump follow the editor the user is looking at. Sets the context key
 * `dicomInspector.editorActive` that shows the "DICOM Tags" view.
 */
import * as vscode from 'vscode';
import type { EditorHostMessage } from '../../shared/protocol';
import type { DicomDocument } from '../document/dicomDocument';
import type { ListSelection } from '../elements/elementServer';

export const EDITOR_ACTIVE_CONTEXT = 'dicomInspector.editorActive';

/** A request from an editor page to show something in the tag tree. */
export type RevealRequest =
  | { readonly document: DicomDocument; readonly id: string }
  | { readonly document: DicomDocument; readonly offset: number };

/** The element list of a page showing `document` selected these nodes. */
export interface ListSelectionEvent extends ListSelection {
  readonly document: DicomDocument;
}

/** How the tracker sends to one page: through that page's message endpoint. */
export type PageSender = (message: EditorHostMessage) => void;

interface TrackedPanel {
  readonly document: DicomDocument;
  readonly send: PageSender;
}

export class EditorTracker implements vscode.Disposable {
  private readonly panels = new Map<vscode.WebviewPanel, TrackedPanel>();
  private activePanel: vscode.WebviewPanel | undefined;
  /** The document the tree and commands work on: the active editor's, else the last one active. */
  private current: DicomDocument | undefined;
  private readonly currentChanged = new vscode.EventEmitter<DicomDocument | undefined>();
  private readonly revealRequested = new vscode.EventEmitter<RevealRequest>();
  private readonly listSelected = new vscode.EventEmitter<ListSelectionEvent>();
  readonly onDidChangeCurrentDocument = this.currentChanged.event;
  readonly onDidRequestReveal = this.revealRequested.event;
  readonly onDidSelectInList = this.listSelected.event;

  /**
   * The DICOM document of the active editor or, when focus moved to another editor (such as
   * its text dump beside it), of the last DICOM editor that was active and is still open.
   */
  get currentDocument(): DicomDocument | undefined {
    return this.current;
  }

  get isEditorActive(): boolean {
    return this.activePanel !== undefined;
  }

  /** Every document shown in at least one open DICOM editor. */
  get openDocuments(): DicomDocument[] {
    return [...new Set([...this.panels.values()].map((tracked) => tracked.document))];
  }

  track(panel: vscode.WebviewPanel, send: PageSender, document: DicomDocument): vscode.Disposable {
    this.panels.set(panel, { document, send });
    const viewState = panel.onDidChangeViewState(() => this.update(panel));
    const disposed = panel.onDidDispose(() => {
      this.panels.delete(panel);
      viewState.dispose();
      disposed.dispose();
      if (this.activePanel === panel) this.setActivePanel(undefined);
      if (this.current && !this.openDocuments.includes(this.current)) this.setCurrent(undefined);
    });
    this.update(panel);
    return disposed;
  }

  private update(panel: vscode.WebviewPanel): void {
    if (panel.active && this.panels.has(panel)) {
      this.setActivePanel(panel);
    } else if (this.activePanel === panel) {
      this.setActivePanel(undefined);
    }
  }

  private setActivePanel(panel: vscode.WebviewPanel | undefined): void {
    this.activePanel = panel;
    void vscode.commands.executeCommand('setContext', EDITOR_ACTIVE_CONTEXT, panel !== undefined);
    if (panel) this.setCurrent(this.panels.get(panel)?.document);
  }

  private setCurrent(document: DicomDocument | undefined): void {
    if (document === this.current) return;
    this.current = document;
    this.currentChanged.fire(document);
  }

  /** Sends a message to every editor page showing `document`. */
  post(document: DicomDocument, message: EditorHostMessage): void {
    for (const tracked of this.panels.values()) {
      if (tracked.document === document) tracked.send(message);
    }
  }

  requestReveal(request: RevealRequest): void {
    this.revealRequested.fire(request);
  }

  selectInList(selection: ListSelectionEvent): void {
    this.listSelected.fire(selection);
  }

  dispose(): void {
    this.currentChanged.dispose();
    this.revealRequested.dispose();
    this.listSelected.dispose();
  }
}
