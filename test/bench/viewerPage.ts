/**
 * Browser entry for the viewer benchmarks: mounts the real viewer (webview/viewer) with a host
 * that runs the real frame server code (imageSession) in the page, reading the file by byte
 * range (HTTP Range requests to the harness's local server), as the extension host would.
 */
import type { FileAccess } from '../../src/core/io';
import { openImageSession, type ImageSession } from '../../src/extension/viewer/imageSession';
import { parseViewerMessage } from '../../src/shared/viewerProtocol';
import '../../webview/viewer/main';
import { registeredViewer } from '../../webview/editor/viewerSeam';

declare global {
  interface Window {
    __fileSize: number;
    __mountViewer(): void;
  }
}

const access: FileAccess = {
  size: async () => window.__fileSize,
  read: async (offset, length) => {
    const end = Math.min(offset + length, window.__fileSize);
    if (end <= offset) return new Uint8Array(0);
    const response = await fetch('/file', { headers: { Range: `bytes=${offset}-${end - 1}` } });
    return new Uint8Array(await response.arrayBuffer());
  },
};

window.__mountViewer = () => {
  const listeners: ((m: unknown) => void)[] = [];
  let session: Promise<ImageSession> | undefined;
  const reply = (m: unknown): void => {
    // Messages cross a boundary in VS Code too; deliver them asynchronously.
    setTimeout(() => listeners.forEach((l) => l(m)), 0);
  };
  const root = document.getElementById('viewer')!;
  registeredViewer()!(root, {
    post: (raw) => {
      const m = parseViewerMessage(raw);
      if (!m) return;
      session ??= openImageSession(access);
      void session.then(async (s) => {
        if (m.type === 'viewer/ready') reply(s.info);
        else if (m.type === 'viewer/getFrame') reply(await s.frameMessage(m.requestId, m.frame));
      });
    },
    onMessage: (cb) => {
      listeners.push(cb);
      return () => listeners.splice(listeners.indexOf(cb), 1);
    },
  });
};
