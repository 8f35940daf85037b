/**
 * The image area: the rendered frame on a canvas with zoom (fit, 1:1, wheel) and pan, and the
 * pointer gestures: left-drag windows (horizontal = width, vertical = center), shift-drag,
 * middle-drag or right-drag pans, the wheel zooms around the cursor, double-click fits.
 */
import type { RenderedImage } from '../../src/core/display/renderFrame';
import { fitView, imagePoint, zoomAt, type View } from './viewerMath';

export interface ImageCanvasEvents {
  onWindowDragStart(): void;
  onWindowDrag(dx: number, dy: number, viewSize: number): void;
  onHover(point: { x: number; y: number } | null): void;
}

export class ImageCanvas {
  readonly canvas: HTMLCanvasElement;
  private readonly offscreen: HTMLCanvasElement;
  private imageData: ImageData | undefined;
  private view: View = { scale: 1, x: 0, y: 0 };
  private fitted = true;
  private drag: { mode: 'window' | 'pan'; x: number; y: number; view: View } | undefined;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly stage: HTMLElement, private readonly events: ImageCanvasEvents) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'dv-image';
    this.offscreen = document.createElement('canvas');
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

  /** Shows a rendered frame; keeps zoom and pan unless the image size changed. */
  show(image: RenderedImage): void {
    if (!this.imageData || this.imageData.width !== image.width || this.imageData.height !== image.height) {
      this.imageData = new ImageData(image.width, image.height);
      this.offscreen.width = image.width;
      this.offscreen.height = image.height;
      this.fitted = true;
    }
    fillRgba(image, this.imageData);
    this.offscreen.getContext('2d')!.putImageData(this.imageData, 0, 0);
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
    if (!this.imageData) return;
    const r = this.stage.getBoundingClientRect();
    this.fitted = false;
    this.view = { scale: 1, x: (r.width - this.imageData.width) / 2, y: (r.height - this.imageData.height) / 2 };
    this.draw();
  }

  zoom(factor: number): void {
    const r = this.stage.getBoundingClientRect();
    this.fitted = false;
    this.view = zoomAt(this.view, factor, r.width / 2, r.height / 2);
    this.draw();
  }

  get scale(): number {
    return this.view.scale;
  }

  dispose(): void {
    this.resizeObserver.disconnect();
  }

  private fitView(): View {
    const r = this.stage.getBoundingClientRect();
    return this.imageData ? fitView(this.imageData.width, this.imageData.height, r.width, r.height) : this.view;
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
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.imageData) return;
    // Magnified pixels stay square so single values can be read; shrinking is smoothed.
    ctx.imageSmoothingEnabled = this.view.scale < 1;
    ctx.setTransform(this.view.scale, 0, 0, this.view.scale, this.view.x, this.view.y);
    ctx.drawImage(this.offscreen, 0, 0);
  }

  private local(e: PointerEvent | WheelEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private pointerDown(e: PointerEvent): void {
    const p = this.local(e);
    const pan = e.button === 1 || e.button === 2 || e.shiftKey;
    this.drag = { mode: pan ? 'pan' : 'window', x: p.x, y: p.y, view: this.view };
    this.canvas.setPointerCapture(e.pointerId);
    if (!pan) this.events.onWindowDragStart();
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
      } else {
        this.events.onWindowDrag(dx, dy, Math.max(this.canvas.width, this.canvas.height));
      }
    }
    if (this.imageData) this.events.onHover(imagePoint(this.view, p.x, p.y, this.imageData.width, this.imageData.height));
  }

  private pointerUp(e: PointerEvent): void {
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

/** Grey or RGB bytes into canvas RGBA, four bytes per pixel written as one 32-bit word. */
export function fillRgba(image: RenderedImage, target: ImageData): void {
  const out = new Uint32Array(target.data.buffer, target.data.byteOffset, target.width * target.height);
  const src = image.data;
  if (image.channels === 1) {
    for (let i = 0; i < out.length; i++) out[i] = 0xff000000 | (src[i] * 0x010101);
  } else {
    for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = 0xff000000 | (src[j + 2] << 16) | (src[j + 1] << 8) | src[j];
  }
}
