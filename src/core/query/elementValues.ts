/**
 * Reading values out of one level of the model (a data set or an item) by tag, for code that
 * walks known structures (structured reports, DICOMDIR records). Selectors (selector.ts) are for
 * user-typed paths; these are for code that already knows the tag.
 */
import type { DicomElement } from '../model';

export function findElement(elements: readonly DicomElement[], tag: string): DicomElement | undefined {
  return elements.find((element) => element.tag === tag);
}

/** The values of an element as a list (empty when absent or empty). */
export function valuesOf(elements: readonly DicomElement[], tag: string): (string | number | bigint)[] {
  const value = findElement(elements, tag)?.value;
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value as string | number | bigint];
}

/** The first value as text, or null when the element is absent or empty. */
export function textOf(elements: readonly DicomElement[], tag: string): string | null {
  const first = valuesOf(elements, tag)[0];
  return first === undefined ? null : String(first);
}

/** All values joined by the DICOM separator, or null when absent or empty. */
export function joinedTextOf(elements: readonly DicomElement[], tag: string): string | null {
  const values = valuesOf(elements, tag);
  return values.length === 0 ? null : values.map(String).join('\\');
}

/** The first value as a number, or null when absent, empty or not a number. */
export function numberOf(elements: readonly DicomElement[], tag: string): number | null {
  const first = valuesOf(elements, tag)[0];
  if (first === undefined) return null;
  const number = typeof first === 'string' ? Number(first.trim()) : Number(first);
  return Number.isFinite(number) ? number : null;
}

/** The elements of each item of a sequence (empty when absent). */
export function itemsOf(elements: readonly DicomElement[], tag: string): DicomElement[][] {
  return (findElement(elements, tag)?.items ?? []).map((item) => item.elements);
}
