/**
 * The searchable header table: every element with its offset, for files without pixel data
 * (structured reports, RT plans, DICOMDIR) and, folded, under the frame viewer of images.
 * Searching keeps the rows of the enclosing sequences and items, so a match is never shown
 * without its context.
 */
import type { HeaderRow, OffsetFormat } from '../../src/shared/protocol';
import { element } from './dom';
import { offsetText } from '../../src/core/format/presentation';

export interface HeaderTableEvents {
  /** A row was activated (click or Enter): the host reveals it in the tag tree. */
  onActivate(id: string): void;
}

function rowMatches(row: HeaderRow, needle: string): boolean {
  const tagDigits = row.tag.replace(/[(),]/g, '').toLowerCase();
  return (
    row.tag.toLowerCase().includes(needle) ||
    tagDigits.startsWith(needle.replace(/[(),\s]/g, '')) ||
    row.keyword.toLowerCase().includes(needle) ||
    row.value.toLowerCase().includes(needle)
  );
}

/** Ids of rows to show: the matches and every row that encloses one (ids nest like paths). */
export function visibleRowIds(rows: readonly HeaderRow[], query: string): Set<string> | null {
  const needle = query.trim().toLowerCase();
  if (needle.length === 0) return null;
  const visible = new Set<string>();
  for (const row of rows) {
    if (!rowMatches(row, needle)) continue;
    const parts = row.id.split('/');
    for (let i = 2; i <= parts.length; i++) visible.add(parts.slice(0, i).join('/'));
  }
  return visible;
}

export class HeaderTable {
  readonly root: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly count: HTMLElement;
  private readonly search: HTMLInputElement;
  private rowElements = new Map<string, HTMLTableRowElement>();
  private rows: readonly HeaderRow[] = [];
  private selectedId: string | null = null;

  constructor(private readonly events: HeaderTableEvents) {
    this.search = element('input', {
      className: 'search',
      attributes: { type: 'search', placeholder: 'Search tag, keyword or value', 'aria-label': 'Search the header' },
    });
    this.search.addEventListener('input', () => this.applySearch());
    this.count = element('span', { className: 'row-count' });
    const head = element('thead', {}, [
      element('tr', {}, ['Offset', 'Tag', 'Keyword', 'VR', 'Length', 'Value'].map((title) => element('th', { text: title, attributes: { scope: 'col' } }))),
    ]);
    this.body = element('tbody');
    this.body.addEventListener('click', (event) => this.activateFrom(event.target));
    this.body.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.activateFrom(event.target);
    });
    this.root = element('section', { className: 'header-table', attributes: { 'aria-label': 'Header' } }, [
      element('div', { className: 'table-tools' }, [this.search, this.count]),
      element('table', {}, [head, this.body]),
    ]);
  }

  show(rows: readonly HeaderRow[], offsetFormat: OffsetFormat, truncated: boolean): void {
    this.rows = rows;
    this.rowElements = new Map();
    const fragment = document.createDocumentFragment();
    for (const row of rows) {
      const tr = element('tr', { attributes: { 'data-id': row.id, tabindex: '-1' } }, [
        element('td', { className: 'offset', text: offsetText(row.offset, offsetFormat) }),
        element('td', { className: 'tag', text: row.tag }),
        element('td', { className: 'keyword', text: row.keyword }),
        element('td', { className: 'vr', text: row.vr }),
        element('td', { className: 'length', text: row.length }),
        element('td', { className: 'value', text: row.value }),
      ]);
      // Indentation shows nesting in sequences; the tag cell carries it so columns stay aligned.
      (tr.children[1] as HTMLElement).style.paddingLeft = `${0.4 + Math.min(row.depth, 12) * 0.9}em`;
      this.rowElements.set(row.id, tr);
      fragment.append(tr);
    }
    this.body.replaceChildren(fragment);
    this.count.dataset.truncated = truncated ? 'true' : 'false';
    this.applySearch();
    if (this.selectedId) this.select(this.selectedId);
  }

  /** Highlights the row of a tree selection, or its nearest enclosing row. */
  select(id: string): void {
    this.selectedId = id;
    this.body.querySelectorAll('tr.selected').forEach((row) => row.classList.remove('selected'));
    let target: HTMLTableRowElement | undefined;
    for (let candidate = id; candidate.includes('/') && !target; candidate = candidate.slice(0, candidate.lastIndexOf('/'))) {
      target = this.rowElements.get(candidate);
    }
    if (!target) return;
    target.classList.add('selected');
    target.scrollIntoView({ block: 'nearest' });
  }

  private applySearch(): void {
    const visible = visibleRowIds(this.rows, this.search.value);
    let shown = 0;
    for (const [id, tr] of this.rowElements) {
      const show = visible === null || visible.has(id);
      tr.hidden = !show;
      if (show) shown++;
    }
    const truncated = this.count.dataset.truncated === 'true' ? ' (first rows only; the DICOM Tags view has all)' : '';
    this.count.textContent = visible === null ? `${this.rows.length} rows${truncated}` : `${shown} of ${this.rows.length} rows${truncated}`;
  }

  private activateFrom(target: EventTarget | null): void {
    const row = target instanceof Element ? target.closest('tr[data-id]') : null;
    const id = row?.getAttribute('data-id');
    if (id) this.events.onActivate(id);
  }
}
