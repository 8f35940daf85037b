/**
 * The image area: the frame on a canvas with zoom (fit, 1:1, wheel) and pan, and the pointer
 * gestures: left-drag windows (horizontal = width, vertical = center) or, with a measuring
 * tool chosen, draws a rectangle, ellipse or line; shift-drag, middle-drag or right-drag pans,
 * the wheel zooms around the cursor, double-click fits. Measurements are drawn over the pixels.
 *
 * Only the pixels on screen are computed. Shrunk (a 4096 x 4096 frame in 800 x 800 screen
 * pixels), each screen pixel looks up its nearest image pixel through the grey table: 640 000
 * lookups instead of 16 million plus a 64 MB upload. Enlarged (a 512 x 512 frame filling the
 * window), each visible image pixel is looked up once and the canvas scales them up (nearest
 * neighbour), which is fewer lookups than screen pixels.
 */
import type { SampleArray } from '../../src/core/pixels/storedFrame';
import { fitView, imagePoint, zoomAt, type View } from './viewerMath';

/**
 * What to draw: stored values through an RGBA table, or ready RGBA words (colour frames).
 * `completeRows`, when set, is where a frame cut short ends: the rows below are marked.
 */
export type PixelSource = (
  | { readonly kind: 'grey'; readonly width: number; readonly height: number; readonly samples: SampleArray; readonly table: Uint32Array; readonly first: number }
  | { readonly kind: 'rgba'; readonly width: number; readonly height: number; readonly words: Uint32Array }
) & { readonly completeRows?: number };

/** Diagonal stripes over rows that are not in the file, so they never pass for black pixels. */
function markMissingRows(ctx: CanvasRenderingContext2D, left: number, top: number, width: number, height: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.fillStyle = 'rgba(255, 64, 64, 0.18)';
  ctx.fillRect(left, top, width, height);
  ctx.strokeStyle = 'rgba(255, 96, 96, 0.7)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let x = left - height; x < left + width; x += 12) {
    ctx.moveTo(x, top + height);
    ctx.lineTo(x + height, top);
  }
  ctx.stroke();
  ctx.restore();
}

export type CanvasTool = 'window' | 'rectangle' | 'ellipse' | 'line';

/** A measurement in image coordinates (continuous: pixel (i, j) covers [i, i + 1) x [j, j + 1)). */
export interface DrawnShape {
  readonly kind: 'rectangle' | 'ellipse' | 'line';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly label: string;
}

export interface ImageCanvasEvents {
  onWindowDragStart(): void;
  onWindowDrag(dx: number, dy: number, viewSize: number): void;
  onHover(point: { x: number; y: number } | null): void;
  /** A measuring drag moved (done = false) or ended (done = true). */
  onShape(shape: Omit<DrawnShape, 'label'>, done: boolean): void;
}

export class ImageCanvas {
  readonly canvas: HTMLCanvasElement;
  private source: PixelSource | undefined;
  private buffer: ImageData | undefined;
  /** Image-resolution pixels of an enlarged view, scaled onto the canvas by drawImage. */
  private readonly enlarged = document.createElement('canvas');
  private view: View = { scale: 1, x: 0, y: 0 };
  private fitted = true;
  private drag: { mode: 'window' | 'pan' | 'measure'; x: number; y: number; view: View } | undefined;
  private shapes: readonly DrawnShape[] = [];
  /** Overlay planes at image size, drawn over the pixels (null: none, or switched off). */
  private overlay: CanvasImageSource | null = null;
  tool: CanvasTool = 'window';
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly stage: HTMLElement, private readonly events: ImageCanvasEvents) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'dv-image';
    stage.append(this.canvas);
    this.resizeObserver = new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(stage);
    this.canvas.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.canvas.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.canvas.addEventListener('pointerup', (e) => this.pointerUp(e));
    this.canvas.addEventListener('pointercancel', (e) => this.pointerUp(e));
    this.canvas.addEventListener('pointerleave', () => this.events.onHover(null));
    this.canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    this.canvas.addEventListener('dblclick', () => this.fit());
    this.canvas.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
  }

  /** Shows new pixels (and the overlay layer over them, if any); keeps zoom and pan unless the image size changed. */
  show(source: PixelSource, overlay: CanvasImageSource | null = null): void {
    if (!this.source || this.source.width !== source.width || this.source.height !== source.height) this.fitted = true;
    this.source = source;
    this.overlay = overlay;
    if (this.fitted) this.view = this.fitView();
    this.draw();
  }

  fit(): void {
    this.fitted = true;
    this.view = this.fitView();
    this.draw();
  }

  /** One screen pixel per image pixel, centred. */
  actualSize(): void {
    if (!this.source) return;
    this.fitted = false;
    this.view = { scale: 1, x: Math.round((this.canvas.width - this.source.width) / 2), y: Math.round((this.canvas.height - this.source.height) / 2) };
    this.draw();
  }

  zoom(factor: number): void {
    this.fitted = false;
    this.view = zoomAt(this.view, factor, this.canvas.width / 2, this.canvas.height / 2);
    this.draw();
  }

  /** Measurements to draw over the image (replaces the previous ones). */
  setShapes(shapes: readonly DrawnShape[]): void {
    this.shapes = shapes;
    this.draw();
  }

  dispose(): void {
    this.resizeObserver.disconnect();
  }

  /** Image coordinates (continuous) of a point on the canvas. */
  private imageCoords(p: { x: number; y: number }): { x: number; y: number } {
    return { x: (p.x - this.view.x) / this.view.scale, y: (p.y - this.view.y) / this.view.scale };
  }

  private fitView(): View {
    return this.source ? fitView(this.source.width, this.source.height, this.canvas.width, this.canvas.height) : this.view;
  }

  private layout(): void {
    const r = this.stage.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(r.width));
    this.canvas.height = Math.max(1, Math.round(r.height));
    if (this.fitted) this.view = this.fitView();
    this.draw();
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    const src = this.source;
    if (!ctx) return;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!src) return;
    const { scale, x: vx, y: vy } = this.view;
    // Visible part of the image, in screen pixels.
    const x0 = Math.max(0, Math.floor(vx));
    const y0 = Math.max(0, Math.floor(vy));
    const x1 = Math.min(this.canvas.width, Math.ceil(vx + src.width * scale));
    const y1 = Math.min(this.canvas.height, Math.ceil(vy + src.height * scale));
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    if (scale >= 1) this.drawEnlarged(ctx, src, x0, y0, x1, y1);
    else {
      const buffer = this.bufferOf(w, h);
      samplePixels(src, this.view, x0, y0, w, h, new Uint32Array(buffer.data.buffer, 0, w * h));
      ctx.putImageData(buffer, x0, y0);
    }
    if (this.overlay) {
      ctx.save();
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.overlay, vx, vy, src.width * scale, src.height * scale);
      ctx.restore();
    }
    if (src.completeRows !== undefined && src.completeRows < src.height) {
      const top = Math.max(y0, vy + src.completeRows * scale);
      if (top < y1) markMissingRows(ctx, x0, top, w, y1 - top);
    }
    this.drawShapes(ctx);
  }

  private bufferOf(w: number, h: number): ImageData {
    if (!this.buffer || this.buffer.width !== w || this.buffer.height !== h) this.buffer = new ImageData(w, h);
    return this.buffer;
  }

  /** The image pixels under screen pixels x0..x1, y0..y1, once each, scaled up by the canvas. */
  private drawEnlarged(ctx: CanvasRenderingContext2D, src: PixelSource, x0: number, y0: number, x1: number, y1: number): void {
    const { scale, x: vx, y: vy } = this.view;
    const ix0 = Math.max(0, Math.floor((x0 - vx) / scale));
    const iy0 = Math.max(0, Math.floor((y0 - vy) / scale));
    const iw = Math.min(src.width, Math.ceil((x1 - vx) / scale)) - ix0;
    const ih = Math.min(src.height, Math.ceil((y1 - vy) / scale)) - iy0;
    if (iw <= 0 || ih <= 0) return;
    const buffer = this.bufferOf(iw, ih);
    copyPixels(src, ix0, iy0, iw, ih, new Uint32Array(buffer.data.buffer, 0, iw * ih));
    if (this.enlarged.width < iw || this.enlarged.height < ih) {
      this.enlarged.width = Math.max(this.enlarged.width, iw);
      this.enlarged.height = Math.max(this.enlarged.height, ih);
    }
    this.enlarged.getContext('2d')!.putImageData(buffer, 0, 0);
    ctx.save();
    ctx.imageSmoothingEnabled = false;
    ctx.beginPath();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    ctx.drawImage(this.enlarged, 0, 0, iw, ih, vx + ix0 * scale, vy + iy0 * scale, iw * scale, ih * scale);
    ctx.restore();
  }

  private drawShapes(ctx: CanvasRenderingContext2D): void {
    if (this.shapes.length === 0) return;
    const { scale, x: vx, y: vy } = this.view;
    const sx = (x: number) => vx + x * scale;
    const sy = (y: number) => vy + y * scale;
    ctx.save();
    ctx.lineWidth = 2;
    ctx.font = '12px sans-serif';
    for (const s of this.shapes) {
      ctx.strokeStyle = '#ffd400';
      ctx.beginPath();
      if (s.kind === 'line') {
        ctx.moveTo(sx(s.x0), sy(s.y0));
        ctx.lineTo(sx(s.x1), sy(s.y1));
      } else if (s.kind === 'rectangle') {
        ctx.rect(sx(Math.min(s.x0, s.x1)), sy(Math.min(s.y0, s.y1)), Math.abs(s.x1 - s.x0) * scale, Math.abs(s.y1 - s.y0) * scale);
      } else {
        ctx.ellipse(sx((s.x0 + s.x1) / 2), sy((s.y0 + s.y1) / 2), (Math.abs(s.x1 - s.x0) * scale) / 2, (Math.abs(s.y1 - s.y0) * scale) / 2, 0, 0, Math.PI * 2);
      }
      ctx.stroke();
      if (s.label) {
        // Text with a dark outline reads on any pixel colour.
        const tx = sx(Math.max(s.x0, s.x1)) + 4;
        const ty = sy(Math.max(s.y0, s.y1)) + 14;
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#000';
        ctx.strokeText(s.label, tx, ty);
        ctx.fillStyle = '#ffd400';
        ctx.fillText(s.label, tx, ty);
        ctx.lineWidth = 2;
      }
    }
    ctx.restore();
  }

  private local(e: PointerEvent | WheelEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private pointerDown(e: PointerEvent): void {
    const p = this.local(e);
    const pan = e.button === 1 || e.button === 2 || e.shiftKey;
    const mode = pan ? 'pan' : this.tool === 'window' ? 'window' : 'measure';
    this.drag = { mode, x: p.x, y: p.y, view: this.view };
    this.canvas.setPointerCapture(e.pointerId);
    if (mode === 'window') this.events.onWindowDragStart();
    e.preventDefault();
  }

  private pointerMove(e: PointerEvent): void {
    const p = this.local(e);
    if (this.drag) {
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (this.drag.mode === 'pan') {
        this.fitted = false;
        this.view = { ...this.drag.view, x: this.drag.view.x + dx, y: this.drag.view.y + dy };
        this.draw();
      } else if (this.drag.mode === 'measure') {
        this.events.onShape(this.measured(p), false);
      } else {
        this.events.onWindowDrag(dx, dy, Math.max(this.canvas.width, this.canvas.height));
      }
    }
    if (this.source) this.events.onHover(imagePoint(this.view, p.x, p.y, this.source.width, this.source.height));
  }

  private measured(p: { x: number; y: number }): Omit<DrawnShape, 'label'> {
    const a = this.imageCoords(this.drag!);
    const b = this.imageCoords(p);
    return { kind: this.tool === 'window' ? 'line' : this.tool, x0: a.x, y0: a.y, x1: b.x, y1: b.y };
  }

  private pointerUp(e: PointerEvent): void {
    if (this.drag?.mode === 'measure') this.events.onShape(this.measured(this.local(e)), true);
    this.drag = undefined;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const p = this.local(e);
    this.fitted = false;
    this.view = zoomAt(this.view, Math.exp(-e.deltaY * 0.0015), p.x, p.y);
    this.draw();
  }
}

/**
 * Fills `out` (w x h words) with the screen pixels from (x0, y0) of the view: each takes its
 * nearest image pixel, through the table for grey sources. Shared by the image and the grid.
 */
export function samplePixels(src: PixelSource, view: View, x0: number, y0: number, w: number, h: number, out: Uint32Array): void {
  const { scale, x: vx, y: vy } = view;
  const columns = new Int32Array(w);
  for (let i = 0; i < w; i++) columns[i] = Math.min(src.width - 1, Math.max(0, Math.floor((x0 + i + 0.5 - vx) / scale)));
  let o = 0;
  for (let j = 0; j < h; j++) {
    const row = Math.min(src.height - 1, Math.max(0, Math.floor((y0 + j + 0.5 - vy) / scale))) * src.width;
    if (src.kind === 'grey') {
      const { samples, table, first } = src;
      const last = table.length - 1;
      for (let i = 0; i < w; i++) {
        const k = samples[row + columns[i]] - first;
        out[o++] = table[k < 0 ? 0 : k > last ? last : k];
      }
    } else {
      const words = src.words;
      for (let i = 0; i < w; i++) out[o++] = words[row + columns[i]];
    }
  }
}

/** Fills `out` (w x h words) with the image pixels from (x0, y0), through the table for grey sources. */
export function copyPixels(src: PixelSource, x0: number, y0: number, w: number, h: number, out: Uint32Array): void {
  let o = 0;
  if (src.kind === 'grey') {
    const { samples, table, first } = src;
    const last = table.length - 1;
    for (let j = 0; j < h; j++) {
      const start = (y0 + j) * src.width + x0;
      for (let i = start, end = start + w; i < end; i++) {
        const k = samples[i] - first;
        out[o++] = table[k < 0 ? 0 : k > last ? last : k];
      }
    }
  } else {
    for (let j = 0; j < h; j++) {
      const start = (y0 + j) * src.width + x0;
      out.set(src.words.subarray(start, start + w), o);
      o += w;
    }
  }
}

/** Grey or RGB bytes as RGBA words (for colour frames and very wide stored ranges). */
export function toRgbaWords(data: Uint8Array, channels: 1 | 3, count: number): Uint32Array {
  const out = new Uint32Array(count);
  if (channels === 1) {
    for (let i = 0; i < count; i++) out[i] = (0xff000000 | (data[i] * 0x010101)) >>> 0;
  } else {
    for (let i = 0, j = 0; i < count; i++, j += 3) out[i] = (0xff000000 | (data[j + 2] << 16) | (data[j + 1] << 8) | data[j]) >>> 0;
  }
  return out;
}
