/**
 * Says which element each reader issue concerns: `path`, `tag` and `keyword` of the innermost
 * element holding the issue's offset, found by the same locateOffset the Bytes pane uses.
 */
import type { DicomElement, DicomFile, DicomItem, Issue } from '../model';
import { locateOffset, type Located } from './locateOffset';

/**
 * A truncation issue sits at the first byte that is missing, which no node holds; it concerns
 * the innermost sequence or item still open there, found by its inclusive end.
 */
function isOpen(node: DicomElement | DicomItem, closedBy: number | null | undefined): boolean {
  return node.length === null ? closedBy == null : node.end < node.valueOffset + node.length;
}

function openContainerAt(elements: readonly DicomElement[], offset: number, prefix = ''): { path: string; element: DicomElement } | null {
  for (const element of elements) {
    if (!element.items || offset <= element.offset || offset > element.end || !isOpen(element, element.sequenceDelimiterOffset)) continue;
    const path = prefix + element.tag;
    const items: readonly DicomItem[] = element.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (offset <= item.offset || offset > item.end || !isOpen(item, item.delimiterOffset)) continue;
      return openContainerAt(item.elements, offset, `${path}[${i}].`) ?? { path: `${path}[${i}]`, element };
    }
    return { path, element };
  }
  return null;
}

function where(file: DicomFile, offset: number): { path: string; element: DicomElement } | null {
  const found: Located | null = locateOffset(file, offset);
  if (found?.element) return { path: found.path, element: found.element };
  if (found) return null;
  return openContainerAt(offset < file.dataSetOffset ? file.meta : file.dataSet, offset);
}

/** Whether the issue still needs its element: it has an offset and says nothing of where it is. */
function unplaced(issue: Issue): boolean {
  return issue.offset !== null && issue.path === undefined && issue.tag === undefined;
}

/**
 * The file with `path`, `tag` and `keyword` filled in on every issue that has an offset inside an
 * element. An issue that already names its element (a CSA header problem names its (0029,xx10),
 * even when its offset is the first byte after that value) keeps it.
 */
export function withIssueLocations(file: DicomFile): DicomFile {
  if (!file.issues.some(unplaced)) return file;
  const issues = file.issues.map((issue): Issue => {
    if (!unplaced(issue) || issue.offset === null) return issue;
    const found = where(file, issue.offset);
    if (!found) return issue;
    return { ...issue, path: found.path, tag: found.element.tag, ...(found.element.keyword ? { keyword: found.element.keyword } : {}) };
  });
  return { ...file, issues };
}
