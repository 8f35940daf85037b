/**
 * The index behind the DICOM Explorer: every DICOM file of the workspace summarised once
 * (header only, up to the last tag a summary needs), kept current by a file watcher, built in
 * the background with a bounded number of reads in flight and stoppable at any time.
 */
import * as vscode from 'vscode';
import { checkConsistency, type ConsistencyIssue } from '../../core/explorer/consistency';
import { StudyIndex } from '../../core/explorer/studyIndex';
import { indexFile, indexFiles } from '../../node/indexFiles';
import { fileDigest } from '../../node/summarizeFiles';

/** Reads in flight at once: enough to hide latency, few enough to keep the host responsive. */
const READS_IN_FLIGHT = 8;
const WATCH_DEBOUNCE_MS = 300;

export interface IndexProgress {
  readonly done: number;
  readonly total: number;
}

export class WorkspaceIndex implements vscode.Disposable {
  readonly index = new StudyIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private building: Promise<void> | undefined;
  built = false;

  constructor() {
    this.watcher.onDidCreate((uri) => this.schedule(uri));
    this.watcher.onDidChange((uri) => this.schedule(uri));
    this.watcher.onDidDelete((uri) => {
      const key = uri.toString();
      if (this.index.delete(key) || this.index.deleteUnder(`${key}/`) > 0) this.changed.fire();
    });
  }

  /** Indexes the workspace once; later calls wait for the same run. */
  build(token: vscode.CancellationToken, progress: (p: IndexProgress) => void): Promise<void> {
    this.building ??= this.run(token, progress).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async run(token: vscode.CancellationToken, progress: (p: IndexProgress) => void): Promise<void> {
    const uris = (await vscode.workspace.findFiles('**/*', undefined, undefined, token)).filter((uri) => uri.scheme === 'file');
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      await indexFiles(this.index, uris.map((uri) => ({ path: uri.fsPath, key: uri.toString() })), {
        concurrency: READS_IN_FLIGHT,
        signal: controller.signal,
        onProgress: (done) => {
          if (done % 50 === 0 || done === uris.length) progress({ done, total: uris.length });
        },
      });
    } finally {
      cancel.dispose();
    }
    this.built = !token.isCancellationRequested;
    this.changed.fire();
  }

  /** Files whose patient, study or series attributes disagree with the rest of the workspace. */
  consistency(): ConsistencyIssue[] {
    return checkConsistency(this.index.all(), (summary) => {
      try {
        return fileDigest(vscode.Uri.parse(summary.source).fsPath);
      } catch {
        return null; // Gone since it was indexed: the watcher will drop it.
      }
    });
  }

  /** True when the file is (still) a DICOM instance of the index. */
  private summarize(uri: vscode.Uri): Promise<boolean> {
    return indexFile(this.index, { path: uri.fsPath, key: uri.toString() });
  }

  private schedule(uri: vscode.Uri): void {
    if (!this.built || uri.scheme !== 'file') return;
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(async () => {
      this.pending.delete(key);
      const before = this.index.get(key);
      const changed = await this.summarize(uri);
      if (changed || before) this.changed.fire();
    }, WATCH_DEBOUNCE_MS));
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
    for (const timer of this.pending.values()) clearTimeout(timer);
  }
}
