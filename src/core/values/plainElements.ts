/**
 * Plain copies of the reader's elements, nested items and fragments included. The reader's
 * nodes keep most fields behind getters (see ParsedElement, parsedNodes), which a structured
 * clone (postMessage to a worker) or a spread does not see; these copies have every field as
 * their own.
 */
import type { DicomElement, DicomFile, DicomItem, Fragment } from '../model';
import { ParsedElement } from './parsedElement';

export function plainElement(element: DicomElement): DicomElement {
  const plain: { -readonly [K in keyof DicomElement]: DicomElement[K] } = element instanceof ParsedElement ? element.toJSON() : { ...element };
  if (plain.items) plain.items = plain.items.map(plainItem);
  if (plain.fragments) plain.fragments = plain.fragments.map(plainFragment);
  if (plain.basicOffsetTable) plain.basicOffsetTable = { ...plain.basicOffsetTable, item: plainFragment(plain.basicOffsetTable.item) };
  return plain;
}

function plainItem(item: DicomItem): DicomItem {
  const { offset, valueOffset, length, delimiterOffset, end } = item;
  return { offset, valueOffset, length, elements: plainElements(item.elements), delimiterOffset, end };
}

export function plainFragment(fragment: Fragment): Fragment {
  const { offset, valueOffset, length, end } = fragment;
  return { offset, valueOffset, length, end };
}

export function plainElements(elements: readonly DicomElement[]): DicomElement[] {
  return elements.map(plainElement);
}

export function plainFile(file: DicomFile): DicomFile {
  return { ...file, meta: plainElements(file.meta), dataSet: plainElements(file.dataSet) };
}
