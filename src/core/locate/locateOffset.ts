/**
 * What a byte of a file belongs to: the innermost node of the model holding it, and which part
 * of that node. The Bytes pane uses it to name a clicked byte, `dicom-inspector locate` prints
 * it, and the reader uses it to say which element each issue concerns.
 *
 * Paths use tags, with items numbered from 0: `00081115[0].00081150`. In encapsulated pixel
 * data, as Copy Path names them: `7FE00010.BasicOffsetTable`, `7FE00010.Fragment[0]`.
 * Offsets are model positions (in a deflated file, positions in the inflated stream after the
 * meta group).
 */
import type { DicomElement, DicomFile, DicomItem, Fragment } from '../model';

export type LocatedPart = 'preamble' | 'prefix' | 'header' | 'value' | 'item' | 'delimiter' | 'fragment';

/** Which field of an element header a 'header' byte is in. */
export type HeaderField = 'tag' | 'vr' | 'reserved' | 'length';

export interface Located {
  readonly offset: number;
  readonly part: LocatedPart;
  /** Path of the innermost node ("" for preamble and prefix). */
  readonly path: string;
  /** The innermost element on the path (the sequence of an item, the pixel data of a fragment). */
  readonly element: DicomElement | null;
  readonly item: DicomItem | null;
  readonly fragment: Fragment | null;
  /** For part 'header': the field of the element header. */
  readonly headerField?: HeaderField;
  /** The byte range of the part: [start, end). */
  readonly start: number;
  readonly end: number;
}

interface Span {
  readonly offset: number;
  readonly end: number;
}

/** Index of the last span starting at or before `offset` that still holds it, or -1 (spans in file order). */
function spanAt<T extends Span>(spans: readonly T[], offset: number): T | null {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (spans[middle].offset <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found >= 0 && offset < spans[found].end ? spans[found] : null;
}

/**
 * The fields of an element header (PS3.5 7.1): tag; then VR and length (8 bytes, explicit
 * short form), VR, reserved and length (12 bytes), or length alone (implicit VR).
 */
export function headerFieldAt(element: DicomElement, offset: number): { field: HeaderField; start: number; end: number } {
  const at = offset - element.offset;
  const size = element.valueOffset - element.offset;
  const base = element.offset;
  if (at < 4) return { field: 'tag', start: base, end: base + 4 };
  if (!element.explicitVr) return { field: 'length', start: base + 4, end: base + 8 };
  if (at < 6) return { field: 'vr', start: base + 4, end: base + 6 };
  if (size === 12 && at < 8) return { field: 'reserved', start: base + 6, end: base + 8 };
  return { field: 'length', start: size === 12 ? base + 8 : base + 6, end: element.valueOffset };
}

interface Context {
  readonly offset: number;
}

function located(ctx: Context, part: LocatedPart, path: string, element: DicomElement | null, start: number, end: number, extra: Partial<Located> = {}): Located {
  return { offset: ctx.offset, part, path, element, item: null, fragment: null, start, end, ...extra };
}

function inElements(ctx: Context, elements: readonly DicomElement[], prefix: string): Located | null {
  const element = spanAt(elements, ctx.offset);
  return element ? inElement(ctx, element, prefix + element.tag) : null;
}

function inElement(ctx: Context, element: DicomElement, path: string): Located {
  const offset = ctx.offset;
  if (offset < element.valueOffset) {
    const header = headerFieldAt(element, offset);
    return located(ctx, 'header', path, element, header.start, header.end, { headerField: header.field });
  }
  const delimiter = element.sequenceDelimiterOffset;
  if (delimiter != null && offset >= delimiter && offset < delimiter + 8) return located(ctx, 'delimiter', path, element, delimiter, delimiter + 8);
  if (element.items) {
    const item = spanAt(element.items, offset);
    if (item) return inItem(ctx, element, item, `${path}[${element.items.indexOf(item)}]`);
  }
  const table = element.basicOffsetTable?.item;
  if (table && offset >= table.offset && offset < table.end) return located(ctx, 'fragment', `${path}.BasicOffsetTable`, element, table.offset, table.end, { fragment: table });
  if (element.fragments) {
    const fragment = spanAt(element.fragments, offset);
    if (fragment) return located(ctx, 'fragment', `${path}.Fragment[${element.fragments.indexOf(fragment)}]`, element, fragment.offset, fragment.end, { fragment });
  }
  return located(ctx, 'value', path, element, element.valueOffset, element.end);
}

function inItem(ctx: Context, sequence: DicomElement, item: DicomItem, path: string): Located {
  const offset = ctx.offset;
  if (offset < item.valueOffset) return located(ctx, 'item', path, sequence, item.offset, item.valueOffset, { item });
  const delimiter = item.delimiterOffset;
  if (delimiter !== null && offset >= delimiter) return located(ctx, 'delimiter', path, sequence, delimiter, delimiter + 8, { item });
  const inner = inElements(ctx, item.elements, `${path}.`);
  if (inner) return inner.item ? inner : { ...inner, item };
  // Bytes of the item that no element holds (damage, or the cut end of a truncated file).
  return located(ctx, 'item', path, sequence, item.valueOffset, item.end, { item });
}

/** The innermost node holding byte `offset`, or null when no node does (a gap, or past the end). */
export function locateOffset(file: DicomFile, offset: number): Located | null {
  const ctx: Context = { offset };
  const { preamble, prefix } = file;
  if (preamble && offset >= preamble.offset && offset < preamble.offset + preamble.length) {
    return located(ctx, 'preamble', '', null, preamble.offset, preamble.offset + preamble.length);
  }
  if (prefix && offset >= prefix.offset && offset < prefix.offset + prefix.length) {
    return located(ctx, 'prefix', '', null, prefix.offset, prefix.offset + prefix.length);
  }
  return inElements(ctx, offset < file.dataSetOffset ? file.meta : file.dataSet, '');
}
