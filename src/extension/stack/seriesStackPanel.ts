/**
 * A series opened as a stack: a read-only webview panel running the editor page, whose frame
 * viewer steps through the series' instances in stepping order as through the frames of one
 * multi-frame file (slider, arrow keys, cine, frame grid). Each instance is the DicomDocument
 * every other view of that file shares, so no file is parsed twice; the frame server answers
 * the viewer through a stacked frame source, and each frame's display settings (window
 * presets, rescale, pixel spacing for the readout) are those of the instance it comes from.
 */
import * as vscode from 'vscode';
import { mapOrdered } from '../../core/scan/orderedPool';
import type { SeriesOrder } from '../../core/explorer/seriesOrder';
import { MessageEndpoint } from '../../shared/messageEndpoint';
import { parseWebviewMessage, type HostToWebviewMessage, type WebviewToHostMessage } from '../../shared/protocol';
import type { BytesPageMessage } from '../../shared/bytesProtocol';
import type { DicomDocument } from '../document/dicomDocument';
import type { DicomDocuments, DocumentLease } from '../document/dicomDocuments';
import { EDITOR_VIEW_TYPE } from '../editor/dicomEditorProvider';
import type { EditorTracker } from '../editor/editorTracker';
import { editorHtml, webviewOptions } from '../editor/webviewHtml';
import { readSettings } from '../settings';
import type { FrameServer } from '../viewer/frameServer';
import { stackedFrames, type FrameSource } from '../viewer/frameSource';
import { stackLayout, type StackLayout } from './stackView';

export const STACK_VIEW_TYPE = 'dicomInspector.seriesStack';

/** Headers parsed at once while a stack opens. */
const OPENING_CONCURRENCY = 8;

export interface StackServices {
  readonly documents: DicomDocuments;
  readonly frames: FrameServer;
  readonly tracker: EditorTracker;
}

/** The series to stack: its name and its instances in stepping order. */
export interface StackedSeries {
  readonly title: string;
  readonly order: SeriesOrder;
}

/** Acquires every instance's document (at most OPENING_CONCURRENCY parses at once), in order. */
async function acquireAll(documents: DicomDocuments, order: SeriesOrder, token: vscode.CancellationToken): Promise<DocumentLease[]> {
  const leases: DocumentLease[] = [];
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  async function* sources(): AsyncGenerator<string> {
    yield* order.instances.map((instance) => instance.source);
  }
  for await (const lease of mapOrdered(sources(), (source) => documents.acquire(vscode.Uri.parse(source)), { concurrency: OPENING_CONCURRENCY, signal: controller.signal })) {
    leases.push(lease);
  }
  if (token.isCancellationRequested) {
    leases.forEach((lease) => lease.dispose());
    throw new vscode.CancellationError();
  }
  return leases;
}

export class SeriesStackPanel implements vscode.Disposable {
  private layout: StackLayout;
  private source: FrameSource;
  private readonly page: MessageEndpoint<HostToWebviewMessage, WebviewToHostMessage>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private viewerMounted = false;
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  /** Opens the series' files (with progress; cancellable) and shows them as a stack. */
  static async open(extensionUri: vscode.Uri, services: StackServices, series: StackedSeries): Promise<SeriesStackPanel> {
    const leases = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Opening ${series.title} as a stack`, cancellable: true },
      (_progress, token) => acquireAll(services.documents, series.order, token),
    );
    const panel = vscode.window.createWebviewPanel(STACK_VIEW_TYPE, `${series.title} (stack)`, vscode.ViewColumn.Active, { ...webviewOptions(extensionUri), retainContextWhenHidden: false });
    panel.webview.html = editorHtml(panel.webview, extensionUri);
    return new SeriesStackPanel(panel, leases, series, services);
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly leases: readonly DocumentLease[], private readonly series: StackedSeries, private readonly services: StackServices) {
    ({ layout: this.layout, source: this.source } = this.build());
    const webview = panel.webview;
    this.page = new MessageEndpoint<HostToWebviewMessage, WebviewToHostMessage>({
      post: (envelope) => void webview.postMessage(envelope),
      parse: parseWebviewMessage,
      onError: (error) => console.error('DICOM Inspector stack message failed:', error),
      answer: (message) => this.answer(message),
    });
    this.subscriptions.push(webview.onDidReceiveMessage((raw: unknown) => this.page.receive(raw)));
    for (const lease of leases) this.subscriptions.push(lease.document.onDidReload(() => this.rebuild()));
    panel.onDidDispose(() => this.dispose());
  }

  get documents(): DicomDocument[] {
    return this.leases.map((lease) => lease.document);
  }

  /** The stack as the page shows it: frames, summary, ordering and problems. */
  get view(): StackLayout['view'] {
    return this.layout.view;
  }

  /** Answers the page: its document, the viewer's frames, and the opening of an instance's file. */
  answer(message: WebviewToHostMessage): Promise<HostToWebviewMessage | undefined> | HostToWebviewMessage | undefined {
    switch (message.type) {
      case 'ready':
        return { type: 'document', document: this.layout.view };
      case 'revealOffset':
      case 'openInstance':
      case 'openReportText':
      case 'elements/shape':
      case 'elements/rows':
      case 'elements/filter':
      case 'elements/find':
      case 'elements/select':
      case 'layout': // A stack's tabs are its own, not the layout kept for the workspace's files.
        return undefined; // A stack has no element list or report of its own: each file's editor has.
      case 'bytes/read': {
        const empty: BytesPageMessage = { type: 'bytes/page', stream: message.stream, offset: message.offset, streamSize: 0, data: new ArrayBuffer(0), runs: [] };
        return empty;
      }
      case 'stack/openInstance': {
        const place = this.source.place(message.frame);
        if (place) void vscode.commands.executeCommand('vscode.openWith', place.document.uri, EDITOR_VIEW_TYPE);
        return undefined;
      }
      default:
        this.viewerMounted = true;
        return this.services.frames.answer(message, this.source);
    }
  }

  private build(): { layout: StackLayout; source: FrameSource } {
    const documents = this.documents;
    const instances = documents.map((document) => ({ fileName: document.fileName, file: document.file, loadError: document.loadError }));
    const layout = stackLayout(this.series.title, instances, this.series.order, readSettings().offsetFormat);
    return { layout, source: stackedFrames(documents, layout.places, this.series.title.replace(/[^\w.-]+/g, '_')) };
  }

  /** A file of the stack changed on disk: the page and the viewer follow, keeping their place. */
  private rebuild(): void {
    ({ layout: this.layout, source: this.source } = this.build());
    this.page.notify({ type: 'document', document: this.layout.view });
    if (this.viewerMounted) void this.services.frames.imageInfo(this.source).then((info) => this.page.notify(info));
  }

  /** Closes the panel (or follows its closing): the documents go when no one else holds them. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.page.close(new Error('the stack was closed'));
    this.subscriptions.forEach((subscription) => subscription.dispose());
    const shown = this.services.tracker.openDocuments;
    for (const document of this.documents) if (!shown.includes(document)) this.services.frames.release(document);
    this.leases.forEach((lease) => lease.dispose());
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}
