import type { DicomElement } from '../model';

export interface FormatOptions {
  /** Longest value text shown; longer text is cut with an ellipsis. 0 means no limit. */
  readonly maxValueLength?: number;
}

/** Formats a tag number or "GGGGEEEE" string as "(GGGG,EEEE)". */
export function formatTag(element: Pick<DicomElement, 'tag'>): string {
  return `(${element.tag.slice(0, 4)},${element.tag.slice(4)})`;
}

export function formatOffset(offset: number, style: 'hex' | 'decimal' = 'hex', width = 4): string {
  return style === 'hex' ? '0x' + offset.toString(16).toUpperCase().padStart(width, '0') : String(offset);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The value as one line of text, the way the dump, the tree and the CSV show it. */
export function formatValue(element: DicomElement, options: FormatOptions = {}): string {
  return formatText(valueText(element), options.maxValueLength ?? 0);
}

/** Text cut to `max` characters with an ellipsis (0: no limit). */
export function formatText(text: string, max: number): string {
  return max > 0 && text.length > max ? text.slice(0, Math.max(0, max - 1)) + '…' : text;
}

function valueText(element: DicomElement): string {
  if (element.items) return `<${plural(element.items.length, 'item')}>`;
  if (element.fragments) {
    const bot = element.basicOffsetTable ? `Basic Offset Table of ${plural(element.basicOffsetTable.offsets.length, 'entry').replace('entrys', 'entries')}` : 'no Basic Offset Table';
    return `<encapsulated: ${bot}, ${plural(element.fragments.length, 'fragment')}>`;
  }
  if (element.bulk && element.value === null) {
    return element.bulk.head ? `<${element.bulk.size} bytes: ${element.bulk.head}${element.bulk.size > 16 ? ' …' : ''}>` : `<${element.bulk.size} bytes>`;
  }
  const value = element.value;
  let text = value === null ? '' : Array.isArray(value) ? value.join('\\') : String(value);
  if (element.bulk) text += `\\… (${element.vm} values)`;
  if (element.uidName) text += ` (${element.uidName})`;
  return text;
}

/** Text without control characters, safe for one line of a dump or a tree label. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\f\v]/g, ' ');
}
