/**
 * The frame viewer's host side: answers the viewer's messages for each open DICOM document.
 * Frames are decoded by the core from the document's model and file access (never a second
 * parse); when the bundled worker is there, decoding runs in it, off the extension host's event
 * loop, and reads its bytes through this thread. Each document keeps one image session per
 * version: a re-parse (file changed on disk) starts a new one.
 */
import * as vscode from 'vscode';
import type { DicomDocument } from '../document/dicomDocument';
import type { HostToViewerMessage, ImageInfoMessage, RenderChoicesView, SaveResultMessage, ViewerToHostMessage } from '../../shared/viewerProtocol';
import { framePngName } from '../../core/png/framePngName';
import { readSettings } from '../settings';
import { openImageSession, type ImageSession } from './imageSession';
import { frameWorkerScript, openWorkerSession } from './workerSession';

interface OpenSession {
  readonly version: number;
  readonly session: Promise<ImageSession>;
  readonly timer: NodeJS.Timeout;
  close(): Promise<void>;
}

/** A session unused this long is closed (its worker goes); the next request reopens it. */
const IDLE_CLOSE_MS = 120_000;

function isFailure(session: ImageSession | ImageInfoMessage): session is ImageInfoMessage {
  return 'type' in session;
}

export class FrameServer implements vscode.Disposable {
  private readonly sessions = new Map<DicomDocument, OpenSession>();

  /** The reply to a viewer message about `document`, if it has one. */
  async answer(message: ViewerToHostMessage, document: DicomDocument): Promise<HostToViewerMessage | undefined> {
    switch (message.type) {
      case 'viewer/ready':
        return this.imageInfo(document);
      case 'viewer/getFrame': {
        const session = await this.sessionOrError(document);
        if (isFailure(session)) return { type: 'viewer/frameError', frame: message.frame, message: session.error ?? 'the frames cannot be read' };
        return session.frameMessage(message.frame);
      }
      case 'viewer/saveFrame':
        return this.saveFrame(document, message.frame, message);
      case 'viewer/saveFrames':
        return this.saveFrames(document, message);
    }
  }

  /** What the viewer shows first, and again after the file changed on disk. */
  async imageInfo(document: DicomDocument): Promise<ImageInfoMessage> {
    const session = await this.sessionOrError(document);
    return isFailure(session) ? session : session.info;
  }

  /** The document's image session, or the info message that says why there is none. */
  private async sessionOrError(document: DicomDocument): Promise<ImageSession | ImageInfoMessage> {
    try {
      return await this.sessionFor(document);
    } catch (error) {
      return { type: 'viewer/image', info: null, error: `The frames cannot be read: ${(error as Error).message}` };
    }
  }

  private sessionFor(document: DicomDocument): Promise<ImageSession> {
    const existing = this.sessions.get(document);
    if (existing?.version === document.version) {
      existing.timer.refresh();
      return existing.session;
    }
    if (existing) this.forget(document, existing);
    const { file, source } = document;
    if (!file || !source) return Promise.reject(new Error(document.loadError ?? 'the file could not be read'));
    const script = frameWorkerScript();
    const options = { decodeLimitMiB: readSettings().decodeLimitMiB };
    const worker = script ? openWorkerSession(script, file, source, options) : undefined;
    const session = worker ?? openImageSession(file, source, options);
    const timer = setTimeout(() => this.forget(document, opened), IDLE_CLOSE_MS);
    timer.unref();
    const opened: OpenSession = { version: document.version, session, timer, close: async () => (await worker)?.terminate() };
    this.sessions.set(document, opened);
    session.catch(() => this.forget(document, opened));
    return session;
  }

  private forget(document: DicomDocument, opened: OpenSession): void {
    if (this.sessions.get(document) !== opened) return;
    this.sessions.delete(document);
    clearTimeout(opened.timer);
    void opened.close().catch(() => undefined);
  }

  /** Drops the session of a document no editor shows any more. */
  release(document: DicomDocument): void {
    const opened = this.sessions.get(document);
    if (opened) this.forget(document, opened);
  }

  private async saveFrame(document: DicomDocument, frame: number, choices: RenderChoicesView): Promise<SaveResultMessage> {
    const base = document.fileName.replace(/\.[^.]*$/, '') || 'frame';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(document.uri, '..', `${base}-frame${frame + 1}.png`),
      filters: { 'PNG image': ['png'] },
      title: 'Save Frame as PNG',
    });
    if (!target) return { type: 'viewer/saved', path: null, error: null };
    try {
      const session = await this.sessionFor(document);
      await vscode.workspace.fs.writeFile(target, await session.renderPng(frame, choices));
      return { type: 'viewer/saved', path: target.fsPath || target.toString(), error: null };
    } catch (error) {
      return { type: 'viewer/saved', path: null, error: (error as Error).message };
    }
  }

  /**
   * Every frame as PNG, NAME-0001.png, NAME-0002.png, ... beside the name the user picks, with
   * the viewer's display; progress in a notification that can cancel (files written so far stay).
   */
  private async saveFrames(document: DicomDocument, choices: RenderChoicesView): Promise<SaveResultMessage> {
    try {
      const session = await this.sessionFor(document);
      const count = session.info.info?.numberOfFrames ?? 0;
      const base = document.fileName.replace(/\.[^.]*$/, '') || 'frame';
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(document.uri, '..', `${base}.png`),
        filters: { 'PNG image': ['png'] },
        title: `Save ${count} Frames as PNG (a number is added to the name)`,
      });
      if (!target) return { type: 'viewer/saved', path: null, error: null };
      const written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Saving frames as PNG', cancellable: true }, async (progress, token) => {
        let done = 0;
        for (let i = 0; i < count && !token.isCancellationRequested; i++) {
          await vscode.workspace.fs.writeFile(target.with({ path: framePngName(target.path, i + 1, count) }), await session.renderPng(i, choices));
          done++;
          progress.report({ increment: 100 / count, message: `${done} / ${count}` });
        }
        return done;
      });
      const first = target.with({ path: framePngName(target.path, 1, count) });
      return { type: 'viewer/saved', path: `${written} of ${count} frames from ${first.fsPath || first.toString()}`, error: null };
    } catch (error) {
      return { type: 'viewer/saved', path: null, error: (error as Error).message };
    }
  }

  dispose(): void {
    for (const [document, opened] of [...this.sessions]) this.forget(document, opened);
  }
}
