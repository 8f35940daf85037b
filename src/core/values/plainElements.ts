/**
 * Plain copies of the reader's elements, nested items included. The reader's elements keep
 * most fields behind getters (see ParsedElement), which a structured clone (postMessage to a
 * worker) or a spread does not see; these copies have every field as their own.
 */
import type { DicomElement, DicomFile } from '../model';
import { ParsedElement } from './parsedElement';

export function plainElement(element: DicomElement): DicomElement {
  const plain: { -readonly [K in keyof DicomElement]: DicomElement[K] } = element instanceof ParsedElement ? element.toJSON() : { ...element };
  if (plain.items) plain.items = plain.items.map((item) => ({ ...item, elements: plainElements(item.elements) }));
  return plain;
}

export function plainElements(elements: readonly DicomElement[]): DicomElement[] {
  return elements.map(plainElement);
}

export function plainFile(file: DicomFile): DicomFile {
  return { ...file, meta: plainElements(file.meta), dataSet: plainElements(file.dataSet) };
}
