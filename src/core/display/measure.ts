/**
 * Measurements on a greyscale frame, in image pixel coordinates (continuous: pixel (i, j)
 * covers [i, i + 1) x [j, j + 1)). A pixel belongs to a region when its centre is inside it.
 * Statistics are over modality values; SD is the population SD (numpy's default, ddof = 0).
 */
import type { SampleArray } from '../pixels/storedFrame';
import { modalityValue, type ModalityTransform } from './modality';

/** Pixel Spacing (0028,0030): row spacing (between rows, along y) then column spacing (along x), in mm. */
export interface PixelSpacing {
  readonly row: number;
  readonly column: number;
  /** 'imager' when taken from Imager Pixel Spacing (at the detector, not corrected for magnification). */
  readonly source: 'pixel' | 'imager';
}

export interface RegionShape {
  readonly kind: 'rectangle' | 'ellipse';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface RegionStats {
  readonly pixels: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  /** Pixel count times the pixel area, or null without a spacing. */
  readonly areaMm2: number | null;
}

function contains(shape: RegionShape, px: number, py: number): boolean {
  const left = Math.min(shape.x0, shape.x1);
  const right = Math.max(shape.x0, shape.x1);
  const top = Math.min(shape.y0, shape.y1);
  const bottom = Math.max(shape.y0, shape.y1);
  if (shape.kind === 'rectangle') return px >= left && px < right && py >= top && py < bottom;
  const rx = (right - left) / 2;
  const ry = (bottom - top) / 2;
  if (rx <= 0 || ry <= 0) return false;
  const dx = (px - (left + rx)) / rx;
  const dy = (py - (top + ry)) / ry;
  return dx * dx + dy * dy <= 1;
}

/** Mean, SD, min, max and area of the modality values inside the shape; null when it holds no pixel. */
export function regionStats(samples: SampleArray, width: number, height: number, modality: ModalityTransform, shape: RegionShape, spacing: PixelSpacing | null): RegionStats | null {
  const i0 = Math.max(0, Math.floor(Math.min(shape.x0, shape.x1)));
  const i1 = Math.min(width - 1, Math.ceil(Math.max(shape.x0, shape.x1)));
  const j0 = Math.max(0, Math.floor(Math.min(shape.y0, shape.y1)));
  const j1 = Math.min(height - 1, Math.ceil(Math.max(shape.y0, shape.y1)));
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      if (!contains(shape, i + 0.5, j + 0.5)) continue;
      const v = modalityValue(modality, samples[j * width + i]);
      n++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  // Second pass for the SD: no cancellation error on large HU offsets.
  let sq = 0;
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      if (contains(shape, i + 0.5, j + 0.5)) sq += (modalityValue(modality, samples[j * width + i]) - mean) ** 2;
    }
  }
  return { pixels: n, mean, sd: Math.sqrt(sq / n), min, max, areaMm2: spacing ? n * spacing.row * spacing.column : null };
}

/** Length of a line between two image points, in mm with a spacing, else in pixels. */
export function lineLength(x0: number, y0: number, x1: number, y1: number, spacing: PixelSpacing | null): { value: number; unit: 'mm' | 'px' } {
  if (!spacing) return { value: Math.hypot(x1 - x0, y1 - y0), unit: 'px' };
  return { value: Math.hypot((x1 - x0) * spacing.column, (y1 - y0) * spacing.row), unit: 'mm' };
}
