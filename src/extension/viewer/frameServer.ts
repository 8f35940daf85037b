/**
 * The frame viewer's host side: answers the viewer's messages for each frame source (an open
 * DICOM document, or a series stacked from several). Frames are decoded by the core from each
 * document's model and file access (never a second parse); when the bundled worker is there,
 * decoding runs in it, off the extension host's event loop, and reads its bytes through this
 * thread. Each document keeps one image session per version: a re-parse (file changed on disk)
 * starts a new one. A stack steps through many documents, so only the sessions used last stay
 * open (each keeps its model in a shared worker); an idle one beyond that is closed and reopened
 * when asked again.
 */
import * as vscode from 'vscode';
import type { DicomDocument } from '../document/dicomDocument';
import type { FrameErrorMessage, FrameMessage, HostToViewerMessage, ImageInfoMessage, RenderChoicesView, SaveResultMessage, ViewerToHostMessage } from '../../shared/viewerProtocol';
import { framePngName } from '../../core/png/framePngName';
import { readSettings } from '../settings';
import { openImageSession, type ImageSession } from './imageSession';
import { frameWorkerScript, openWorkerSession } from './workerSession';
import { documentFrames, type FramePlace, type FrameSource } from './frameSource';

interface OpenSession {
  readonly version: number;
  readonly session: Promise<ImageSession>;
  readonly timer: NodeJS.Timeout;
  /** Requests still being answered: a busy session is never closed to make room. */
  busy: number;
  close(): Promise<void>;
}

/** A session unused this long is closed (its worker goes); the next request reopens it. */
const IDLE_CLOSE_MS = 120_000;
/** Sessions kept open at once, beyond those busy: a stack's grid of 16 and its prefetch on both sides. */
const MAX_OPEN_SESSIONS = 32;

function isFailure(session: ImageSession | ImageInfoMessage): session is ImageInfoMessage {
  return 'type' in session;
}

export class FrameServer implements vscode.Disposable {
  private readonly sessions = new Map<DicomDocument, OpenSession>();

  /** The reply to a viewer message about `of` (a document's own frames, or any frame source), if it has one. */
  async answer(message: ViewerToHostMessage, of: FrameSource | DicomDocument): Promise<HostToViewerMessage | undefined> {
    const source = 'lead' in of ? of : documentFrames(of);
    switch (message.type) {
      case 'viewer/ready':
        return this.imageInfo(source);
      case 'viewer/getFrame':
        return this.frame(source, message.frame);
      case 'viewer/saveFrame':
        return this.saveFrame(source, message.frame, message);
      case 'viewer/saveFrames':
        return this.saveFrames(source, message);
    }
  }

  /** What the viewer shows first, and again after a file changed on disk. */
  async imageInfo(source: FrameSource): Promise<ImageInfoMessage> {
    const session = await this.sessionOrError(source.lead);
    if (isFailure(session)) return session;
    const { info } = session.info;
    return info ? { ...session.info, info: source.describe(info) } : session.info;
  }

  /** Frame `index` of the source, numbered as the viewer numbers it. */
  private async frame(source: FrameSource, index: number): Promise<FrameMessage | FrameErrorMessage> {
    const place = source.place(index);
    if (!place) return { type: 'viewer/frameError', frame: index, message: `there is no frame ${index + 1}` };
    const session = await this.sessionOrError(place.document);
    if (isFailure(session)) return { type: 'viewer/frameError', frame: index, message: session.error ?? 'the frames cannot be read' };
    const reply = await this.whileBusy(place.document, () => session.frameMessage(place.frame));
    return { ...reply, frame: index };
  }

  /** Runs `work` on the document's session with the session marked busy, so it is not closed under it. */
  private async whileBusy<T>(document: DicomDocument, work: () => Promise<T>): Promise<T> {
    const opened = this.sessions.get(document);
    if (opened) opened.busy++;
    try {
      return await work();
    } finally {
      if (opened) opened.busy--;
    }
  }

  private async renderPng(place: FramePlace, choices: RenderChoicesView): Promise<Uint8Array> {
    const session = await this.sessionFor(place.document);
    return this.whileBusy(place.document, () => session.renderPng(place.frame, choices));
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
      // Map order is the order of last use: the first entries are closed first to make room.
      this.sessions.delete(document);
      this.sessions.set(document, existing);
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
    const opened: OpenSession = { version: document.version, session, timer, busy: 0, close: async () => (await worker)?.terminate() };
    this.sessions.set(document, opened);
    this.makeRoom();
    session.catch(() => this.forget(document, opened));
    return session;
  }

  /** Closes the least recently used idle sessions beyond MAX_OPEN_SESSIONS. */
  private makeRoom(): void {
    let excess = this.sessions.size - MAX_OPEN_SESSIONS;
    for (const [document, opened] of this.sessions) {
      if (excess <= 0) return;
      if (opened.busy > 0) continue;
      this.forget(document, opened);
      excess--;
    }
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

  private async saveFrame(source: FrameSource, frame: number, choices: RenderChoicesView): Promise<SaveResultMessage> {
    const place = source.place(frame);
    if (!place) return { type: 'viewer/saved', path: null, error: `there is no frame ${frame + 1}` };
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(source.saveAs.folder, `${source.saveAs.stem}-frame${frame + 1}.png`),
      filters: { 'PNG image': ['png'] },
      title: 'Save Frame as PNG',
    });
    if (!target) return { type: 'viewer/saved', path: null, error: null };
    try {
      await vscode.workspace.fs.writeFile(target, await this.renderPng(place, choices));
      return { type: 'viewer/saved', path: target.fsPath || target.toString(), error: null };
    } catch (error) {
      return { type: 'viewer/saved', path: null, error: (error as Error).message };
    }
  }

  /**
   * Every frame as PNG, NAME-0001.png, NAME-0002.png, ... beside the name the user picks, with
   * the viewer's display; progress in a notification that can cancel (files written so far stay).
   */
  private async saveFrames(source: FrameSource, choices: RenderChoicesView): Promise<SaveResultMessage> {
    try {
      const count = (await this.imageInfo(source)).info?.numberOfFrames ?? 0;
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(source.saveAs.folder, `${source.saveAs.stem}.png`),
        filters: { 'PNG image': ['png'] },
        title: `Save ${count} Frames as PNG (a number is added to the name)`,
      });
      if (!target) return { type: 'viewer/saved', path: null, error: null };
      const written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Saving frames as PNG', cancellable: true }, async (progress, token) => {
        let done = 0;
        for (let i = 0; i < count && !token.isCancellationRequested; i++) {
          const place = source.place(i);
          if (!place) break;
          await vscode.workspace.fs.writeFile(target.with({ path: framePngName(target.path, i + 1, count) }), await this.renderPng(place, choices));
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
