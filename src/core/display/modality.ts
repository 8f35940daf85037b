import { lookup, type LookupTable } from '../pixels/lutData';

/** Stored value -> modality value (PS3.3 C.11.1): Rescale Slope/Intercept or a Modality LUT. */
export type ModalityTransform =
  | { readonly kind: 'rescale'; readonly slope: number; readonly intercept: number; readonly unit: string }
  | { readonly kind: 'lut'; readonly lut: LookupTable; readonly unit: string };

export const IDENTITY_MODALITY: ModalityTransform = { kind: 'rescale', slope: 1, intercept: 0, unit: '' };

export function modalityValue(t: ModalityTransform, stored: number): number {
  return t.kind === 'rescale' ? stored * t.slope + t.intercept : lookup(t.lut, stored);
}

/** A key that changes when the transform does (tables built from it are cached on it). */
export function modalityKey(t: ModalityTransform): string {
  return t.kind === 'rescale' ? `r${t.slope}/${t.intercept}` : `l${t.lut.firstMapped}/${t.lut.entries.length}/${t.lut.bits}`;
}

/**
 * Unit of modality values for the readout: Rescale Type when given ("HU", "US" = unspecified),
 * Hounsfield units for CT with a rescale, otherwise none.
 */
export function modalityUnit(rescaleType: string | undefined, modality: string | undefined, hasRescale: boolean): string {
  if (rescaleType && rescaleType !== 'US') return rescaleType;
  if (modality === 'CT' && hasRescale) return 'HU';
  return '';
}
