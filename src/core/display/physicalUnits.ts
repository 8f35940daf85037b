/**
 * Attributes that give pixels a physical meaning: spacing in mm (for positions, areas and
 * distances) and RT Dose scaling (stored value x Dose Grid Scaling = dose in Dose Units).
 */
import { findElement, itemsOf, numberAt, numbersOf, stringAt, type ElementList } from '../pixels/elementValues';
import type { PixelSpacing } from './measure';

const PIXEL_SPACING = '00280030';
const IMAGER_PIXEL_SPACING = '00181164';
const PIXEL_MEASURES_SEQUENCE = '00289110';
const DOSE_UNITS = '30040002';
const DOSE_GRID_SCALING = '3004000E';

function spacingOf(list: ElementList, tag: string, source: PixelSpacing['source']): PixelSpacing | null {
  const [row, column] = numbersOf(findElement(list, tag));
  return Number.isFinite(row) && Number.isFinite(column) && row > 0 && column > 0 ? { row, column, source } : null;
}

/**
 * Pixel Spacing of the frame: the Pixel Measures macro (per-frame, then shared) of enhanced
 * files, the top-level Pixel Spacing, else Imager Pixel Spacing (projection radiography).
 */
export function pixelSpacingOf(dataSet: ElementList, perFrame: ElementList, shared: ElementList): PixelSpacing | null {
  for (const groups of [perFrame, shared]) {
    const measures = itemsOf(groups, PIXEL_MEASURES_SEQUENCE)[0]?.elements;
    const s = measures && spacingOf(measures, PIXEL_SPACING, 'pixel');
    if (s) return s;
  }
  return spacingOf(dataSet, PIXEL_SPACING, 'pixel') ?? spacingOf(dataSet, IMAGER_PIXEL_SPACING, 'imager');
}

/** RT Dose's scaling to dose, with its unit ("Gy", or "relative"); null when the file has none. */
export function doseScaling(dataSet: ElementList): { slope: number; unit: string } | null {
  const slope = numberAt(dataSet, DOSE_GRID_SCALING);
  if (slope === undefined || !Number.isFinite(slope) || slope === 0) return null;
  const units = (stringAt(dataSet, DOSE_UNITS) ?? '').trim().toUpperCase();
  return { slope, unit: units === 'GY' ? 'Gy' : units === 'RELATIVE' ? 'relative' : '' };
}
