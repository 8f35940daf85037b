/**
 * The frame viewer's host side: answers the viewer's messages for each open DICOM editor.
 * Frames are read by byte range (never the whole file) and decoded by the core. For local
 * files that happens in a worker thread, off the extension host's event loop; other file
 * systems are read through the editor's file access in this thread. Each document keeps one
 * session, dropped when the file is re-read.
 */
import * as vscode from 'vscode';
import type { DicomDocument } from '../document/dicomDocument';
import { openWorkspaceFileAccess, type ClosableFileAccess } from '../io/workspaceFileAccess';
import { readSettings } from '../settings';
import { registerViewerHostHandler, type ViewerHostSession } from '../editor/viewerHostSeam';
import { parseViewerMessage, type RenderChoicesView, type SaveResultMessage } from '../../shared/viewerProtocol';
import { openImageSession, type ImageSession } from './imageSession';
import { frameWorkerScript, openWorkerSession } from './workerSession';

interface OpenSession {
  readonly session: Promise<ImageSession>;
  close(): Promise<void>;
}

/** A session unused this long is closed (its worker and file handle go); the next request reopens. */
const IDLE_CLOSE_MS = 120_000;

const sessions = new Map<DicomDocument, { opened: OpenSession; timer: NodeJS.Timeout; subscription: vscode.Disposable }>();

function forget(document: DicomDocument, opened: OpenSession): void {
  const entry = sessions.get(document);
  if (!entry || entry.opened !== opened) return;
  sessions.delete(document);
  clearTimeout(entry.timer);
  entry.subscription.dispose();
  void opened.close().catch(() => undefined);
}

function sessionFor(document: DicomDocument, host: ViewerHostSession): Promise<ImageSession> {
  const existing = sessions.get(document);
  if (existing) {
    existing.timer.refresh();
    return existing.opened.session;
  }
  const opened = openSession(document);
  // Closed when idle, when the file changes on disk, or when it could not be opened.
  const timer = setTimeout(() => forget(document, opened), IDLE_CLOSE_MS);
  timer.unref();
  const subscription = document.onDidReload(() => {
    forget(document, opened);
    // The viewer stays mounted across re-parses: tell it what the changed file holds.
    void sessionFor(document, host)
      .then((fresh) => host.post({ ...fresh.info }))
      .catch(() => undefined);
  });
  sessions.set(document, { opened, timer, subscription });
  opened.session.catch(() => forget(document, opened));
  return opened.session;
}

function openSession(document: DicomDocument): OpenSession {
  const script = frameWorkerScript();
  if (script && document.uri.scheme === 'file') {
    const session = openWorkerSession(script, document.uri.fsPath);
    return { session, close: async () => (await session).terminate() };
  }
  const access: Promise<ClosableFileAccess> = openWorkspaceFileAccess(document.uri, readSettings().maxWholeFileReadMiB * 1048576);
  return { session: access.then(openImageSession), close: async () => (await access).close() };
}

async function handle(raw: unknown, host: ViewerHostSession): Promise<void> {
  const message = parseViewerMessage(raw);
  if (!message) return; // not a viewer message, or malformed: ignored
  let session: ImageSession;
  try {
    session = await sessionFor(host.document, host);
  } catch (error) {
    await host.post({ type: 'viewer/image', info: null, error: `The file cannot be read: ${(error as Error).message}` });
    return;
  }
  switch (message.type) {
    case 'viewer/ready':
      await host.post({ ...session.info });
      return;
    case 'viewer/getFrame':
      await host.post({ ...(await session.frameMessage(message.requestId, message.frame)) });
      return;
    case 'viewer/saveFrame': {
      const reply = await saveFrame(session, host.document, message.frame, message);
      await host.post({ ...reply });
      return;
    }
  }
}

async function saveFrame(session: ImageSession, document: DicomDocument, frame: number, choices: RenderChoicesView): Promise<SaveResultMessage> {
  const base = document.fileName.replace(/\.[^.]*$/, '') || 'frame';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(document.uri, '..', `${base}-frame${frame + 1}.png`),
    filters: { 'PNG image': ['png'] },
    title: 'Save Frame as PNG',
  });
  if (!target) return { type: 'viewer/saved', path: null, error: null };
  try {
    await vscode.workspace.fs.writeFile(target, await session.renderPng(frame, choices));
    return { type: 'viewer/saved', path: target.fsPath || target.toString(), error: null };
  } catch (error) {
    return { type: 'viewer/saved', path: null, error: (error as Error).message };
  }
}

/** Registers the viewer's host side with the editor; dispose to unregister. */
export function registerFrameServer(): vscode.Disposable {
  return registerViewerHostHandler((message, host) => handle(message, host));
}
