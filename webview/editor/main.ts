/**
 * The DICOM editor page (bundled to dist/webview/editor.js). It says `ready`, then draws every
 * `document` the host sends, highlights tree selections, and relays the frame viewer's messages.
 */
import { isEnvelope, parseEditorHostMessage, type EditorWebviewMessage } from '../../src/shared/protocol';
import { element } from './dom';
import { EditorPage } from './page';
import type { ViewerHost } from './viewerSeam';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: EditorWebviewMessage): void => vscode.postMessage(message);

const viewerListeners = new Set<(message: unknown) => void>();
const viewerHost: ViewerHost = {
  post: (message) => {
    if (isEnvelope(message)) vscode.postMessage(message);
  },
  onMessage: (callback) => {
    viewerListeners.add(callback);
    return () => viewerListeners.delete(callback);
  },
};

const app = document.getElementById('app') ?? document.body.appendChild(element('main', { attributes: { id: 'app' } }));
const page = new EditorPage(app, {
  revealRow: (id) => post({ type: 'revealRow', id }),
  revealOffset: (offset) => post({ type: 'revealOffset', offset }),
}, viewerHost);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseEditorHostMessage(event.data);
  if (message?.type === 'document') page.show(message.document);
  else if (message?.type === 'selectElement') page.select(message.id);
  // The viewer sees every message: its own, and the editor's (a new document, a selection).
  if (isEnvelope(event.data)) {
    for (const listener of viewerListeners) {
      try {
        listener(event.data);
      } catch (error) {
        console.error('frame viewer listener failed', error);
      }
    }
  }
});

post({ type: 'ready' });
