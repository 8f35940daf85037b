/**
 * Browser entry for the viewer benchmarks: mounts the real viewer (webview/viewer) with a host
 * that runs the real frame server code (imageSession) in the page, reading the file by byte
 * range (HTTP Range requests to the harness's local server), as the extension host would.
 */
import { openDicom } from '../../src/core/parse/readDicom';
import { openImageSession, type ImageSession } from '../../src/extension/viewer/imageSession';
import type { HostToViewerMessage, ViewerToHostMessage } from '../../src/shared/viewerProtocol';
import { mountViewer } from '../../webview/viewer/mountViewer';
import { httpRangeAccess } from './httpRangeAccess';

declare global {
  interface Window {
    __fileSize: number;
    __mountViewer(): void;
  }
}

const access = httpRangeAccess(window.__fileSize);

window.__mountViewer = () => {
  // Parsed once, as the extension's document does, then handed to the session.
  const session: Promise<ImageSession> = openDicom(access).then(({ file, source }) => openImageSession(file, source));
  // Replies cross a boundary in VS Code too; deliver them asynchronously.
  const later = <T,>(value: Promise<T>): Promise<T> => value.then((v) => new Promise((resolve) => setTimeout(() => resolve(v), 0)));
  mountViewer(document.getElementById('viewer')!, {
    request: <R extends HostToViewerMessage>(m: ViewerToHostMessage) =>
      later(session.then(async (s): Promise<R> => {
        if (m.type === 'viewer/getFrame') return (await s.frameMessage(m.frame)) as R;
        if (m.type === 'viewer/ready') return s.info as R;
        throw new Error(`the benchmark host does not answer ${m.type}`);
      })),
    onMessage: () => () => undefined,
  });
};
