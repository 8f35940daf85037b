/**
 * Walks a data set with the path of every element ("00081115[0].00081150": tags, items from
 * 0), the form `Issue.path` uses, so every rule names the node it speaks about the same way.
 */
import type { DicomElement, DicomItem } from '../model';

export function elementPath(parentPath: string, tag: string): string {
  return parentPath === '' ? tag : `${parentPath}.${tag}`;
}

export function itemPath(sequencePath: string, index: number): string {
  return `${sequencePath}[${index}]`;
}

/** Where an element sits: its path, and the item that holds it (null at the top level). */
export interface ElementPlace {
  readonly path: string;
  readonly item: DicomItem | null;
}

/** Calls `visit` for every element, depth first in file order, items included. */
export function walkElements(
  elements: readonly DicomElement[],
  visit: (element: DicomElement, place: ElementPlace) => void,
  parentPath = '',
  item: DicomItem | null = null,
): void {
  for (const element of elements) {
    const path = elementPath(parentPath, element.tag);
    visit(element, { path, item });
    element.items?.forEach((child, index) => walkElements(child.elements, visit, itemPath(path, index), child));
  }
}
