/**
 * The seam where the frame viewer's host side plugs into the DICOM editor.
 *
 * The editor page mounts the viewer (webview/viewer, `mountViewer`) for files with pixel data
 * and forwards the viewer's messages to the host untouched. On the host, the editor provider
 * hands every message that is not one of the editor's own (see parseEditorWebviewMessage) to
 * the handlers registered here, with the document and a way to answer. Handlers validate their
 * messages themselves and ignore the ones they do not know.
 */
import type * as vscode from 'vscode';
import type { ViewerEnvelope } from '../../shared/protocol';
import type { DicomDocument } from '../document/dicomDocument';

export interface ViewerHostSession {
  readonly document: DicomDocument;
  readonly webview: vscode.Webview;
  /** Posts a message back to this editor's viewer (binary data as ArrayBuffer). */
  post(message: ViewerEnvelope): Thenable<boolean>;
}

export type ViewerHostHandler = (message: ViewerEnvelope, session: ViewerHostSession) => void | Promise<void>;

const handlers = new Set<ViewerHostHandler>();

/** Registers the viewer's host side; dispose the result to unregister. */
export function registerViewerHostHandler(handler: ViewerHostHandler): vscode.Disposable {
  handlers.add(handler);
  return { dispose: () => void handlers.delete(handler) };
}

/** Delivers a viewer message to every registered handler; a failing handler never breaks the editor. */
export function dispatchViewerMessage(message: ViewerEnvelope, session: ViewerHostSession): void {
  for (const handler of handlers) {
    Promise.resolve()
      .then(() => handler(message, session))
      .catch((error: unknown) => console.error('DICOM Inspector viewer handler failed:', error));
  }
}
