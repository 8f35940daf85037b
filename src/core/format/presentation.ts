/**
 * How model nodes read, everywhere: the DICOM Tags tree, the header table, the text dump, the
 * CLI, CSV long form and the copy commands all use these functions, so a value, an offset or
 * an item number looks the same in each of them. Pure (no `vscode`, no DOM).
 *
 * - `offsetText(offset, format)`: "0x0080" (hex, at least four digits) or "128".
 * - `tagText(element | "GGGGEEEE")`: "(0008,0016)".
 * - `keywordText(element)`: the keyword, or what is known of a tag the dictionary does not name.
 * - `privateLabel(element)` / `privateHeading(element)`: "[GEMS_IDEN_01] Full fidelity", with
 *   the tag in front for CSV headings: the creator, then the private dictionary's name.
 * - `vrText(element)`: the VR, and for a UN decoded with the dictionary's VR "UN read as DS".
 * - `valueText(element, maxLength)`: the value on one line, with UID names and summaries of
 *   sequences, fragments and bulk data; cut with "…" at `maxLength` (0: no limit).
 * - `rawValueText(element)`: the value alone, as Copy Value gives it.
 * - `elementLabel(element, maxLength)`: "(0008,0016) SOPClassUID UI = 1.2.840… (CT Image Storage)".
 * - `itemName(index)` / `itemLabel(index, item)`: "Item 0" / "Item 0 (3 elements)". Items are
 *   numbered from 0, as paths number them (`ReferencedSeriesSequence[0]`).
 * - `fragmentName(index)`: "Fragment 0", the first fragment after the Basic Offset Table.
 * - `oneLine(text)`, `truncate(text, max)`: control characters made visible; cut with "…".
 * Element paths are `formatElementPath` (src/core/query/path.ts, keywords) and the tag paths of
 * `locateOffset` (src/core/locate, `00081115[0].00081150`); JSON is `toJsonDump` (src/core/dump).
 */
import type { DicomElement, DicomItem } from '../model';

export type OffsetFormat = 'hex' | 'decimal';

/** "0x0080" in hex (at least `width` digits, as hex editors show them) or "128" in decimal. */
export function offsetText(offset: number, format: OffsetFormat = 'hex', width = 4): string {
  return format === 'hex' ? '0x' + offset.toString(16).toUpperCase().padStart(width, '0') : String(offset);
}

/** A DA value as YYYY-MM-DD, as reports and trees show dates; anything else as it is. */
export function dateText(da: string): string {
  return /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6)}` : da;
}

/** "(GGGG,EEEE)" for an element or an eight-digit tag. */
export function tagText(element: Pick<DicomElement, 'tag'> | string): string {
  const tag = typeof element === 'string' ? element.toUpperCase() : element.tag;
  return `(${tag.slice(0, 4)},${tag.slice(4)})`;
}

type Named = Pick<DicomElement, 'privateCreator' | 'name'>;

/**
 * How a private element is named wherever a label is shown (tree, dump, CSV headings), as
 * dcmdump and pydicom show it: "[GEMS_IDEN_01] Full fidelity", "[GEMS_IDEN_01]" when the
 * private dictionary has no name for it, or null without a creator.
 */
export function privateLabel(element: Named): string | null {
  if (element.privateCreator === undefined) return null;
  return element.name ? `[${element.privateCreator}] ${element.name}` : `[${element.privateCreator}]`;
}

/** "(0009,1001) [GEMS_IDEN_01] Full fidelity", or null without a creator. */
export function privateHeading(element: Named & Pick<DicomElement, 'tag'>): string | null {
  const label = privateLabel(element);
  return label === null ? null : `${tagText(element)} ${label}`;
}

/** The keyword, or what is known about a tag the dictionary does not name. */
export function keywordText(element: DicomElement): string {
  if (element.keyword) return element.keyword;
  if (element.group % 2 === 1) {
    if (element.element === 0x0000) return 'PrivateGroupLength';
    if (element.element >= 0x0010 && element.element <= 0x00ff) return 'PrivateCreator';
    return privateLabel(element) ?? 'Private';
  }
  return element.element === 0x0000 ? 'GroupLength' : 'Unknown';
}

/** The VR as the file gives it, marking a UN value decoded with the dictionary's VR. */
export function vrText(element: DicomElement): string {
  return element.decodedVr ? `${element.vr} read as ${element.decodedVr}` : element.vr;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * Control characters (CR, LF, TAB, the ESC of ISO 2022 escapes...) would break a one-line label
 * or hide in it, so they are shown as visible symbols.
 */
export function oneLine(text: string): string {
  // Most values have no control character: a test is much cheaper than a replace with a callback
  // (a dump calls this for each of millions of elements).
  return CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, (ch) => (ch === '\t' ? ' ' : ch === '\n' || ch === '\r' ? '⏎' : '·')) : text;
}


/** Shortens text to at most `maxLength` characters, marking the cut with an ellipsis. */
export function truncate(text: string, maxLength: number): string {
  if (maxLength <= 0 || text.length <= maxLength) return text;
  return `${text.slice(0, Math.max(1, maxLength - 1))}…`;
}

/** Values are joined the way they are stored in the file: with a backslash. */
const VALUE_SEPARATOR = '\\';

/**
 * The value itself, without decorations (no UID name, no summaries): what "Copy Value" puts on
 * the clipboard. Bulk data gives the hex of its first bytes, sequences give nothing.
 */
export function rawValueText(element: DicomElement): string {
  return valueTextFrom(element, 0);
}

/**
 * `rawValueText`, or with `atLeast` > 0 only its start when that is longer than `atLeast`
 * characters: a value of millions of entries shown cut needs only its first ones joined.
 */
function valueTextFrom(element: DicomElement, atLeast: number): string {
  if (element.items || element.fragments) return '';
  const value = element.value;
  if (value === null) return element.bulk ? element.bulk.head : '';
  if (!Array.isArray(value)) return (value as string | number | bigint).toString();
  const values = value as readonly (string | number | bigint)[];
  if (atLeast <= 0) return values.map((entry) => entry.toString()).join(VALUE_SEPARATOR);
  let text = values.length > 0 ? values[0].toString() : '';
  for (let i = 1; i < values.length && text.length <= atLeast; i++) text += VALUE_SEPARATOR + values[i].toString();
  return text;
}

/** The value with its summaries; with `maxLength` > 0 possibly only its first `maxLength` + 1 characters or more. */
function fullValueText(element: DicomElement, maxLength: number): string {
  if (element.items) return `<${plural(element.items.length, 'item')}>`;
  if (element.fragments) {
    const bot = element.basicOffsetTable ? `Basic Offset Table of ${plural(element.basicOffsetTable.offsets.length, 'entry').replace('entrys', 'entries')}` : 'no Basic Offset Table';
    return `<encapsulated: ${bot}, ${plural(element.fragments.length, 'fragment')}>`;
  }
  if (element.bulk && element.value === null) {
    return element.bulk.head ? `<${element.bulk.size} bytes: ${element.bulk.head}${element.bulk.size > 16 ? ' …' : ''}>` : `<${element.bulk.size} bytes>`;
  }
  let text = valueTextFrom(element, maxLength);
  if (element.bulk) text += `\\… (${element.vm} values)`;
  if (element.uidName) text += ` (${element.uidName})`;
  return text;
}

/** The value as shown: one line, with the UID name and summaries, cut at `maxLength` (0: no limit). */
export function valueText(element: DicomElement, maxLength = 0): string {
  // oneLine replaces characters one for one, so cutting after it cuts the same text.
  return truncate(oneLine(fullValueText(element, maxLength)), maxLength);
}

/** "(0008,0016) SOPClassUID UI = value", or the item or fragment count of a sequence or pixel data. */
export function elementLabel(element: DicomElement, maxValueLength = 0): string {
  const head = `${tagText(element)} ${keywordText(element)} ${vrText(element)}`;
  if (element.items) return `${head} (${plural(element.items.length, 'item')})`;
  if (element.fragments) return `${head} (${plural(element.fragments.length, 'fragment')})`;
  const value = valueText(element, maxValueLength);
  return value.length > 0 ? `${head} = ${value}` : head;
}

/** "Item 0": items are numbered from 0, as in paths. */
export function itemName(index: number): string {
  return `Item ${index}`;
}

export function itemLabel(index: number, item: DicomItem): string {
  return `${itemName(index)} (${plural(item.elements.length, 'element')})`;
}

/** "Fragment 0" for the first fragment after the Basic Offset Table. */
export function fragmentName(index: number): string {
  return `Fragment ${index}`;
}
