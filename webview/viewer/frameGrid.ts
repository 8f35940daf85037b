/**
 * The frame grid: N frames of a multi-frame file at once, each with its number, as fastai's
 * `show(frames=N)` draws them; clicking one opens it. Cells are drawn through the same pixel
 * sampling as the main image.
 */
import { el } from './dom';
import { samplePixels, type PixelSource } from './imageCanvas';
import { fitView } from './viewerMath';

export class FrameGrid {
  readonly root: HTMLElement;
  private cells: { index: number; canvas: HTMLCanvasElement }[] = [];

  constructor(private readonly onOpen: (index: number) => void) {
    this.root = el('div', { className: 'dv-grid', attrs: { role: 'list', 'aria-label': 'Frames' } });
    this.root.hidden = true;
  }

  /** Lays out cells for these frame indices, sized to fill the area (columns chosen for square-ish cells). */
  layout(indices: readonly number[], width: number, height: number): void {
    const n = Math.max(1, indices.length);
    let columns = 1;
    let best = 0;
    for (let c = 1; c <= n; c++) {
      const rows = Math.ceil(n / c);
      const size = Math.min(width / c, height / rows);
      if (size > best) {
        best = size;
        columns = c;
      }
    }
    const cell = Math.max(16, Math.floor(best) - 4);
    this.root.style.gridTemplateColumns = `repeat(${columns}, ${cell}px)`;
    this.cells = indices.map((index) => {
      const canvas = el('canvas', { className: 'dv-grid-image', attrs: { width: String(cell), height: String(cell) } });
      const item = el('button', { className: 'dv-grid-cell', title: `Open frame ${index + 1}`, attrs: { role: 'listitem', 'data-frame': String(index) } }, [canvas, el('span', { className: 'dv-grid-label', text: String(index + 1) })]);
      item.addEventListener('click', () => this.onOpen(index));
      return { index, canvas };
    });
    this.root.replaceChildren(...this.cells.map((c) => c.canvas.parentElement!));
    this.root.dataset.cells = String(this.cells.length);
  }

  /** Draws one frame into its cell, fitted and centred. */
  draw(index: number, source: PixelSource): void {
    const cell = this.cells.find((c) => c.index === index);
    const ctx = cell?.canvas.getContext('2d');
    if (!cell || !ctx) return;
    const { width: w, height: h } = cell.canvas;
    const view = fitView(source.width, source.height, w, h);
    const x0 = Math.max(0, Math.floor(view.x));
    const y0 = Math.max(0, Math.floor(view.y));
    const dw = Math.min(w, Math.ceil(view.x + source.width * view.scale)) - x0;
    const dh = Math.min(h, Math.ceil(view.y + source.height * view.scale)) - y0;
    if (dw <= 0 || dh <= 0) return;
    const image = new ImageData(dw, dh);
    samplePixels(source, view, x0, y0, dw, dh, new Uint32Array(image.data.buffer));
    ctx.clearRect(0, 0, w, h);
    ctx.putImageData(image, x0, y0);
    cell.canvas.dataset.drawn = 'true';
  }

  /**
   * Draws the laid-out cells one frame at a time (frames load in order, so memory stays bounded);
   * stops when `isCurrent` turns false. An undrawable frame leaves its cell empty, its number shown.
   */
  async drawFrames<F>(get: (index: number) => Promise<F>, sourceFor: (frame: F) => PixelSource, isCurrent: () => boolean): Promise<boolean> {
    for (const { index } of [...this.cells]) {
      const frame = await get(index).catch(() => undefined);
      if (frame === undefined || !isCurrent()) return false;
      try {
        this.draw(index, sourceFor(frame));
      } catch {
        // Left empty: the cell's number still says which frame it is.
      }
    }
    return true;
  }

  drawnCount(): number {
    return this.cells.filter((c) => c.canvas.dataset.drawn === 'true').length;
  }
}
