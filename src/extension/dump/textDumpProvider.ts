/**
 * "Open Text Dump to the Side": a read-only virtual document with the same dump the CLI's
 * `dump` prints, so it can be searched and diffed against the output of one's own parser.
 * It shows the shared DicomDocument of the file (the one the editor uses, or its own while no
 * editor has the file open) and refreshes when that document re-parses.
 *
 * Dump URIs keep the original file's path (plus ".dump.txt", which gives the tab a readable
 * title and plain-text mode) and carry the original URI, whatever its scheme, in the query.
 */
import * as vscode from 'vscode';
import { textDumpWithOffsets } from '../../core/dump/textDump';
import type { DicomDocuments, DocumentLease } from '../document/dicomDocuments';
import type { EditorTracker } from '../editor/editorTracker';
import { onSettingsChanged, readSettings } from '../settings';

export const DUMP_SCHEME = 'dicom-dump';
const DUMP_SUFFIX = '.dump.txt';
const DUMP_ACTIVE_CONTEXT = 'dicomInspector.dumpActive';

export function dumpUriFor(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DUMP_SCHEME, path: `${source.path}${DUMP_SUFFIX}`, query: source.toString() });
}

export function sourceUriOf(dumpUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(dumpUri.query, true);
}

export class TextDumpProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Per open dump: its hold on the source document, and the subscription to its re-parses. */
  private readonly held = new Map<string, Promise<{ lease: DocumentLease; subscription: vscode.Disposable }>>();
  /** Per open dump: the offset each line of its last content is about (see dumpLinking.ts). */
  private readonly lineOffsets = new Map<string, readonly (number | null)[]>();

  constructor(private readonly documents: DicomDocuments) {}

  async provideTextDocumentContent(dumpUri: vscode.Uri): Promise<string> {
    const source = sourceUriOf(dumpUri);
    const { document } = (await this.hold(dumpUri, source)).lease;
    if (!document.file) return `Could not read ${source.toString(true)}: ${document.loadError ?? 'unknown error'}\n`;
    const settings = readSettings();
    // The CLI's defaults (64-character values) so the document diffs cleanly against
    // `dicom-inspector dump FILE`; offsets and private tags follow the settings.
    const dump = textDumpWithOffsets(document.file, {
      fileName: source.scheme === 'file' ? source.fsPath : source.toString(true),
      offsetFormat: settings.offsetFormat,
      showPrivateTags: settings.showPrivateTags,
    });
    this.lineOffsets.set(dumpUri.toString(), dump.offsets);
    return dump.lines.join('\n') + '\n';
  }

  /** The offset of each line of the open dump `dumpUri`; empty until its content was made. */
  offsetsOf(dumpUri: vscode.Uri): readonly (number | null)[] {
    return this.lineOffsets.get(dumpUri.toString()) ?? [];
  }

  private hold(dumpUri: vscode.Uri, source: vscode.Uri): Promise<{ lease: DocumentLease; subscription: vscode.Disposable }> {
    const key = dumpUri.toString();
    let held = this.held.get(key);
    if (!held) {
      held = this.documents.acquire(source).then((lease) => ({ lease, subscription: lease.document.onDidReload(() => this.changed.fire(dumpUri)) }));
      this.held.set(key, held);
    }
    return held;
  }

  /** Redraws every open dump (after a settings change). */
  refreshAll(): void {
    for (const key of this.held.keys()) this.changed.fire(vscode.Uri.parse(key, true));
  }

  /** Lets go of the source document once its dump is closed. */
  forget(dumpUri: vscode.Uri): void {
    const key = dumpUri.toString();
    void this.held.get(key)?.then(release);
    this.held.delete(key);
    this.lineOffsets.delete(key);
  }

  dispose(): void {
    for (const held of this.held.values()) void held.then(release);
    this.held.clear();
    this.lineOffsets.clear();
    this.changed.dispose();
  }
}

function release({ lease, subscription }: { lease: DocumentLease; subscription: vscode.Disposable }): void {
  subscription.dispose();
  lease.dispose();
}

function targetUri(argument: unknown, tracker: EditorTracker): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (tracker.currentDocument) return tracker.currentDocument.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

export function registerTextDump(context: vscode.ExtensionContext, tracker: EditorTracker, documents: DicomDocuments): TextDumpProvider {
  const provider = new TextDumpProvider(documents);
  const setDumpActive = (editor: vscode.TextEditor | undefined): void =>
    void vscode.commands.executeCommand('setContext', DUMP_ACTIVE_CONTEXT, editor?.document.uri.scheme === DUMP_SCHEME);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(DUMP_SCHEME, provider),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === DUMP_SCHEME) provider.forget(document.uri);
    }),
    vscode.window.onDidChangeActiveTextEditor(setDumpActive),
    onSettingsChanged(() => provider.refreshAll()),
    vscode.commands.registerCommand('dicomInspector.openTextDump', async (argument?: unknown) => {
      const source = targetUri(argument, tracker);
      if (!source) {
        void vscode.window.showInformationMessage('Open a DICOM file first.');
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument(dumpUriFor(source));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: false });
      return document.uri.toString();
    }),
  );
  return provider;
}
