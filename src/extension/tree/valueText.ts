/**
 * Value text for the tree, the header table and Copy Value. Display text comes from the core's
 * `formatValue`, so the tree reads exactly like the text dump and the CLI. Pure (no `vscode`).
 */
import type { DicomElement } from '../../core/model';
import { formatValue } from '../../core/format/formatValue';

/** Values are joined the way they are stored in the file: with a backslash. */
const VALUE_SEPARATOR = '\\';

/**
 * The value itself, without decorations (no UID name, no summaries): what "Copy Value" puts on
 * the clipboard. Bulk data gives the hex of its first bytes, sequences give nothing.
 */
export function rawValueText(element: DicomElement): string {
  if (element.items || element.fragments) return '';
  const value = element.value;
  if (value === null) return element.bulk ? element.bulk.head : '';
  if (Array.isArray(value)) return value.map((entry) => entry.toString()).join(VALUE_SEPARATOR);
  return (value as string | number | bigint).toString();
}

/**
 * Control characters (CR, LF, TAB, the ESC of ISO 2022 escapes...) would break a one-line label
 * or hide in it, so they are shown as visible symbols.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => (ch === '\t' ? ' ' : ch === '\n' || ch === '\r' ? '⏎' : '·'));
}

/** Shortens text to at most `maxLength` characters, marking the cut with an ellipsis. */
export function truncate(text: string, maxLength: number): string {
  if (maxLength <= 0 || text.length <= maxLength) return text;
  return `${text.slice(0, Math.max(1, maxLength - 1))}…`;
}

/** The value as shown: one line, with the UID name, cut at `maxLength` (0: no limit). */
export function displayValueText(element: DicomElement, maxLength: number): string {
  return truncate(oneLine(formatValue(element)), maxLength);
}
