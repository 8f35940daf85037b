/**
 * The DICOM editor page (bundled to dist/webview/editor.js, the frame viewer included). It asks
 * for the document (`ready`), then draws every `document` the host sends, highlights tree
 * selections, and gives the frame viewer a port on the same message endpoint.
 */
import { MessageEndpoint } from '../../src/shared/messageEndpoint';
import { parseHostMessage, type DocumentMessage, type HostToWebviewMessage, type WebviewToHostMessage } from '../../src/shared/protocol';
import type { BytesPageMessage } from '../../src/shared/bytesProtocol';
import type { HostToViewerMessage } from '../../src/shared/viewerProtocol';
import type { ViewerPort } from '../viewer/viewerPort';
import { element } from './dom';
import { EditorPage } from './page';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const viewerListeners = new Set<(message: HostToViewerMessage) => void>();

const host = new MessageEndpoint<WebviewToHostMessage, HostToWebviewMessage>({
  post: (envelope) => vscode.postMessage(envelope),
  parse: parseHostMessage,
  onError: (error) => console.error('DICOM Inspector page failed on a message', error),
  answer: (message) => {
    switch (message.type) {
      case 'document':
        page.show(message.document);
        return;
      case 'selectElement':
        page.select(message.id, message);
        return;
      case 'bytes/page':
        return; // Only ever a reply to the Bytes pane's request, matched by the endpoint.
      default:
        for (const listener of viewerListeners) listener(message);
    }
  },
});

const viewerPort: ViewerPort = {
  request: (message) => host.request(message),
  onMessage: (listener) => {
    viewerListeners.add(listener);
    return () => viewerListeners.delete(listener);
  },
};

const app = document.getElementById('app') ?? document.body.appendChild(element('main', { attributes: { id: 'app' } }));
const page = new EditorPage(app, {
  revealRow: (id) => host.notify({ type: 'revealRow', id }),
  revealOffset: (offset) => host.notify({ type: 'revealOffset', offset }),
  openInstance: (sopInstanceUid) => host.notify({ type: 'openInstance', sopInstanceUid }),
  openReportText: () => host.notify({ type: 'openReportText' }),
  openStackInstance: (frame) => host.notify({ type: 'stack/openInstance', frame }),
}, viewerPort, (stream, offset, length) => host.request<BytesPageMessage>({ type: 'bytes/read', stream, offset, length }));

window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));

void host.request<DocumentMessage>({ type: 'ready' }).then((reply) => page.show(reply.document));
