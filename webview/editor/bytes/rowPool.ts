/**
 * The Bytes pane's rows: a fixed pool of row elements for the rows on screen, kept in the DOM
 * in screen order (a screen reader reads the grid in DOM order) and each moved into its line by
 * a transform. Scrolling by fewer rows than the pool holds moves only the rows that wrapped
 * around to the other end, so only the rows that came into view are rewritten; a longer jump
 * (a dragged scrollbar) moves no element at all and rewrites every row where it stands, since
 * re-inserting elements costs the browser a fresh style and layout of each of them.
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
  /** In screen order: rows[0] is the first line. */
  private rows: RowCells[] = [];
  /** The file row the first line shows; null when no row shows a known one. */
  private topRow: number | null = null;

  constructor(private readonly box: HTMLElement) {}

  get size(): number {
    return this.rows.length;
  }

  /** Height of a row as the theme's editor font lays it out (0 while the pane is hidden). */
  measureRowHeight(): number {
    if (this.rows.length === 0) this.rows.push(this.createRow());
    return this.rows[0].root.getBoundingClientRect().height;
  }

  /** Makes the pool `count` rows; every row is redrawn after. */
  resize(count: number): void {
    while (this.rows.length < count) this.rows.push(this.createRow());
    while (this.rows.length > count) this.rows.pop()!.root.remove();
    // Every row is rewritten after a resize: forget what they showed.
    this.topRow = null;
    this.rows.forEach((row) => delete row.root.dataset.offset);
    this.box.append(...this.rows.map((row) => row.root));
  }

  /**
   * The rows for the screen's lines, first line first, once the pool shows file rows from
   * `topRow`: rows still on screen after a short scroll keep their content and move up or down.
   */
  show(topRow: number, rowHeight: number): readonly RowCells[] {
    const pool = this.rows.length;
    const moved = this.topRow === null ? pool : topRow - this.topRow;
    if (moved > 0 && moved < pool) {
      for (let i = 0; i < moved; i++) this.rows.push(this.rows.shift()!);
      this.box.append(...this.rows.slice(pool - moved).map((row) => row.root));
    } else if (moved < 0 && -moved < pool) {
      for (let i = 0; i < -moved; i++) this.rows.unshift(this.rows.pop()!);
      this.box.prepend(...this.rows.slice(0, -moved).map((row) => row.root));
    }
    this.topRow = topRow;
    this.rows.forEach((row, line) => {
      const shift = `translateY(${line * rowHeight}px)`;
      if (row.shift !== shift) {
        row.shift = shift;
        row.root.style.transform = shift;
      }
    });
    return this.rows;
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
