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

/** Where an element sits: the path of its level ("" at the top) and the item that holds it
 * (null at the top level). The element's own path is `elementPath(parentPath, element.tag)`,
 * built by a rule only when it reports: most elements have no issue. */
export interface ElementPlace {
  readonly parentPath: string;
  readonly item: DicomItem | null;
}

/** Calls `visit` for every element, depth first in file order, items included. */
export function walkElements(
  elements: readonly DicomElement[],
  visit: (element: DicomElement, place: ElementPlace) => void,
  place: ElementPlace = { parentPath: '', item: null },
): void {
  for (const element of elements) {
    visit(element, place);
    if (!element.items) continue;
    const path = elementPath(place.parentPath, element.tag);
    element.items.forEach((child, index) => walkElements(child.elements, visit, { parentPath: itemPath(path, index), item: child }));
  }
}
