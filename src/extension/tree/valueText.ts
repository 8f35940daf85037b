/**
 * One-line text for an element's value, as the tree and the header table show it.
 * Pure (no `vscode`): unit-tested with node:test.
 */
import type { DicomElement } from '../../core/model';

/** Values are joined the way they are stored in the file: with a backslash. */
const VALUE_SEPARATOR = '\\';

function scalarText(value: string | number | bigint): string {
  return typeof value === 'string' ? value : value.toString();
}

/** The full value as text (no truncation), for tooltips and "Copy Value". */
export function fullValueText(element: DicomElement): string {
  if (element.items) return `${element.items.length} item${element.items.length === 1 ? '' : 's'}`;
  if (element.fragments) {
    return `${element.fragments.length} fragment${element.fragments.length === 1 ? '' : 's'}`;
  }
  if (element.bulk) {
    const head = element.bulk.head.length > 0 ? ` ${element.bulk.head}` : '';
    return `<${element.bulk.size} bytes>${head}`;
  }
  const value = element.value;
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(scalarText).join(VALUE_SEPARATOR);
  return scalarText(value as string | number | bigint);
}

/**
 * Control characters (CR, LF, TAB, ESC of ISO 2022 escapes...) would break a one-line label,
 * so they are shown as visible symbols.
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

/** The value as the tree label shows it: one line, at most `maxLength` characters. */
export function shortValueText(element: DicomElement, maxLength: number): string {
  return truncate(oneLine(fullValueText(element)), maxLength);
}
