/**
 * The element list: every node of the file as a tree table (Offset | Tag | VR | Length | Name |
 * Value) with sequences, items and fragments to expand, a filter that keeps the parents of
 * matches, keyboard navigation and multiple selection. Only the rows on screen exist in the
 * DOM (a fixed pool refilled on scroll), the tree's shape is a few typed arrays (TreeShape) and
 * the rows' text comes from the host by window (RowCache), so a million nodes scroll like ten.
 */
import type { ElementRow, FilterReply, FindReply, RowsReply, ShapeReply } from '../../../src/shared/elementsProtocol';
import { offsetText, type OffsetFormat } from '../../../src/core/format/presentation';
import { element } from '../dom';
import { clampTopRow, rowToReveal, scrollFromTopRow, topRowFromScroll, trackHeight, visibleRows as rowsThatFit, type ScrollGeometry } from '../bytes/scrollMap';
import { keyAction } from './listKeys';
import { RowCache } from './rowCache';
import { RowSelection } from './rowSelection';
import { filterMask, rowOf, TreeShape, visibleRows } from './treeShape';

/** How the list reaches the host (through the page's message endpoint). */
export interface ElementSource {
  shape(): Promise<ShapeReply>;
  rows(listId: number, indices: number[]): Promise<RowsReply>;
  filter(listId: number, query: string): Promise<FilterReply>;
  find(listId: number, id: string): Promise<FindReply>;
  /** The selection changed: the host keeps it for the commands and reveals `focus` in the tags view. */
  select(listId: number, indices: readonly number[], focus: number): void;
}

export interface ElementListEvents {
  /** A row was selected: highlight its bytes. */
  showBytes(row: ElementRow): void;
  /** Enter on a row: show the Bytes pane and its bytes. */
  revealBytes(row: ElementRow): void;
}

const ROW_HEIGHT = 22;
/** Indentation per nesting level, and the deepest level indented further. */
const INDENT_EM = 0.8;
const MAX_INDENT = 32;
const COLUMNS = ['Offset', 'Tag', 'VR', 'Length', 'Name', 'Value'] as const;
/** Selections travel to the host this long after the last change (holding an arrow key sends one). */
const SELECT_NOTICE_MS = 60;
const FILTER_DELAY_MS = 150;

interface RowView {
  readonly root: HTMLElement;
  readonly cells: HTMLElement[];
  readonly twisty: HTMLElement;
  readonly tagText: Text;
}

function rowView(): RowView {
  const twisty = element('span', { className: 'twisty', attributes: { 'aria-hidden': 'true' } });
  const tagText = document.createTextNode('');
  const cells = COLUMNS.map((column) => element('div', { className: `cell ${column.toLowerCase()}`, attributes: { role: 'gridcell' } }));
  cells[1].append(twisty, tagText);
  return { root: element('div', { className: 'el-row', attributes: { role: 'row' } }, cells), cells, twisty, tagText };
}

function setText(cell: HTMLElement | Text, text: string): void {
  if (cell.textContent !== text) cell.textContent = text;
}

export class ElementList {
  readonly root: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly rowsBox: HTMLElement;
  private readonly track: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly cache: RowCache;
  private readonly selection = new RowSelection();
  private pool: RowView[] = [];
  private listId = -1;
  private shape = new TreeShape(new Uint16Array(0));
  private expanded = new Uint8Array(0);
  private shown: Uint8Array | null = null;
  /** Under a filter, 1 for the nodes that match it themselves (not their parents or contents). */
  private matched: Uint8Array | null = null;
  private matchCount = 0;
  private rows: Uint32Array = new Uint32Array(0);
  private top = 0;
  private offsetFormat: OffsetFormat = 'hex';
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private selectTimer: ReturnType<typeof setTimeout> | undefined;
  /** The node whose bytes the list last highlighted, so each selection highlights once. */
  private bytesShownFor = -1;
  /** The scrollTop this list set itself, so its own scroll event does not move the rows again. */
  private scrollSet = -1;

  constructor(private readonly source: ElementSource, private readonly events: ElementListEvents) {
    this.search = element('input', { className: 'search', attributes: { type: 'search', placeholder: 'Filter by tag, keyword or value', 'aria-label': 'Filter the elements' } });
    this.search.addEventListener('input', () => {
      clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(() => void this.applyFilter(), FILTER_DELAY_MS);
    });
    this.count = element('span', { className: 'row-count' });
    const header = element('div', { className: 'el-row el-header', attributes: { role: 'row' } }, COLUMNS.map((title) => element('div', { className: `cell ${title.toLowerCase()}`, text: title, attributes: { role: 'columnheader' } })));
    this.rowsBox = element('div', { className: 'el-rows', attributes: { 'data-vscode-context': JSON.stringify({ webviewSection: 'elementRow', preventDefaultContextMenuItems: true }) } });
    this.track = element('div', { className: 'el-track' });
    // The header scrolls sideways with the rows (the table is wider than a column beside the Bytes pane).
    this.viewport = element('div', { className: 'el-viewport', attributes: { tabindex: '0', role: 'treegrid', 'aria-multiselectable': 'true', 'aria-label': 'Elements' } }, [header, this.rowsBox, this.track]);
    this.root = element('section', { className: 'element-list', attributes: { 'aria-label': 'Element list' } }, [
      element('div', { className: 'table-tools' }, [this.search, this.count]),
      this.viewport,
    ]);
    this.cache = new RowCache(async (indices) => {
      const reply = await this.source.rows(this.listId, indices);
      return reply.listId === this.listId ? reply : null;
    }, () => this.render());
    this.viewport.addEventListener('scroll', () => this.onScroll());
    this.viewport.addEventListener('keydown', (event) => this.onKey(event));
    this.rowsBox.addEventListener('click', (event) => this.onClick(event));
    this.rowsBox.addEventListener('contextmenu', (event) => this.onContextMenu(event));
    new ResizeObserver(() => this.render()).observe(this.viewport);
  }

  /** Shows the document's list: asks for its shape, keeping expansion and selection when it is the same list. */
  async load(offsetFormat: OffsetFormat): Promise<void> {
    this.offsetFormat = offsetFormat;
    const reply = await this.source.shape();
    if (reply.listId === this.listId) return this.render();
    this.listId = reply.listId;
    this.shape = new TreeShape(new Uint16Array(reply.depths));
    this.expanded = new Uint8Array(this.shape.length);
    // The File Meta Information and the Data Set open, as in the DICOM Tags view.
    for (let i = 0; i < this.shape.length; i++) if (this.shape.depths[i] === 0 && this.shape.hasChildren(i)) this.expanded[i] = 1;
    this.cache.reset();
    this.selection.clear();
    this.bytesShownFor = -1;
    this.shown = null;
    this.matched = null;
    this.top = 0;
    if (this.search.value.trim()) await this.applyFilter();
    else this.layout();
  }

  /**
   * Selects the row of a node chosen elsewhere (tags view, byte click), expanding its parents.
   * The list's own focus row is left alone, so the tree following the list keeps a multiple selection.
   */
  async reveal(id: string): Promise<void> {
    if (this.selection.focus >= 0 && this.cache.get(this.selection.focus)?.id === id) return;
    const listId = this.listId;
    const { index } = await this.source.find(listId, id);
    if (index < 0 || listId !== this.listId || index === this.selection.focus) return;
    if (this.shown && !this.shown[index]) this.clearFilter();
    for (const ancestor of this.shape.ancestors(index)) this.expanded[ancestor] = 1;
    this.layout();
    this.selection.only(index);
    this.bytesShownFor = index; // the page highlights the ranges the host sent with the selection
    this.scrollToRow(rowOf(this.rows, index));
    this.render();
  }

  private clearFilter(): void {
    this.search.value = '';
    this.shown = null;
    this.matched = null;
  }

  private async applyFilter(): Promise<void> {
    const query = this.search.value;
    if (!query.trim()) {
      this.clearFilter();
      return this.layout();
    }
    const reply = await this.source.filter(this.listId, query);
    if (reply.listId !== this.listId || query !== this.search.value) return;
    const matches = new Uint32Array(reply.matches);
    const mask = filterMask(this.shape, matches);
    for (const parent of mask.parents) this.expanded[parent] = 1;
    this.shown = mask.shown;
    this.matched = new Uint8Array(this.shape.length);
    for (const match of matches) if (match < this.shape.length) this.matched[match] = 1;
    this.matchCount = matches.length;
    this.top = 0;
    this.layout();
  }

  /** Recomputes the shown rows after an expand, a collapse or a filter. */
  private layout(): void {
    this.rows = visibleRows(this.shape, this.expanded, this.shown);
    this.selection.keepShown(this.rows, this.selection.focus >= 0 ? this.nearestShown(this.selection.focus) : -1);
    const total = `${this.shape.length} element${this.shape.length === 1 ? '' : 's'}`;
    this.count.textContent = this.shown ? `${this.matchCount} match${this.matchCount === 1 ? '' : 'es'} · ${total}` : total;
    this.render();
  }

  /** The node itself when shown, else its nearest shown ancestor (a collapse hid it). */
  private nearestShown(index: number): number {
    if (rowOf(this.rows, index) >= 0) return index;
    return this.shape.ancestors(index).find((ancestor) => rowOf(this.rows, ancestor) >= 0) ?? -1;
  }

  private geometry(): ScrollGeometry {
    // The sticky header takes the first row's height of the viewport.
    return { totalRows: this.rows.length, rowHeight: ROW_HEIGHT, viewportHeight: Math.max(this.viewport.clientHeight - ROW_HEIGHT, ROW_HEIGHT) };
  }

  private onScroll(): void {
    if (Math.abs(this.viewport.scrollTop - this.scrollSet) < 1) return;
    this.scrollSet = -1;
    this.top = topRowFromScroll(this.viewport.scrollTop, this.geometry());
    this.render();
  }

  private scrollToRow(row: number): void {
    if (row < 0) return;
    const geometry = this.geometry();
    this.top = rowToReveal(row, this.top, geometry, 1);
    this.scrollSet = scrollFromTopRow(this.top, geometry);
    this.viewport.scrollTop = this.scrollSet;
  }

  /** Fills the pool of row elements with the rows from `top`, asking the host for text it lacks. */
  private render(): void {
    const geometry = this.geometry();
    this.top = clampTopRow(this.top, geometry);
    this.track.style.height = `${Math.max(0, trackHeight(geometry) - geometry.viewportHeight)}px`;
    const wanted = rowsThatFit(geometry) + 1;
    while (this.pool.length < wanted) this.rowsBox.append(this.pool[this.pool.push(rowView()) - 1].root);
    const missing: number[] = [];
    let deepest = 0;
    this.pool.forEach((view, k) => {
      const row = this.top + k;
      view.root.hidden = k >= wanted || row >= this.rows.length;
      if (view.root.hidden) return;
      const index = this.rows[row];
      deepest = Math.max(deepest, this.shape.depths[index]);
      const data = this.cache.get(index);
      if (!data) missing.push(index);
      this.fill(view, index, data);
    });
    // The tag column widens with the deepest row on screen: indentation plus twisty plus "(GGGG,EEEE)".
    const tagWidth = `max(22ch, calc(${(0.3 + Math.min(deepest, MAX_INDENT) * INDENT_EM + 1.6).toFixed(1)}em + 12ch))`;
    if (this.root.style.getPropertyValue('--tag-width') !== tagWidth) this.root.style.setProperty('--tag-width', tagWidth);
    if (missing.length > 0) this.cache.want(missing);
    this.showFocusBytes();
  }

  /** Highlights the focus row's bytes once its text (with its byte ranges) is here. */
  private showFocusBytes(): void {
    const focus = this.selection.focus;
    const data = focus >= 0 && this.bytesShownFor !== focus ? this.cache.get(focus) : undefined;
    if (!data) return;
    this.bytesShownFor = focus;
    this.events.showBytes(data);
  }

  private fill(view: RowView, index: number, data: ElementRow | undefined): void {
    const expandable = this.shape.hasChildren(index);
    const { root, cells } = view;
    root.dataset.index = String(index);
    root.dataset.id = data?.id ?? '';
    root.setAttribute('aria-level', String(this.shape.depths[index] + 1));
    root.setAttribute('aria-selected', String(this.selection.has(index)));
    if (expandable) root.setAttribute('aria-expanded', String(this.expanded[index] === 1));
    else root.removeAttribute('aria-expanded');
    root.classList.toggle('selected', this.selection.has(index));
    root.classList.toggle('focused', this.selection.focus === index);
    root.classList.toggle('match', this.matched?.[index] === 1);
    cells[1].style.paddingLeft = `${0.3 + Math.min(this.shape.depths[index], MAX_INDENT) * INDENT_EM}em`;
    view.twisty.className = expandable ? (this.expanded[index] ? 'twisty open' : 'twisty closed') : 'twisty';
    setText(cells[0], data ? offsetText(data.offset, this.offsetFormat) : '…');
    cells[0].title = data?.inflated ? 'Position in the inflated data set stream (the file is deflated)' : '';
    setText(view.tagText, data?.tag ?? '');
    setText(cells[2], data?.vr ?? '');
    setText(cells[3], data?.length ?? '');
    setText(cells[4], data?.name ?? '');
    setText(cells[5], data?.value ?? '');
    cells[5].title = data?.value ?? '';
  }

  private toggle(index: number): void {
    if (!this.shape.hasChildren(index)) return;
    this.expanded[index] = this.expanded[index] ? 0 : 1;
    this.layout();
  }

  private indexFrom(target: EventTarget | null): number {
    const row = target instanceof Element ? target.closest<HTMLElement>('.el-row[data-index]') : null;
    return row ? Number(row.dataset.index) : -1;
  }

  private onClick(event: MouseEvent): void {
    const index = this.indexFrom(event.target);
    if (index < 0) return;
    if (event.target instanceof Element && event.target.classList.contains('twisty')) return this.toggle(index);
    this.selection.click(index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey }, this.rows);
    this.viewport.focus({ preventScroll: true });
    this.selectionChanged(false);
  }

  /** A right click on a row outside the selection selects it, so the menu's commands apply to it. */
  private onContextMenu(event: MouseEvent): void {
    const index = this.indexFrom(event.target);
    if (index < 0 || this.selection.has(index)) return;
    this.selection.only(index);
    this.selectionChanged(true);
  }

  private onKey(event: KeyboardEvent): void {
    const action = keyAction(event.key, { shape: this.shape, expanded: this.expanded, rows: this.rows, focus: this.selection.focus, pageRows: Math.max(1, rowsThatFit(this.geometry()) - 1) });
    if (action.kind === 'none') return;
    event.preventDefault();
    switch (action.kind) {
      case 'expand':
      case 'collapse':
        return this.toggle(action.index);
      case 'reveal': {
        const data = this.cache.get(action.index);
        if (data) this.events.revealBytes(data);
        return;
      }
      case 'move':
        this.selection.click(this.rows[action.row], { toggle: false, range: event.shiftKey }, this.rows);
        this.scrollToRow(action.row);
        this.selectionChanged(false);
    }
  }

  private selectionChanged(now: boolean): void {
    this.bytesShownFor = -1;
    this.render();
    clearTimeout(this.selectTimer);
    const send = (): void => {
      if (this.selection.focus >= 0) this.source.select(this.listId, this.selection.indices(), this.selection.focus);
    };
    if (now) send();
    else this.selectTimer = setTimeout(send, SELECT_NOTICE_MS);
  }
}
