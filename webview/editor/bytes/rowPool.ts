/**
 * The Bytes pane's rows: a fixed pool of row elements for the rows on screen. Row n of the
 * file always lives in slot n mod pool size and is moved into place by a transform, so
 * scrolling a few rows rewrites only the rows that came into view; the DOM keeps the rows in
 * screen order (a screen reader reads the grid in DOM order) by moving only those that wrapped.
 */
import { element } from '../dom';

export const BYTES_PER_ROW = 16;

export interface RowCells {
  readonly root: HTMLElement;
  /** The transform last written, so an unmoved row costs no style change. */
  shift: string;
  readonly address: HTMLElement;
  readonly hex: HTMLElement[];
  readonly text: HTMLElement[];
}

export function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '·';
}

/**
 * Writes a cell only where it changed: the DOM work of a frame is what sets the frame rate,
 * and neighbouring rows share most of their classes.
 */
export function setCell(cell: HTMLElement, text: string, className: string): void {
  const node = cell.firstChild;
  if (node instanceof Text) {
    if (node.data !== text) node.data = text;
  } else {
    cell.textContent = text;
  }
  if (cell.className !== className) cell.className = className;
}

/** The 256 two-digit hex texts, made once: a frame writes up to a few thousand of them. */
export const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));

export class RowPool {
  private rows: RowCells[] = [];

  constructor(private readonly box: HTMLElement) {}

  get size(): number {
    return this.rows.length;
  }

  /** Height of a row as the theme's editor font lays it out (0 while the pane is hidden). */
  measureRowHeight(): number {
    if (this.rows.length === 0) this.rows.push(this.createRow());
    return this.rows[0].root.getBoundingClientRect().height;
  }

  /** Makes the pool `count` rows; every row is redrawn after, in slot order. */
  resize(count: number): void {
    while (this.rows.length < count) this.rows.push(this.createRow());
    while (this.rows.length > count) this.rows.pop()!.root.remove();
    // A new pool size moves every row to another slot: start the slots afresh, in slot order.
    this.rows.forEach((row) => delete row.root.dataset.offset);
    this.box.append(...this.rows.map((row) => row.root));
  }

  /** The row element that shows file row `fileRow`, moved to `line` lines from the top. */
  place(fileRow: number, line: number, rowHeight: number): RowCells {
    const row = this.rows[fileRow % this.rows.length];
    const shift = `translateY(${line * rowHeight}px)`;
    if (row.shift !== shift) {
      row.shift = shift;
      row.root.style.transform = shift;
    }
    return row;
  }

  /** Puts the rows in the DOM in screen order, `topRow` first: the slots are a rotation of it. */
  order(topRow: number): void {
    const pool = this.rows.length;
    const first = this.rows[topRow % pool].root;
    const at = this.rows.findIndex((row) => row.root === this.box.firstElementChild);
    if (at < 0 || this.box.firstElementChild === first) return;
    const forward = ((topRow % pool) - at + pool) % pool;
    if (forward <= pool / 2) {
      for (let i = 0; i < forward; i++) this.box.append(this.box.firstElementChild!);
    } else {
      for (let i = 0; i < pool - forward; i++) this.box.prepend(this.box.lastElementChild!);
    }
  }

  private createRow(): RowCells {
    const hex: HTMLElement[] = [];
    const text: HTMLElement[] = [];
    for (let i = 0; i < BYTES_PER_ROW; i++) {
      hex.push(element('span', { className: 'b', attributes: { 'data-i': String(i) } }));
      text.push(element('span', { className: 'c', attributes: { 'data-i': String(i) } }));
    }
    const address = element('span', { className: 'address' });
    const root = element('div', { className: 'bytes-row', attributes: { role: 'row' } }, [
      address,
      element('span', { className: 'hex' }, hex),
      element('span', { className: 'text' }, text),
    ]);
    this.box.append(root);
    return { root, shift: '', address, hex, text };
  }
}
