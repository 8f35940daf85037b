/**
 * Browser entry for the Bytes pane benchmark: mounts the real pane (webview/editor/bytes) with
 * a host that runs the real page server code (bytesPage) in the page, reading the file by byte
 * range (HTTP Range requests to the harness's local server), as the extension host would.
 */
import { openDicom } from '../../src/core/parse/readDicom';
import { bytesPage } from '../../src/extension/bytes/bytesServer';
import { BytesPane } from '../../webview/editor/bytes/bytesPane';
import { httpRangeAccess } from './httpRangeAccess';

declare global {
  interface Window {
    __fileSize: number;
    __mountBytes(): Promise<void>;
    __pane: BytesPane;
  }
}

window.__mountBytes = async () => {
  const { file, source } = await openDicom(httpRangeAccess(window.__fileSize));
  // Replies cross a boundary in VS Code too; deliver them asynchronously.
  const pane = new BytesPane(
    (stream, offset, length) => bytesPage({ type: 'bytes/read', stream, offset, length }, file, source).then((page) => new Promise((resolve) => setTimeout(() => resolve(page), 0))),
    { revealOffset: () => undefined },
  );
  document.getElementById('viewer')!.append(pane.root);
  pane.show({ deflated: file.deflated, dataSetOffset: file.dataSetOffset, littleEndian: true, characterSet: [], offsetFormat: 'hex' });
  window.__pane = pane;
};
