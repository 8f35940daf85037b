/**
 * The read-only custom editor `dicomInspector.viewer`: one webview page per open file, showing
 * the summary, parse issues, the element list, the Bytes pane and (for images) the frame
 * viewer. Each page talks to the host through one MessageEndpoint: it validates every message
 * the page sends and answers the viewer's, the Bytes pane's and the element list's requests.
 */
import * as vscode from 'vscode';
import { MessageEndpoint } from '../../shared/messageEndpoint';
import { parseWebviewMessage, type DocumentView, type HostToWebviewMessage, type WebviewToHostMessage } from '../../shared/protocol';
import { readBytesPage } from '../bytes/bytesServer';
import type { DicomDocument } from '../document/dicomDocument';
import type { DicomDocuments, DocumentLease } from '../document/dicomDocuments';
import { onSettingsChanged, readSettings } from '../settings';
import type { FrameServer } from '../viewer/frameServer';
import { documentFrames } from '../viewer/frameSource';
import { answerElements } from '../elements/elementServer';
import { documentView, errorView } from './documentView';
import type { EditorTracker } from './editorTracker';
import { LayoutMemory } from './layoutMemory';
import { editorHtml, webviewOptions } from './webviewHtml';
import { shownIssues } from '../validation/shownIssues';

export const EDITOR_VIEW_TYPE = 'dicomInspector.viewer';

export function viewOf(document: DicomDocument): DocumentView {
  const settings = readSettings();
  if (!document.file) return errorView(document.fileName, document.loadError ?? 'The file could not be read.', settings.offsetFormat);
  return documentView(document.fileName, document.file, { ...settings, issues: shownIssues(document.file).map(({ issue }) => issue) });
}

export interface EditorServices {
  readonly documents: DicomDocuments;
  readonly tracker: EditorTracker;
  readonly frames: FrameServer;
}

export class DicomEditorProvider implements vscode.CustomReadonlyEditorProvider<DocumentLease> {
  constructor(private readonly extensionUri: vscode.Uri, private readonly services: EditorServices, private readonly layouts: LayoutMemory) {}

  openCustomDocument(uri: vscode.Uri): Promise<DocumentLease> {
    return this.services.documents.acquire(uri);
  }

  resolveCustomEditor({ document }: DocumentLease, panel: vscode.WebviewPanel): void {
    const { tracker, frames } = this.services;
    const webview = panel.webview;
    webview.options = webviewOptions(this.extensionUri);
    webview.html = editorHtml(webview, this.extensionUri);
    const frameSource = documentFrames(document);
    let viewerMounted = false;
    const page = new MessageEndpoint<HostToWebviewMessage, WebviewToHostMessage>({
      post: (envelope) => void webview.postMessage(envelope),
      parse: parseWebviewMessage,
      onError: (error) => console.error('DICOM Inspector editor message failed:', error),
      answer: (message) => {
        switch (message.type) {
          case 'ready':
            return { type: 'document', document: viewOf(document), layout: this.layouts.layout };
          case 'layout':
            void this.layouts.remember(message.layout);
            return undefined;
          case 'revealOffset':
            tracker.requestReveal({ document, offset: message.offset });
            return undefined;
          case 'openReportText':
            void vscode.commands.executeCommand('dicomInspector.openReportText');
            return undefined;
          case 'openInstance':
            void vscode.commands.executeCommand('dicomInspector.openInstance', message.sopInstanceUid);
            return undefined;
          case 'bytes/read':
            return readBytesPage(message, document);
          case 'stack/openInstance':
            return undefined; // Only a series stack's page has instances to open.
          case 'elements/shape':
          case 'elements/rows':
          case 'elements/filter':
          case 'elements/find':
          case 'elements/select':
            return answerElements(message, document.file, readSettings(), (selection) => tracker.selectInList({ document, ...selection }));
          default:
            viewerMounted = true;
            return frames.answer(message, frameSource);
        }
      },
    });
    const sendDocument = (): void => page.notify({ type: 'document', document: viewOf(document) });
    const subscriptions: vscode.Disposable[] = [
      webview.onDidReceiveMessage((raw: unknown) => page.receive(raw)),
      document.onDidReload(() => {
        sendDocument();
        // The viewer stays mounted across re-parses: tell it what the changed file holds.
        if (viewerMounted) void frames.imageInfo(frameSource).then((info) => page.notify(info));
      }),
      onSettingsChanged(sendDocument),
      tracker.track(panel, (message) => page.notify(message), document),
    ];
    panel.onDidDispose(() => {
      page.close(new Error('the editor was closed'));
      subscriptions.forEach((subscription) => subscription.dispose());
      if (!tracker.openDocuments.includes(document)) frames.release(document);
    });
  }
}

export function registerDicomEditor(context: vscode.ExtensionContext, services: EditorServices): void {
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(EDITOR_VIEW_TYPE, new DicomEditorProvider(context.extensionUri, services, new LayoutMemory(context.workspaceState)), {
      // Pages are cheap to rebuild from the parsed header, so hidden tabs do not keep a live page.
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
  );
}
