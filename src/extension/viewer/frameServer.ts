/**
 * The frame viewer's host side: answers the viewer's messages for each open DICOM editor.
 * Frames are read by byte range through the editor's file access (never the whole file) and
 * decoded by the core; each document keeps one session, dropped when the file is re-read.
 */
import * as vscode from 'vscode';
import type { DicomDocument } from '../document/dicomDocument';
import { openWorkspaceFileAccess, type ClosableFileAccess } from '../io/workspaceFileAccess';
import { readSettings } from '../settings';
import { registerViewerHostHandler, type ViewerHostSession } from '../editor/viewerHostSeam';
import { parseViewerMessage, type SaveResultMessage } from '../../shared/viewerProtocol';
import { openImageSession, type ImageSession } from './imageSession';

interface OpenSession {
  readonly access: Promise<ClosableFileAccess>;
  readonly session: Promise<ImageSession>;
}

const sessions = new WeakMap<DicomDocument, OpenSession>();

function sessionFor(document: DicomDocument): Promise<ImageSession> {
  const existing = sessions.get(document);
  if (existing) return existing.session;
  const access = openWorkspaceFileAccess(document.uri, readSettings().maxWholeFileReadMiB * 1048576);
  const session = access.then(openImageSession);
  sessions.set(document, { access, session });
  // The file changed on disk: forget the session (and its file handle); the next request reopens.
  const subscription = document.onDidReload(() => {
    subscription.dispose();
    if (sessions.get(document)?.access === access) sessions.delete(document);
    void access.then((a) => a.close()).catch(() => undefined);
  });
  return session;
}

async function handle(raw: unknown, host: ViewerHostSession): Promise<void> {
  const message = parseViewerMessage(raw);
  if (!message) return; // not a viewer message, or malformed: ignored
  let session: ImageSession;
  try {
    session = await sessionFor(host.document);
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
      const reply = await saveFrame(session, host.document, message.frame, message.window, message.invert);
      await host.post({ ...reply });
      return;
    }
  }
}

async function saveFrame(session: ImageSession, document: DicomDocument, frame: number, window: { center: number; width: number } | null, invert: boolean): Promise<SaveResultMessage> {
  const base = document.fileName.replace(/\.[^.]*$/, '') || 'frame';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(document.uri, '..', `${base}-frame${frame + 1}.png`),
    filters: { 'PNG image': ['png'] },
    title: 'Save Frame as PNG',
  });
  if (!target) return { type: 'viewer/saved', path: null, error: null };
  try {
    await vscode.workspace.fs.writeFile(target, await session.renderPng(frame, window, invert));
    return { type: 'viewer/saved', path: target.fsPath || target.toString(), error: null };
  } catch (error) {
    return { type: 'viewer/saved', path: null, error: (error as Error).message };
  }
}

/** Registers the viewer's host side with the editor; dispose to unregister. */
export function registerFrameServer(): vscode.Disposable {
  return registerViewerHostHandler((message, host) => handle(message, host));
}
