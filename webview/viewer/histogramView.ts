/**
 * Histogram of the frame's modality values (e.g. HU) with the window and the value range drawn
 * over it, counts on a linear or log scale. The window's edges can be dragged (changing width
 * and center); dragging inside the window moves it.
 */
import type { Histogram } from '../../src/core/display/histogram';
import { windowEdges, windowFromEdges, type WindowLevel } from './viewerMath';

const WIDTH = 300;
const HEIGHT = 96;
const GRAB = 5;

export class HistogramView {
  readonly canvas: HTMLCanvasElement;
  private histogram: Histogram | undefined;
  private window: WindowLevel | undefined;
  private range: { min: number; max: number } | null = null;
  /** Counts on a log scale: the air and background peaks would otherwise flatten everything else. */
  log = true;
  private drag: { edge: 'lower' | 'upper' | 'move'; startX: number; start: WindowLevel } | undefined;

  constructor(private readonly onChange: (w: WindowLevel) => void) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'dv-histogram';
    this.canvas.width = WIDTH;
    this.canvas.height = HEIGHT;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Histogram of modality values with the window');
    this.canvas.addEventListener('pointerdown', (e) => this.down(e));
    this.canvas.addEventListener('pointermove', (e) => this.move(e));
    this.canvas.addEventListener('pointerup', (e) => this.up(e));
    this.canvas.addEventListener('pointercancel', (e) => this.up(e));
  }

  update(histogram: Histogram | undefined, window: WindowLevel | undefined, range: { min: number; max: number } | null = this.range): void {
    this.histogram = histogram;
    this.window = window;
    this.range = range;
    this.canvas.dataset.bins = String(histogram?.counts.length ?? 0);
    this.draw();
  }

  setLog(log: boolean): void {
    this.log = log;
    this.draw();
  }

  private xOf(value: number): number {
    const h = this.histogram!;
    const span = h.max - h.min || 1;
    return ((value - h.min) / span) * WIDTH;
  }

  private valueOf(x: number): number {
    const h = this.histogram!;
    return h.min + (x / WIDTH) * (h.max - h.min || 1);
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const style = getComputedStyle(this.canvas);
    const fg = style.getPropertyValue('--vscode-foreground').trim() || '#ccc';
    const accent = style.getPropertyValue('--vscode-focusBorder').trim() || '#0af';
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const h = this.histogram;
    if (!h) return;
    const scale = this.log ? Math.log1p : (c: number) => c;
    let peak = 0;
    for (const c of h.counts) peak = Math.max(peak, scale(c));
    if (this.range) {
      // The value range: shaded so the kept part of the histogram stands out.
      ctx.fillStyle = '#2e9e4f';
      ctx.globalAlpha = 0.25;
      const r0 = Math.max(0, this.xOf(this.range.min));
      const r1 = Math.min(WIDTH, this.xOf(this.range.max));
      if (r1 > r0) ctx.fillRect(r0, 0, r1 - r0, HEIGHT);
    }
    ctx.fillStyle = fg;
    ctx.globalAlpha = 0.7;
    const barW = WIDTH / h.counts.length;
    h.counts.forEach((c, i) => {
      const bh = peak ? (scale(c) / peak) * (HEIGHT - 4) : 0;
      ctx.fillRect(i * barW, HEIGHT - bh, Math.max(1, barW), bh);
    });
    ctx.globalAlpha = 1;
    if (!this.window) return;
    const { lower, upper } = windowEdges(this.window);
    const x0 = this.xOf(lower);
    const x1 = this.xOf(upper);
    ctx.fillStyle = accent;
    ctx.globalAlpha = 0.18;
    ctx.fillRect(x0, 0, x1 - x0, HEIGHT);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = accent;
    ctx.lineWidth = 2;
    for (const x of [x0, x1]) {
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, HEIGHT);
      ctx.stroke();
    }
  }

  private localX(e: PointerEvent): number {
    const r = this.canvas.getBoundingClientRect();
    return ((e.clientX - r.left) / r.width) * WIDTH;
  }

  private down(e: PointerEvent): void {
    if (!this.histogram || !this.window) return;
    const x = this.localX(e);
    const { lower, upper } = windowEdges(this.window);
    const edge = Math.abs(x - this.xOf(lower)) <= GRAB ? 'lower' : Math.abs(x - this.xOf(upper)) <= GRAB ? 'upper' : 'move';
    this.drag = { edge, startX: x, start: this.window };
    this.canvas.setPointerCapture(e.pointerId);
  }

  private move(e: PointerEvent): void {
    if (!this.drag || !this.histogram) return;
    const x = this.localX(e);
    const { lower, upper } = windowEdges(this.drag.start);
    let next: WindowLevel;
    if (this.drag.edge === 'lower') next = windowFromEdges(this.valueOf(x), upper);
    else if (this.drag.edge === 'upper') next = windowFromEdges(lower, this.valueOf(x));
    else next = { center: this.drag.start.center + this.valueOf(x) - this.valueOf(this.drag.startX), width: this.drag.start.width };
    this.onChange(next);
  }

  private up(e: PointerEvent): void {
    this.drag = undefined;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
  }
}
