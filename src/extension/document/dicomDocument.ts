/**
 * One opened DICOM file: its parsed header, re-parsed when the file changes on disk.
 * Shared by every editor, tree and dump that shows the same URI.
 */
import * as vscode from 'vscode';
import type { DicomFile } from '../../core/model';
import { readDicom } from '../../core/parse/readDicom';
import { openWorkspaceFileAccess } from '../io/workspaceFileAccess';
import { readSettings } from '../settings';

/** Editors save in several writes; wait for them to settle before re-reading. */
const CHANGE_DEBOUNCE_MS = 150;

export interface LoadResult {
  readonly file: DicomFile | null;
  /** Set when the file could not be read at all (missing, permission, too large). */
  readonly error: string | null;
}

/** Reads a file's header through the core parser. Never throws: failures become `error`. */
export async function loadDicom(uri: vscode.Uri): Promise<LoadResult> {
  const limit = readSettings().maxWholeFileReadMiB * 1048576;
  try {
    const access = await openWorkspaceFileAccess(uri, limit);
    try {
      return { file: await readDicom(access, { headerOnly: true }), error: null };
    } finally {
      await access.close();
    }
  } catch (error) {
    return { file: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export class DicomDocument implements vscode.CustomDocument {
  private readonly reloaded = new vscode.EventEmitter<void>();
  /** Fires after every re-parse (file changed on disk, or settings that affect parsing). */
  readonly onDidReload = this.reloaded.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private debounce: NodeJS.Timeout | undefined;
  private loading: Promise<void> = Promise.resolve();
  private disposed = false;

  private constructor(readonly uri: vscode.Uri, private result: LoadResult) {
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    const schedule = (): void => this.scheduleReload();
    this.watcher.onDidChange(schedule);
    this.watcher.onDidCreate(schedule);
    this.watcher.onDidDelete(schedule);
  }

  static async open(uri: vscode.Uri): Promise<DicomDocument> {
    return new DicomDocument(uri, await loadDicom(uri));
  }

  get file(): DicomFile | null {
    return this.result.file;
  }

  get loadError(): string | null {
    return this.result.error;
  }

  get fileName(): string {
    return this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
  }

  /** Re-reads the file; concurrent calls run one after another, never interleaved. */
  reload(): Promise<void> {
    this.loading = this.loading.then(async () => {
      if (this.disposed) return;
      this.result = await loadDicom(this.uri);
      if (!this.disposed) this.reloaded.fire();
    });
    return this.loading;
  }

  private scheduleReload(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.reload();
    }, CHANGE_DEBOUNCE_MS);
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.watcher.dispose();
    this.reloaded.dispose();
  }
}
