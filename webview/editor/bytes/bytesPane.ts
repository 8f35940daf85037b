/**
 * The Bytes pane: hex and text columns, 16 bytes a row, every byte coloured by what it is.
 * Only the rows on screen exist in the DOM (RowPool), and their bytes come page by page from
 * the host (PageCache), so a 2 GiB file scrolls end to end in the same memory as a small one;
 * scrolling rewrites only the rows that came into view. A click names the byte's node to the
 * host, which selects it in the DICOM Tags view and the element list and sends the selection
 * back (with the pages around it) to be highlighted here.
 */
import type { BytesPageMessage, ByteStream, PartRun } from '../../../src/shared/bytesProtocol';
import { offsetText, type OffsetFormat } from '../../../src/core/format/presentation';
import { INSPECTED_BYTES } from '../../../src/core/bytes/inspectBytes';
import { element } from '../dom';
import { DataInspector } from './dataInspector';
import { bytesLegend } from './legend';
import { PAGE_BYTES, PageCache, type PageRequest } from './pageCache';
import { PART_LABELS } from './partLabels';
import { BYTES_PER_ROW, HEX, printable, RowPool, setCell, type RowCells } from './rowPool';
import { clampTopRow, rowToReveal, scrollFromTopRow, topRowFromScroll, trackHeight, visibleRows, type ScrollGeometry } from './scrollMap';

export interface BytesFile {
  readonly deflated: boolean;
  readonly dataSetOffset: number;
  readonly littleEndian: boolean;
  readonly characterSet: readonly string[];
  readonly offsetFormat: OffsetFormat;
}

export interface BytesPaneEvents {
  /** A byte was clicked: the host selects the node holding it everywhere. */
  revealOffset(offset: number): void;
}

interface Highlight {
  readonly offset: number;
  readonly valueOffset: number;
  readonly end: number;
}

export class BytesPane {
  readonly root: HTMLElement;
  private readonly view: HTMLElement;
  private readonly rowsBox: HTMLElement;
  private readonly scrollbar: HTMLElement;
  private readonly track: HTMLElement;
  private readonly status: HTMLElement;
  private readonly streamLabel: HTMLElement;
  private readonly switchButton: HTMLButtonElement;
  private readonly inspector = new DataInspector();
  private readonly pages: PageCache;
  private readonly rows: RowPool;
  private rowHeight = 18;
  /** Height of the rows' box, measured on layout (0 before it): reading it in a frame would force a layout. */
  private viewportHeight = 0;
  private topRow = 0;
  private wheelRemainder = 0;
  private cursor: number | null = null;
  private highlight: Highlight | null = null;
  private file: BytesFile | null = null;
  private frame = 0;
  /** The scroll position this pane set last, so its own scroll event is not read as the user's. */
  private ownScrollTop = -1;
  /** The first row moved other than by the scrollbar: the next frame moves the scrollbar to it. */
  private scrollbarStale = false;

  constructor(request: PageRequest, private readonly events: BytesPaneEvents) {
    this.pages = new PageCache(request, 'model', () => this.schedule());
    this.streamLabel = element('span', { className: 'stream-label' });
    this.switchButton = element('button', { className: 'stream-switch', attributes: { type: 'button' } });
    this.switchButton.addEventListener('click', () => this.switchStream());
    this.rowsBox = element('div', { className: 'bytes-rows', attributes: { role: 'grid', 'aria-label': 'File bytes' } });
    this.rows = new RowPool(this.rowsBox);
    this.track = element('div', { className: 'bytes-track' });
    this.scrollbar = element('div', { className: 'bytes-scrollbar', attributes: { 'aria-hidden': 'true' } }, [this.track]);
    this.view = element('div', { className: 'bytes-view', attributes: { tabindex: '0' } }, [this.rowsBox, this.scrollbar]);
    this.status = element('div', { className: 'bytes-status', text: ' ' });
    this.root = element('section', { className: 'bytes-pane', attributes: { 'aria-label': 'Bytes' } }, [
      element('div', { className: 'bytes-toolbar' }, [element('h2', { text: 'Bytes' }), this.streamLabel, this.switchButton]),
      bytesLegend(),
      this.view,
      this.status,
      this.inspector.root,
    ]);
    this.view.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.view.addEventListener('keydown', (event) => this.onKey(event));
    this.scrollbar.addEventListener('scroll', () => this.onScrollbar());
    this.rowsBox.addEventListener('mousemove', (event) => this.onHover(event.target));
    this.rowsBox.addEventListener('mouseleave', () => (this.status.textContent = ' '));
    this.rowsBox.addEventListener('click', (event) => this.onClick(event.target));
    new ResizeObserver(() => this.layout()).observe(this.view);
  }

  /** Shows a (re-)parsed file from its start; pages of the previous parse are dropped. */
  show(file: BytesFile): void {
    const sameFile = this.file !== null && this.file.deflated === file.deflated && this.file.dataSetOffset === file.dataSetOffset;
    this.file = file;
    this.pages.reset(file.deflated ? this.pages.currentStream : 'model');
    if (!sameFile) {
      this.topRow = 0;
      this.cursor = null;
      this.highlight = null;
    }
    this.updateStreamControls();
    void this.pages.load(0).then(() => this.layout());
    this.inspect();
  }

  /**
   * Highlights a node's header and contents and scrolls them into view. `pages`: the pages
   * around the node that came with the selection, so the bytes show without asking the host.
   */
  select(highlight: Highlight, pages: readonly BytesPageMessage[] = []): void {
    if (this.pages.currentStream === 'raw' && this.file && highlight.offset >= this.file.dataSetOffset) this.switchStream();
    for (const page of pages) this.pages.add(page);
    this.highlight = highlight;
    // A click in the pane comes back as the selection of its node: the clicked byte stays.
    if (this.cursor === null || this.cursor < highlight.offset || this.cursor >= highlight.end) this.cursor = highlight.offset;
    this.scrollTo(rowToReveal(highlight.offset, this.topRow, this.geometry(), BYTES_PER_ROW));
    this.inspect();
    this.schedule();
  }

  /** The first offset on screen and the highlighted range: what tests and benchmarks read. */
  get state(): { topOffset: number; highlight: Highlight | null; cursor: number | null; stream: ByteStream; pagesHeld: number } {
    return { topOffset: this.topRow * BYTES_PER_ROW, highlight: this.highlight, cursor: this.cursor, stream: this.pages.currentStream, pagesHeld: this.pages.pageCount };
  }

  /** Moves the first row on screen (clamped); used by scrolling, keys and `select`. */
  scrollTo(row: number): void {
    // Until the first page says how long the stream is, keep the row (a switch of stream keeps its place).
    this.topRow = this.pages.streamSize === null ? Math.max(0, Math.round(row)) : clampTopRow(row, this.geometry());
    this.scrollbarStale = true;
    this.schedule();
  }

  private geometry(): ScrollGeometry {
    const size = this.pages.streamSize ?? 0;
    return { totalRows: Math.ceil(size / BYTES_PER_ROW), rowHeight: this.rowHeight, viewportHeight: this.viewportHeight || this.rowsBox.clientHeight };
  }

  private switchStream(): void {
    if (!this.file?.deflated) return;
    this.pages.reset(this.pages.currentStream === 'model' ? 'raw' : 'model');
    this.updateStreamControls();
    void this.pages.load(0).then(() => this.layout());
  }

  private updateStreamControls(): void {
    const deflated = this.file?.deflated ?? false;
    this.switchButton.hidden = !deflated;
    const raw = this.pages.currentStream === 'raw';
    this.streamLabel.textContent = !deflated ? '' : raw ? 'Raw file: the data set is compressed' : 'Inflated stream: offsets after the File Meta Information are positions in the inflated data set';
    this.switchButton.textContent = raw ? 'Show inflated stream' : 'Show raw file';
  }

  /** Builds the row pool for the pane's height (on resize), then draws. */
  private layout(): void {
    // Rows are as tall as the theme's editor font makes them: measure one before counting.
    const measured = this.rows.measureRowHeight();
    if (measured > 0) this.rowHeight = measured;
    this.viewportHeight = this.rowsBox.clientHeight;
    this.rows.resize(visibleRows(this.geometry()) + 1);
    this.track.style.height = `${trackHeight(this.geometry())}px`;
    this.scrollTo(this.topRow);
    // At once, not in the next frame: a shorter track clamps the scrollbar, and the scroll
    // event that follows must find it where this pane put it, not read it as the user's move.
    this.syncScrollbar();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private classFor(offset: number, run: PartRun | undefined): string {
    let name = run ? `p-${run.part}` : 'p-none';
    const h = this.highlight;
    if (h && offset >= h.offset && offset < h.end) name += offset < h.valueOffset ? ' sel-header' : ' sel-value';
    if (offset === this.cursor) name += ' cursor';
    return name;
  }

  private draw(): void {
    // Before the rows are written, while the last frame's layout still holds: moving the
    // scrollbar then costs no forced layout.
    if (this.scrollbarStale) this.syncScrollbar();
    const size = this.pages.streamSize ?? 0;
    const width = Math.max(4, Math.max(0, size - 1).toString(16).length);
    const format = this.file?.offsetFormat ?? 'hex';
    const lines = this.rows.show(this.topRow, this.rowHeight);
    for (let line = 0; line < lines.length; line++) {
      const row = lines[line];
      const rowOffset = (this.topRow + line) * BYTES_PER_ROW;
      const inFile = rowOffset < size;
      if (row.root.hidden === inFile) row.root.hidden = !inFile;
      if (!inFile) continue;
      const key = String(rowOffset);
      if (row.root.dataset.offset !== key) row.root.dataset.offset = key;
      setCell(row.address, offsetText(rowOffset, format, width), 'address');
      this.drawCells(row, rowOffset, size);
    }
  }

  /** Writes a row's cells; setCell leaves alone those that already show the right byte. */
  private drawCells(row: RowCells, rowOffset: number, size: number): void {
    for (let i = 0; i < BYTES_PER_ROW; i++) {
      const offset = rowOffset + i;
      const hex = row.hex[i];
      const text = row.text[i];
      if (offset >= size) {
        setCell(hex, '  ', 'b p-none');
        setCell(text, ' ', 'c p-none');
        continue;
      }
      const byte = this.pages.byteAt(offset);
      const name = this.classFor(offset, byte?.run);
      setCell(hex, byte ? HEX[byte.value] : '··', `b ${name}`);
      setCell(text, byte ? printable(byte.value) : ' ', `c ${name}`);
    }
  }

  private offsetOf(target: EventTarget | null): number | null {
    if (!(target instanceof HTMLElement) || target.dataset.i === undefined) return null;
    const row = target.closest<HTMLElement>('.bytes-row');
    if (!row?.dataset.offset) return null;
    const offset = Number(row.dataset.offset) + Number(target.dataset.i);
    return offset < (this.pages.streamSize ?? 0) ? offset : null;
  }

  private onHover(target: EventTarget | null): void {
    const offset = this.offsetOf(target);
    if (offset === null) return;
    const run = this.pages.byteAt(offset)?.run;
    const place = offsetText(offset, this.file?.offsetFormat ?? 'hex');
    const node = run && run.path ? `${run.path}${run.keyword ? ` ${run.keyword}` : ''}` : '';
    this.status.textContent = [place, node, run ? PART_LABELS[run.part] : ''].filter((part) => part.length > 0).join(' · ');
  }

  private onClick(target: EventTarget | null): void {
    const offset = this.offsetOf(target);
    if (offset === null) return;
    this.cursor = offset;
    this.inspect();
    this.schedule();
    this.view.focus();
    const compressed = this.pages.currentStream === 'raw' && this.file !== null && offset >= this.file.dataSetOffset;
    if (!compressed) this.events.revealOffset(offset);
  }

  private inspect(): void {
    if (this.cursor === null || !this.file) return this.inspector.show(null);
    const offset = this.cursor;
    // The inspected bytes may run into the next page: show them once both pages are here.
    const first = offset - (offset % PAGE_BYTES);
    const last = (offset + INSPECTED_BYTES - 1) - ((offset + INSPECTED_BYTES - 1) % PAGE_BYTES);
    const size = this.pages.streamSize ?? Number.MAX_SAFE_INTEGER;
    void Promise.all([this.pages.load(first), last !== first && last < size ? this.pages.load(last) : undefined]).then(() => this.inspectLoaded(offset));
  }

  private inspectLoaded(offset: number): void {
    if (offset !== this.cursor || !this.file) return;
    // The File Meta Information is always explicit VR little endian, whatever the data set is.
    const littleEndian = offset < this.file.dataSetOffset ? true : this.file.littleEndian;
    this.inspector.show({ offset, bytes: this.pages.bytesFrom(offset, INSPECTED_BYTES), littleEndian, characterSet: this.file.characterSet, offsetFormat: this.file.offsetFormat });
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rows = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? event.deltaY * visibleRows(this.geometry()) : event.deltaY / this.rowHeight;
    this.wheelRemainder += rows;
    const whole = Math.trunc(this.wheelRemainder);
    this.wheelRemainder -= whole;
    if (whole !== 0) this.scrollTo(this.topRow + whole);
  }

  private onKey(event: KeyboardEvent): void {
    const page = visibleRows(this.geometry());
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) {
      this.scrollTo(this.topRow + moves[event.key]);
    } else if (event.key === 'Home' && event.ctrlKey) {
      this.scrollTo(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      this.scrollTo(Number.MAX_SAFE_INTEGER);
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && this.cursor !== null) {
      const size = this.pages.streamSize ?? 0;
      this.cursor = Math.min(Math.max(0, this.cursor + (event.key === 'ArrowRight' ? 1 : -1)), Math.max(0, size - 1));
      this.topRow = rowToReveal(this.cursor, this.topRow, this.geometry(), BYTES_PER_ROW);
      this.scrollbarStale = true;
      this.inspect();
      this.schedule();
    } else if (event.key === 'Enter' && this.cursor !== null) {
      this.events.revealOffset(this.cursor);
    } else {
      return;
    }
    event.preventDefault();
  }

  private onScrollbar(): void {
    const scrollTop = this.scrollbar.scrollTop;
    if (Math.abs(scrollTop - this.ownScrollTop) < 1) return;
    this.topRow = topRowFromScroll(scrollTop, this.geometry());
    // The scrollbar is where the user put it: the frame must not move it back.
    this.scrollbarStale = false;
    this.schedule();
  }

  private syncScrollbar(): void {
    this.scrollbarStale = false;
    const target = scrollFromTopRow(this.topRow, this.geometry());
    this.ownScrollTop = target;
    if (Math.abs(this.scrollbar.scrollTop - target) >= 1) this.scrollbar.scrollTop = target;
    this.ownScrollTop = this.scrollbar.scrollTop;
  }
}
