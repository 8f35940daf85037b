/**
 * The viewer's arithmetic, kept apart from the DOM so it can be tested with node:test.
 */

export interface WindowLevel {
  readonly center: number;
  readonly width: number;
}

/**
 * Dragging on the image changes the window as radiology viewers do: horizontal movement
 * changes the width, vertical movement the center (down = higher center, as in OHIF and
 * Weasis). Sensitivity scales with the frame's value range so a drag across the image covers it.
 */
export function windowAfterDrag(start: WindowLevel, dx: number, dy: number, valueRange: number, viewSize: number, wholeNumbers = false): WindowLevel {
  const perPixel = Math.max(valueRange, 1) / Math.max(viewSize, 1);
  const center = start.center + dy * perPixel;
  const width = Math.max(1, start.width + dx * perPixel);
  // Integer data gets whole-number windows (a radiologist types C 40 W 400, not 40.37 / 399.6);
  // other data is kept to a step of about 1/1000 of its range.
  if (wholeNumbers) return { center: Math.round(center), width: Math.max(1, Math.round(width)) };
  const step = 10 ** Math.floor(Math.log10(Math.max(valueRange, 1e-9) / 1000));
  const snap = (v: number) => Number((Math.round(v / step) * step).toPrecision(12));
  return { center: snap(center), width: Math.max(1, snap(width)) };
}

/** True when every modality value is a whole number (integer rescale, or a modality LUT). */
export function wholeNumberModality(modality: { readonly kind: string; readonly slope?: number; readonly intercept?: number }): boolean {
  return modality.kind === 'lut' || (Number.isInteger(modality.slope) && Number.isInteger(modality.intercept));
}

/** A window value for a field or a preset label: whole numbers as they are, others to 2 decimals at most. */
export function formatWindowValue(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** Window edges (lower, upper) in modality units, as drawn on the histogram. */
export function windowEdges(w: WindowLevel): { lower: number; upper: number } {
  return { lower: w.center - w.width / 2, upper: w.center + w.width / 2 };
}

/** The window given its two edges (dragging an edge on the histogram). */
export function windowFromEdges(lower: number, upper: number): WindowLevel {
  const lo = Math.min(lower, upper);
  const hi = Math.max(lower, upper);
  return { center: (lo + hi) / 2, width: Math.max(1, hi - lo) };
}

export interface View {
  /** Screen pixels per image pixel. */
  readonly scale: number;
  /** Screen position of the image's top-left corner. */
  readonly x: number;
  readonly y: number;
}

/** Scale and position that fit the image inside the viewport, centred. */
export function fitView(imageW: number, imageH: number, viewW: number, viewH: number): View {
  const scale = Math.min(viewW / imageW, viewH / imageH) || 1;
  return { scale, x: (viewW - imageW * scale) / 2, y: (viewH - imageH * scale) / 2 };
}

/** Zoom by `factor` keeping the screen point (px, py) over the same image point. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = Math.min(64, Math.max(1 / 64, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

/** Image pixel under a screen point, or null outside the image. */
export function imagePoint(view: View, px: number, py: number, imageW: number, imageH: number): { x: number; y: number } | null {
  const x = Math.floor((px - view.x) / view.scale);
  const y = Math.floor((py - view.y) / view.scale);
  return x >= 0 && y >= 0 && x < imageW && y < imageH ? { x, y } : null;
}

/** Frame index after a step, clamped (or wrapped for cine). */
export function stepFrame(current: number, step: number, count: number, wrap = false): number {
  if (count <= 0) return 0;
  const next = current + step;
  if (wrap) return ((next % count) + count) % count;
  return Math.min(count - 1, Math.max(0, next));
}

/** Indices to prefetch around the current frame, nearest first, in the direction of travel first. */
export function prefetchOrder(current: number, count: number, radius: number, direction: 1 | -1 = 1): number[] {
  const out: number[] = [];
  for (let d = 1; d <= radius; d++) {
    for (const s of [direction, -direction]) {
      const i = current + s * d;
      if (i >= 0 && i < count) out.push(i);
    }
  }
  return out;
}

/** Formats a modality value for the readout: integers as they are, others with 2 decimals. */
export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
