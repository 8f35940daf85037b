/**
 * How the rules word and place their issues: an issue about an element carries that element's
 * offset, end, path, tag and keyword; an issue about something missing points at the data set
 * or item it is missing from.
 */
import type { DicomElement, DicomItem, Issue, IssueCode, Severity } from '../model';
import { hex, tagText } from '../parse/errors';
import { lookupTag } from '../dictionary/dataDictionary';

export type Report = (issue: Issue) => void;

/** "PatientID (0010,0020)", or the tag alone when the dictionary has no keyword. */
export function tagLabel(tag: string, keyword?: string | null): string {
  const name = keyword ?? lookupTag(parseInt(tag, 16))?.keyword;
  const text = tagText(parseInt(tag, 16));
  return name ? `${name} ${text}` : text;
}

export function elementIssue(code: IssueCode, severity: Severity, element: DicomElement, path: string, detail: string): Issue {
  return {
    code, severity, offset: element.offset, end: element.end, path, tag: element.tag,
    ...(element.keyword ? { keyword: element.keyword } : {}),
    message: `${tagLabel(element.tag, element.keyword)} at ${hex(element.offset)}: ${detail}`,
  };
}

/**
 * An attribute missing from the top-level data set (`item` null, offset = `dataSetOffset`) or
 * from an item (offset of the item tag).
 */
export function missingIssue(
  code: IssueCode, severity: Severity, tag: string, path: string,
  where: { readonly item: DicomItem | null; readonly dataSetOffset: number }, detail: string,
): Issue {
  const keyword = lookupTag(parseInt(tag, 16))?.keyword;
  const offset = where.item ? where.item.offset : where.dataSetOffset;
  const place = where.item ? `the item at ${hex(offset)}` : `the data set at ${hex(offset)}`;
  return {
    code, severity, offset, ...(where.item ? { end: where.item.end } : {}), path, tag,
    ...(keyword ? { keyword } : {}),
    message: `${tagLabel(tag, keyword)} ${detail} in ${place}`,
  };
}
