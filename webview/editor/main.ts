/**
 * The DICOM editor page (bundled to dist/webview/editor.js, the frame viewer included). It asks
 * for the document (`ready`), then draws every `document` the host sends, selects tree
 * selections in the element list and the Bytes pane, and gives the frame viewer, the Bytes
 * pane and the element list their requests on the same message endpoint.
 */
import { MessageEndpoint } from '../../src/shared/messageEndpoint';
import { parseHostMessage, type DocumentMessage, type HostToWebviewMessage, type WebviewToHostMessage } from '../../src/shared/protocol';
import type { BytesPageMessage } from '../../src/shared/bytesProtocol';
import type { FilterReply, FindReply, RowsReply, ShapeReply } from '../../src/shared/elementsProtocol';
import type { ElementSource } from './elements/elementList';
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
        if (!message.fromList) page.select(message.id, message);
        return;
      case 'bytes/page':
      case 'elements/shapeReply':
      case 'elements/rowsReply':
      case 'elements/filterReply':
      case 'elements/findReply':
        return; // Only ever replies to the Bytes pane's and the element list's requests, matched by the endpoint.
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

const elements: ElementSource = {
  shape: () => host.request<ShapeReply>({ type: 'elements/shape' }),
  rows: (listId, indices) => host.request<RowsReply>({ type: 'elements/rows', listId, indices }),
  filter: (listId, query) => host.request<FilterReply>({ type: 'elements/filter', listId, query }),
  find: (listId, id) => host.request<FindReply>({ type: 'elements/find', listId, id }),
  select: (listId, indices, focus) => host.notify({ type: 'elements/select', listId, indices: Uint32Array.from(indices).buffer, focus }),
};

const app = document.getElementById('app') ?? document.body.appendChild(element('main', { attributes: { id: 'app' } }));
const page = new EditorPage(app, {
  revealOffset: (offset) => host.notify({ type: 'revealOffset', offset }),
  openInstance: (sopInstanceUid) => host.notify({ type: 'openInstance', sopInstanceUid }),
  openReportText: () => host.notify({ type: 'openReportText' }),
  openStackInstance: (frame) => host.notify({ type: 'stack/openInstance', frame }),
  layoutChanged: (layout) => host.notify({ type: 'layout', layout }),
}, viewerPort, (stream, offset, length) => host.request<BytesPageMessage>({ type: 'bytes/read', stream, offset, length }), elements);

window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));

void host.request<DocumentMessage>({ type: 'ready' }).then((reply) => {
  page.applyLayout(reply.layout ?? {});
  page.show(reply.document);
});
