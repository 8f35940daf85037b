/**
 * How one element becomes the text of one CSV cell. Kept here rather than in the display
 * formatter because a table cell must be a single, lossless, unadorned value: multiple values
 * joined by `\` (the DICOM separator, so the cell reads like the attribute), no units, no
 * truncation, and bulk data summarised by size rather than by a hex preview.
 */
import type { DicomElement, ElementValue, Issue } from '../model';
import { offsetText } from '../format/presentation';

function scalarText(value: string | number | bigint): string {
  if (typeof value === 'string') return value;
  return String(value);
}

/**
 * The values joined by `\`. `atLeast` (0: everything) lets a preview stop once it has that
 * many characters: an element can hold millions of values.
 */
export function valueText(value: ElementValue, atLeast = 0): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    // join() makes one flat string; `+=` over millions of values builds a rope of millions of parts.
    if (atLeast <= 0) return value.length === 1 ? scalarText(value[0]) : value.join('\\');
    let text = '';
    for (let i = 0; i < value.length && text.length < atLeast; i++) text += (i > 0 ? '\\' : '') + scalarText(value[i]);
    return text;
  }
  return scalarText(value as string | number | bigint);
}

/**
 * The cell for one element: its values, `(n items)` for a sequence, `(n bytes)` for bulk data.
 * `atLeast` as for `valueText`: a preview cut by the caller.
 */
export function elementCell(element: DicomElement, atLeast = 0): string {
  if (element.items !== undefined) return `(${element.items.length} item${element.items.length === 1 ? '' : 's'})`;
  if (element.fragments !== undefined) {
    const bytes = element.fragments.reduce((sum, f) => sum + f.length, 0);
    return `(${element.fragments.length} fragment${element.fragments.length === 1 ? '' : 's'}, ${bytes} bytes)`;
  }
  if (element.bulk !== undefined) return `(${element.bulk.size} bytes)`;
  if (element.value === null && element.vr === 'SQ') return '(0 items)';
  return valueText(element.value, atLeast);
}

/** Several elements named by one `[*]` selector: their cells joined by `\`. */
export function elementsCell(elements: readonly DicomElement[]): string {
  if (elements.length === 1) return elementCell(elements[0]);
  return elements.map(elementCell).join('\\');
}

/**
 * The error column: every error-level issue as `code at offset: message`. Built from the
 * issue's fields only, so programs can split it on "; " and match the code.
 */
export function issuesCell(issues: readonly Issue[]): string {
  return issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.code}${issue.offset === null ? '' : ' at ' + offsetText(issue.offset)}: ${issue.message}`)
    .join('; ');
}
