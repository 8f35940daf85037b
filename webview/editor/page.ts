/**
 * Draws one parsed file: title line, summary, parse issues, the frame viewer's mount point
 * (files with pixel data), the element list and the Bytes pane.
 */
import type { DocumentView, EditorLayout, IssueView } from '../../src/shared/protocol';
import { element, formatSize } from './dom';
import { offsetText } from '../../src/core/format/presentation';
import { ElementList, type ElementSource } from './elements/elementList';
import { PaneTabs, type Tab } from './paneTabs';
import { StackBar } from './stackBar';
import { BytesPane } from './bytes/bytesPane';
import type { PageRequest } from './bytes/pageCache';
import type { BytesPageMessage } from '../../src/shared/bytesProtocol';
import { mountViewer } from '../viewer/mountViewer';
import type { ViewerPort } from '../viewer/viewerPort';
import { ReportPane } from './report/reportPane';

export interface PageEvents {
  revealOffset(offset: number): void;
  openInstance(sopInstanceUid: string): void;
  openReportText(): void;
  /** A series stack's page: open the file frame `frame` comes from. */
  openStackInstance(frame: number): void;
  /** The user changed the layout: the host keeps it for the next file of the workspace. */
  layoutChanged(change: EditorLayout): void;
}

function summarySection(view: DocumentView): HTMLElement {
  const list = element('dl', { className: 'summary' });
  for (const field of view.summary) {
    list.append(element('dt', { text: field.label }), element('dd', { text: field.value, title: field.value }));
  }
  return list;
}

function collapsedSummary(view: DocumentView): HTMLElement {
  const line = view.summary.map((f) => f.value).filter(Boolean).slice(0, 6).join(' · ');
  return element('details', { className: 'summary-details' }, [element('summary', { text: `Summary: ${line}`, title: 'Show the summary' }), summarySection(view)]);
}

function issueItem(issue: IssueView, view: DocumentView, events: PageEvents): HTMLElement {
  const icon = element('span', { className: `codicon-like ${issue.severity}`, text: issue.severity === 'error' ? '✖' : '⚠', attributes: { 'aria-hidden': 'true' } });
  const parts: Node[] = [icon, element('span', { className: 'severity', text: issue.severity === 'error' ? 'Error' : 'Warning' })];
  if (issue.offset !== null) {
    const offset = issue.offset;
    const link = element('button', { className: 'offset-link', text: `at ${offsetText(offset, view.offsetFormat)}`, title: 'Show this byte in the DICOM Tags view' });
    link.addEventListener('click', () => events.revealOffset(offset));
    parts.push(link);
  }
  parts.push(element('span', { className: 'message', text: issue.message }));
  return element('li', { className: `issue ${issue.severity}` }, parts);
}

/**
 * The problems, folded under their count so the panes below keep the room; errors open them,
 * since they explain why the panes stop early.
 */
function issuesSection(view: DocumentView, events: PageEvents): HTMLElement {
  const errors = view.issues.filter((issue) => issue.severity === 'error').length;
  const title = view.issues.length === 0 ? 'No problems found' : `${view.issues.length} problem${view.issues.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'})`;
  const section = element('details', { className: `issues ${view.issues.length === 0 ? 'clean' : 'has-issues'}`, attributes: { 'aria-label': 'Problems' } }, [
    element('summary', {}, [element('h2', { text: title })]),
  ]);
  // Open by itself only when reading stopped early; the checks' findings wait behind the count.
  section.open = view.readingStopped ?? errors > 0;
  if (view.issues.length > 0) {
    section.append(element('ul', {}, view.issues.map((issue) => issueItem(issue, view, events))));
    if (errors > 0) section.append(element('p', { className: 'hint', text: 'The panes below show everything read before the problem.' }));
  }
  return section;
}

export class EditorPage {
  private readonly list: ElementList;
  readonly bytes: BytesPane;
  private readonly report: ReportPane;
  private readonly bytesToggle = element('button', { className: 'bytes-toggle', text: 'Bytes', attributes: { type: 'button', 'aria-pressed': 'false', title: 'Show or hide the Bytes pane' } });
  private readonly tabs = new PaneTabs(this.bytesToggle, (tab) => this.events.layoutChanged({ tab }), (tab) => this.arrange(tab));
  /** The tab in front: with the element list there, the Bytes pane goes below it (see arrange). */
  private frontTab: string | undefined;
  private mounted: { dispose(): void } | undefined;
  private viewerRoot: HTMLElement | undefined;
  /** The user's choice; until there is one, the Bytes pane shows for files without pixels, since
   * a 1440×900 window cannot hold the image with its controls and the bytes side by side. */
  private bytesChosen: boolean | undefined;
  private workspace: HTMLElement | undefined;
  private readonly stackBar: StackBar;

  constructor(private readonly app: HTMLElement, private readonly events: PageEvents, private readonly viewerPort: ViewerPort, readBytes: PageRequest, elements: ElementSource) {
    this.list = new ElementList(elements, {
      showBytes: (row) => this.bytes.select(row),
      revealBytes: (row) => {
        this.showBytes(true);
        this.bytes.select(row);
      },
    });
    this.report = new ReportPane(events);
    this.bytes = new BytesPane(readBytes, { revealOffset: (offset) => events.revealOffset(offset) });
    this.stackBar = new StackBar((frame) => events.openStackInstance(frame));
    this.bytesToggle.addEventListener('click', () => {
      this.bytesChosen = this.bytesToggle.getAttribute('aria-pressed') !== 'true';
      this.showBytes(this.bytesChosen);
      events.layoutChanged({ bytesShown: this.bytesChosen });
    });
  }

  /** Starts from the layout the user chose last in this workspace (before the first `show`). */
  applyLayout(layout: EditorLayout): void {
    if (layout.bytesShown !== undefined) this.bytesChosen = layout.bytesShown;
    if (layout.tab !== undefined) this.tabs.prefer(layout.tab);
  }

  /**
   * Side by side, a 1440×900 window leaves the element list about 410 px beside the Bytes pane,
   * too narrow for Name and Value; with the list in front the Bytes pane goes below it, its data
   * inspector beside the hex. The image and the report keep the panes side by side.
   */
  private arrange(front?: string): void {
    if (front !== undefined) this.frontTab = front;
    this.workspace?.classList.toggle('stacked', this.frontTab === 'elements');
  }

  private showBytes(shown: boolean): void {
    this.bytesToggle.setAttribute('aria-pressed', String(shown));
    this.bytes.root.hidden = !shown;
    this.workspace?.classList.toggle('bytes-hidden', !shown);
  }

  show(view: DocumentView): void {
    const title = element('header', { className: 'title' }, [
      element('h1', { text: view.fileName }),
      element('span', { className: 'size', text: view.loadError ? '' : formatSize(view.fileSize) }),
    ]);
    if (view.deflated) {
      title.append(element('span', { className: 'badge', text: 'deflated', title: 'Offsets after the File Meta Information are positions in the inflated data set' }));
    }
    if (view.loadError) {
      this.unmountViewer();
      this.app.replaceChildren(title, element('section', { className: 'issues has-issues load-error' }, [
        element('h2', { text: 'The file could not be read' }),
        element('p', { className: 'message', text: view.loadError }),
      ]));
      return;
    }
    // The layout fits a 1440×900 window: a short head (with pixels, the summary folds into one
    // line), then the image and element list beside the Bytes pane (one click away for images),
    // each scrolling inside itself.
    const summary = view.hasPixelData ? collapsedSummary(view) : summarySection(view);
    this.app.classList.toggle('has-viewer', view.hasPixelData);
    const head = element('div', { className: 'page-head' }, [title, summary, issuesSection(view, this.events)]);
    const tabs: Tab[] = [];
    if (view.hasPixelData) {
      tabs.push({ id: 'image', title: 'Image', content: this.viewerSection() });
    } else {
      this.unmountViewer();
    }
    // A series stack is many files: its page has their frames, not one file's elements and bytes.
    if (view.stack && this.viewerRoot) head.append(this.stackBar.show(view.stack, this.viewerRoot));
    if (view.report) {
      this.report.show(view.report, view.offsetFormat);
      tabs.push({ id: 'report', title: 'Report', content: this.report.root });
    }
    if (!view.stack) tabs.push({ id: 'elements', title: `Elements (${view.elementCount})`, content: this.list.root });
    this.bytesToggle.hidden = view.stack !== undefined;
    this.tabs.show(tabs);
    const workspace = element('div', { className: 'workspace' }, [this.tabs.root, this.bytes.root]);
    this.workspace = workspace;
    this.arrange();
    this.showBytes(!view.stack && (this.bytesChosen ?? !view.hasPixelData));
    if (!view.stack) void this.list.load(view.offsetFormat);
    this.app.replaceChildren(head, workspace);
    this.bytes.show(view);
  }

  select(id: string, selection: { offset: number; valueOffset: number; end: number; pages?: readonly BytesPageMessage[] }): void {
    void this.list.reveal(id);
    this.bytes.select(selection, selection.pages);
    this.report.select(selection.offset);
  }

  /** The frame viewer's mount point; the viewer is mounted once and kept across re-parses. */
  private viewerSection(): HTMLElement {
    if (this.viewerRoot) return this.viewerRoot;
    const root = element('section', { className: 'frame-viewer', attributes: { id: 'frame-viewer', 'aria-label': 'Frames' } });
    this.mounted = mountViewer(root, this.viewerPort);
    this.viewerRoot = root;
    return root;
  }

  private unmountViewer(): void {
    this.mounted?.dispose();
    this.mounted = undefined;
    this.viewerRoot = undefined;
  }
}
