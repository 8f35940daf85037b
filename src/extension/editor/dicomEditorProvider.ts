/**
 * The read-only custom editor `dicomInspector.viewer`: one webview page per open file, showing
 * the summary, parse issues, the header table and (for images) the frame viewer.
 */
import * as vscode from 'vscode';
import { isEnvelope, parseEditorWebviewMessage, type DocumentView } from '../../shared/protocol';
import { DicomDocument } from '../document/dicomDocument';
import { onSettingsChanged, readSettings } from '../settings';
import { documentView, errorView } from './documentView';
import type { EditorTracker } from './editorTracker';
import { dispatchViewerMessage } from './viewerHostSeam';
import { editorHtml, webviewOptions } from './webviewHtml';

export const EDITOR_VIEW_TYPE = 'dicomInspector.viewer';

export function viewOf(document: DicomDocument): DocumentView {
  const settings = readSettings();
  if (!document.file) return errorView(document.fileName, document.loadError ?? 'The file could not be read.', settings.offsetFormat);
  return documentView(document.fileName, document.file, settings);
}

export class DicomEditorProvider implements vscode.CustomReadonlyEditorProvider<DicomDocument> {
  constructor(private readonly extensionUri: vscode.Uri, private readonly tracker: EditorTracker) {}

  openCustomDocument(uri: vscode.Uri): Promise<DicomDocument> {
    return DicomDocument.open(uri);
  }

  resolveCustomEditor(document: DicomDocument, panel: vscode.WebviewPanel): void {
    const webview = panel.webview;
    webview.options = webviewOptions(this.extensionUri);
    webview.html = editorHtml(webview, this.extensionUri);
    const sendDocument = (): void => void webview.postMessage({ type: 'document', document: viewOf(document) });
    const subscriptions: vscode.Disposable[] = [
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseEditorWebviewMessage(raw);
        if (!message) {
          // Not an editor message: the viewer's, if it has the envelope shape; anything else is dropped.
          if (isEnvelope(raw)) dispatchViewerMessage(raw, { document, webview, post: (reply) => webview.postMessage(reply) });
          return;
        }
        switch (message.type) {
          case 'ready':
            sendDocument();
            break;
          case 'revealRow':
            this.tracker.requestReveal({ document, id: message.id });
            break;
          case 'revealOffset':
            this.tracker.requestReveal({ document, offset: message.offset });
            break;
        }
      }),
      document.onDidReload(sendDocument),
      onSettingsChanged(sendDocument),
      this.tracker.track(panel, document),
    ];
    panel.onDidDispose(() => subscriptions.forEach((subscription) => subscription.dispose()));
  }
}

export function registerDicomEditor(context: vscode.ExtensionContext, tracker: EditorTracker): void {
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(EDITOR_VIEW_TYPE, new DicomEditorProvider(context.extensionUri, tracker), {
      // Pages are cheap to rebuild from the parsed header, so hidden tabs do not keep a live page.
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
  );
}
