/**
 * How one element becomes the text of one CSV cell. Kept here rather than in the display
 * formatter because a table cell must be a single, lossless, unadorned value: multiple values
 * joined by `\` (the DICOM separator, so the cell reads like the attribute), no units, no
 * truncation, and bulk data summarised by size rather than by a hex preview.
 */
import type { DicomElement, ElementValue, ParseIssue } from '../model';

function scalarText(value: string | number | bigint): string {
  if (typeof value === 'string') return value;
  return String(value);
}

export function valueText(value: ElementValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    let text = '';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += '\\';
      text += scalarText(value[i]);
    }
    return text;
  }
  return scalarText(value as string | number | bigint);
}

/** The cell for one element: its values, `(n items)` for a sequence, `(n bytes)` for bulk data. */
export function elementCell(element: DicomElement): string {
  if (element.items !== undefined) return `(${element.items.length} item${element.items.length === 1 ? '' : 's'})`;
  if (element.fragments !== undefined) {
    const bytes = element.fragments.reduce((sum, f) => sum + f.length, 0);
    return `(${element.fragments.length} fragment${element.fragments.length === 1 ? '' : 's'}, ${bytes} bytes)`;
  }
  if (element.bulk !== undefined) return `(${element.bulk.size} bytes)`;
  if (element.value === null && element.vr === 'SQ') return '(0 items)';
  return valueText(element.value);
}

/** Several elements named by one `[*]` selector: their cells joined by `\`. */
export function elementsCell(elements: readonly DicomElement[]): string {
  if (elements.length === 1) return elementCell(elements[0]);
  return elements.map(elementCell).join('\\');
}

/** True when the message already names `offset` as a hex position such as `0x01B8`. */
function mentionsOffset(message: string, offset: number): boolean {
  for (const match of message.matchAll(/0x([0-9a-f]+)/gi)) if (parseInt(match[1], 16) === offset) return true;
  return false;
}

/** The error column: what went wrong and where, for every error-level parse issue. */
export function issuesCell(issues: readonly ParseIssue[]): string {
  return issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) =>
      issue.offset === null || mentionsOffset(issue.message, issue.offset)
        ? issue.message
        : `${issue.message} (at 0x${issue.offset.toString(16).toUpperCase().padStart(4, '0')})`,
    )
    .join('; ');
}
