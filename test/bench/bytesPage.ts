/**
 * Browser entry for the Bytes pane benchmark: mounts the real pane (webview/editor/bytes). Its
 * host is the real page server code (bytesServer) running in Node on the real file, reached
 * through a Playwright binding as VS Code's host is reached through postMessage: one message
 * each way per page, bytes serialised on the way.
 */
import type { BytesPageMessage, ByteStream } from '../../src/shared/bytesProtocol';
import { BytesPane, type BytesFile } from '../../webview/editor/bytes/bytesPane';

/** A page as it crosses from the benchmark's host to the page: JSON, the bytes as base64. */
export type WirePage = Omit<BytesPageMessage, 'data'> & { readonly data: string };

declare global {
  interface Window {
    __fileSize: number;
    __hostRead(stream: ByteStream, offset: number, length: number): Promise<WirePage>;
    __mountBytes(file: BytesFile): void;
    __selectAndDraw(offset: number, pages: readonly WirePage[]): Promise<void>;
    __pane: BytesPane;
  }
}

function fromWire(page: WirePage): BytesPageMessage {
  const bytes = Uint8Array.from(atob(page.data), (c) => c.charCodeAt(0));
  return { ...page, data: bytes.buffer };
}

window.__mountBytes = (file) => {
  const pane = new BytesPane((stream, offset, length) => window.__hostRead(stream, offset, length).then(fromWire), { revealOffset: () => undefined });
  document.getElementById('viewer')!.append(pane.root);
  pane.show(file);
  window.__pane = pane;
};

/**
 * Hands the pane a selection as the editor page does with the host's `selectElement`, and
 * resolves once a frame has drawn its first byte highlighted with its value.
 */
window.__selectAndDraw = async (offset, pages) => {
  window.__pane.select({ offset, valueOffset: offset + 8, end: offset + 64 }, pages.map(fromWire));
  const row = offset - (offset % 16);
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const cell = document.querySelector(`.bytes-row[data-offset="${row}"] .b[data-i="${offset % 16}"]`);
    if (cell?.classList.contains('sel-header') && cell.textContent !== '··') return;
  }
};
