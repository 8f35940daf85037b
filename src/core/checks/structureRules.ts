/**
 * Rule family "structure" (PS3.5 7): what the values of one level say about the level itself.
 * Duplicate and out-of-order tags, odd lengths and item or sequence lengths that disagree with
 * their content are found by the reader while it reads (codes `duplicate-tag`,
 * `tag-out-of-order`, `odd-length`, `element-overruns-container`, `item-past-end`).
 *
 * Codes: `group-length-mismatch` (a (gggg,0000) value that is not the byte count of the rest of
 * its group), `private-creator-missing` (a private element whose block no creator reserved).
 */
import type { DicomElement, DicomFile } from '../model';
import { hex } from '../parse/errors';
import { elementIssue, type Report } from './report';
import { elementPath, itemPath } from './walk';

function checkGroupLengths(elements: readonly DicomElement[], parentPath: string, report: Report): void {
  elements.forEach((element, index) => {
    if (element.element !== 0 || typeof element.value !== 'number') return;
    let last: DicomElement | undefined;
    for (let next = index + 1; next < elements.length && elements[next].group === element.group; next++) last = elements[next];
    const actual = last ? last.end - element.end : 0;
    if (actual !== element.value) {
      report(elementIssue('group-length-mismatch', 'error', element, elementPath(parentPath, element.tag),
        `group length says ${element.value} bytes, the group's other elements take ${actual} (up to ${hex(element.end + actual)})`));
    }
  });
}

function checkPrivateCreators(element: DicomElement, path: string, report: Report): void {
  if (element.group % 2 === 0 || element.element < 0x1000 || element.privateCreator !== undefined) return;
  const block = (element.element >>> 8).toString(16).toUpperCase().padStart(2, '0');
  report(elementIssue('private-creator-missing', 'warning', element, path,
    `private element with no Private Creator (${element.tag.slice(0, 4)},00${block}) reserving its block`));
}

function checkLevel(elements: readonly DicomElement[], parentPath: string, report: Report): void {
  checkGroupLengths(elements, parentPath, report);
  for (const element of elements) {
    const path = elementPath(parentPath, element.tag);
    checkPrivateCreators(element, path, report);
    element.items?.forEach((item, index) => checkLevel(item.elements, itemPath(path, index), report));
  }
}

export function checkStructure(file: DicomFile, report: Report): void {
  checkLevel(file.meta, '', report);
  checkLevel(file.dataSet, '', report);
}
