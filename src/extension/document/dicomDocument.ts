/**
 * One open DICOM file, shared by everything that shows it: the editor pages, the DICOM Tags
 * view, the header table, the text dump, the frame server and the copy and export commands.
 * It owns the parsed model, the one file access (ranged reads, kept open while the document
 * is), the inflated stream of a deflated file, the watcher and a version number. Nothing else
 * parses the file; a change on disk re-parses it once and every view follows `onDidReload`.
 * Modelled on vscode-hexeditor's HexDocument. Created and shared by DicomDocuments.
 */
import * as vscode from 'vscode';
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { openDicom } from '../../core/parse/readDicom';
import { openWorkspaceFileAccess, type ClosableFileAccess } from '../io/workspaceFileAccess';
import { readSettings } from '../settings';

/** Editors save in several writes; wait for them to settle before re-reading. */
const CHANGE_DEBOUNCE_MS = 150;

/** What one parse produced: the model and the bytes its offsets refer to, or why there is none. */
interface Loaded {
  readonly file: DicomFile | null;
  /** The file's bytes, or for a deflated file the meta group followed by the inflated data set. */
  readonly source: FileAccess | null;
  readonly access: ClosableFileAccess | null;
  /** Set when the file could not be read at all (missing, permission, too large). */
  readonly error: string | null;
}

/** Opens and parses `uri` (header only). Never throws: failures become `error`. */
async function load(uri: vscode.Uri): Promise<Loaded> {
  let access: ClosableFileAccess | null = null;
  try {
    access = await openWorkspaceFileAccess(uri, readSettings().maxWholeFileReadMiB * 1048576);
    const { file, source } = await openDicom(access, { headerOnly: true });
    return { file, source, access, error: null };
  } catch (error) {
    await access?.close().catch(() => undefined);
    return { file: null, source: null, access: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** How long the file access of a replaced parse stays open for reads already started on it. */
const RETIRED_ACCESS_GRACE_MS = 10_000;

export class DicomDocument implements vscode.Disposable {
  private readonly reloaded = new vscode.EventEmitter<void>();
  /** Fires after every re-parse (the file changed on disk). */
  readonly onDidReload = this.reloaded.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private debounce: NodeJS.Timeout | undefined;
  private loading: Promise<void> = Promise.resolve();
  private disposed = false;
  private parses = 1;

  private constructor(readonly uri: vscode.Uri, private loaded: Loaded) {
    const folder = vscode.Uri.joinPath(uri, '..');
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.fileName));
    const schedule = (): void => this.scheduleReload();
    this.watcher.onDidChange(schedule);
    this.watcher.onDidCreate(schedule);
    this.watcher.onDidDelete(schedule);
  }

  static async open(uri: vscode.Uri): Promise<DicomDocument> {
    return new DicomDocument(uri, await load(uri));
  }

  get file(): DicomFile | null {
    return this.loaded.file;
  }

  /** Ranged reads in the model's positions (inflated for a deflated file); null when unreadable. */
  get source(): FileAccess | null {
    return this.loaded.source;
  }

  /** Ranged reads of the file as it is on disk (for a deflated file: the compressed data set). */
  get raw(): FileAccess | null {
    return this.loaded.access;
  }

  get loadError(): string | null {
    return this.loaded.error;
  }

  /**
   * 1 after the first parse, one more per re-parse: work started on an older parse can tell it
   * is stale, and it is the number of times the file was parsed.
   */
  get version(): number {
    return this.parses;
  }

  get fileName(): string {
    return this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
  }

  /** Re-reads the file; concurrent calls run one after another, never interleaved. */
  reload(): Promise<void> {
    this.loading = this.loading.then(async () => {
      if (this.disposed) return;
      const next = await load(this.uri);
      if (this.disposed) {
        await next.access?.close().catch(() => undefined);
        return;
      }
      const previous = this.loaded;
      this.loaded = next;
      this.parses++;
      this.reloaded.fire();
      // Reads started on the previous parse (a frame being decoded) may still be in flight on its
      // file access: close it once they have had time to finish, not under them.
      const retired = previous.access;
      if (retired) setTimeout(() => void retired.close().catch(() => undefined), RETIRED_ACCESS_GRACE_MS).unref?.();
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
    void this.loaded.access?.close().catch(() => undefined);
  }
}
