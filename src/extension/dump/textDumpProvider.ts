/**
 * "Open Text Dump to the Side": a read-only virtual document with the same dump the CLI's
 * `dump` prints, so it can be searched and diffed against the output of one's own parser.
 * The document refreshes when the file changes on disk.
 *
 * Dump URIs keep the original file's path (plus ".dump.txt", which gives the tab a readable
 * title and plain-text mode) and carry the original URI, whatever its scheme, in the query.
 */
import * as vscode from 'vscode';
import { formatTextDump } from '../../core/dump/textDump';
import { loadDicom } from '../document/dicomDocument';
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
  private readonly watchers = new Map<string, vscode.Disposable>();

  async provideTextDocumentContent(dumpUri: vscode.Uri): Promise<string> {
    const source = sourceUriOf(dumpUri);
    this.watch(dumpUri, source);
    const { file, error } = await loadDicom(source);
    if (!file) return `Could not read ${source.toString(true)}: ${error ?? 'unknown error'}\n`;
    const settings = readSettings();
    // The CLI's defaults (64-character values) so the document diffs cleanly against
    // `dicom-inspector dump FILE`; offsets and private tags follow the settings.
    return formatTextDump(file, {
      fileName: source.scheme === 'file' ? source.fsPath : source.toString(true),
      offsetFormat: settings.offsetFormat,
      showPrivateTags: settings.showPrivateTags,
    });
  }

  private watch(dumpUri: vscode.Uri, source: vscode.Uri): void {
    const key = dumpUri.toString();
    if (this.watchers.has(key)) return;
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(source, '..'), name));
    let timer: NodeJS.Timeout | undefined;
    const refresh = (): void => {
      // Saves come in bursts of writes; refresh once they settle.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => this.changed.fire(dumpUri), 150);
    };
    const subscriptions = [watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh), watcher.onDidDelete(refresh)];
    this.watchers.set(key, {
      dispose: () => {
        if (timer) clearTimeout(timer);
        subscriptions.forEach((subscription) => subscription.dispose());
      },
    });
  }

  /** Redraws every open dump (after a settings change). */
  refreshAll(): void {
    for (const key of this.watchers.keys()) this.changed.fire(vscode.Uri.parse(key, true));
  }

  /** Stops watching a source once its dump document is closed. */
  forget(dumpUri: vscode.Uri): void {
    const key = dumpUri.toString();
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    this.changed.dispose();
  }
}

function targetUri(argument: unknown, tracker: EditorTracker): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (tracker.currentDocument) return tracker.currentDocument.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

export function registerTextDump(context: vscode.ExtensionContext, tracker: EditorTracker): void {
  const provider = new TextDumpProvider();
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
}
