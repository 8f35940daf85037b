import type { FileAccess } from '../io';
import type { DicomElement, DicomFile, PersonName } from '../model';
import { decodeValue, MAX_NUMERIC_VALUES } from '../values/decodeValue';
import { readValueBytes, valueRange, wordSize } from '../values/valueBytes';

/**
 * An element's value the way the standard's own forms carry it (PS3.18 Annex F JSON and the
 * PS3.19 Native DICOM Model): the JSON and XML writers both start from this, so the two
 * forms always agree.
 */
export type ExportValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'strings'; readonly values: readonly (string | null)[] }
  | { readonly kind: 'numbers'; readonly values: readonly (number | string | null)[] }
  /** IS and DS: numbers in JSON, the text as written in XML (where "5.000000" stays so). */
  | { readonly kind: 'decimals'; readonly values: readonly (number | string | null)[]; readonly texts: readonly (string | null)[] }
  | { readonly kind: 'names'; readonly values: readonly PersonName[]; readonly groups: readonly string[][] }
  | { readonly kind: 'items'; readonly items: readonly (readonly ExportElement[])[] }
  | { readonly kind: 'inline'; readonly base64: string }
  | { readonly kind: 'bulk'; readonly uri: string };

export interface ExportElement {
  readonly element: DicomElement;
  readonly value: ExportValue;
}

export interface ExportOptions {
  /**
   * Bulk data reference for a binary value. Encapsulated Pixel Data always goes by reference
   * (its fragments have no inline form); other binary values do when this returns a string.
   */
  readonly bulkDataUri?: (element: DicomElement) => string | undefined;
}

/** Text VRs whose values JSON carries as numbers (PS3.18 F.2.3). */
const NUMERIC_TEXT = new Set(['DS', 'IS']);
const NUMERIC_BINARY = new Set(['US', 'SS', 'UL', 'SL', 'FL', 'FD', 'SV', 'UV']);
const SPECIFIC_CHARACTER_SET = '00080005';

/** The default reference: the value's byte range in the file the model addresses. */
export function byteRangeUri(element: DicomElement): string {
  const range = valueRange(element);
  return `#offset=${range.offset}&length=${range.length}`;
}

/** Base64 with the global `btoa` (Node and browsers alike; the core does not use Buffer). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** Binary values go out little endian whatever the file's byte order (as DICOMweb does). */
function littleEndian(bytes: Uint8Array, vr: string, fileLittleEndian: boolean): Uint8Array {
  const size = wordSize(vr);
  if (fileLittleEndian || size === 1) return bytes;
  // A trailing partial word (a value of bad length) is kept as it is.
  const out = Uint8Array.from(bytes); // a copy: Buffer.slice would be a view
  for (let i = 0; i < out.length - (out.length % size); i++) out[i] = bytes[i - (i % size) + (size - 1 - (i % size))];
  return out;
}

function textNumber(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/**
 * A 32-bit float as the shortest decimal that reads back as the same float (what a reader
 * of the file means), not the longer decimal of its 64-bit widening.
 */
function shortestFloat32(value: number | string): number | string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return shorter;
  }
  return Number(value.toPrecision(9));
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [value as T];
}

export async function exportValue(element: DicomElement, file: DicomFile, source: FileAccess, options: ExportOptions): Promise<ExportValue> {
  const le = file.transferSyntax?.littleEndian ?? true;
  if (element.items?.length === 0) return { kind: 'empty' };
  if (element.items) return { kind: 'items', items: await Promise.all(element.items.map((item) => exportElements(item.elements, file, source, options))) };
  if (element.fragments) return { kind: 'bulk', uri: options.bulkDataUri?.(element) ?? byteRangeUri(element) };
  if (element.bulk && element.value === null) {
    const uri = options.bulkDataUri?.(element);
    if (uri !== undefined) return { kind: 'bulk', uri };
    return { kind: 'inline', base64: toBase64(littleEndian(await readValueBytes(element, source), element.vr, le)) };
  }
  if (element.value === null || element.value === '' || element.vm === 0) return { kind: 'empty' };
  if (element.tag === SPECIFIC_CHARACTER_SET) {
    // Values are written out as Unicode (JSON and XML text are UTF-8): say so.
    return { kind: 'strings', values: ['ISO_IR 192'] };
  }
  if (NUMERIC_BINARY.has(element.vr) || element.vr === 'AT') {
    let values = asList(element.value) as (number | string)[];
    if (element.bulk) values = await allNumbers(element, source, le);
    if (element.vr === 'AT') return { kind: 'strings', values: values.map(String) };
    return { kind: 'numbers', values: element.vr === 'FL' ? values.map(shortestFloat32) : values };
  }
  const texts = asList(element.value).map((v) => String(v));
  if (element.vr === 'PN') {
    // A group of separators only ("^^^^") holds no name: it is written as empty.
    const groups = texts.map((t) => t.split('=').map((group) => (/^\^*$/.test(group) ? '' : group)));
    if (groups.every((g) => g.every((group) => group === ''))) return { kind: 'empty' };
    return { kind: 'names', values: element.personNames ?? [], groups };
  }
  if (NUMERIC_TEXT.has(element.vr)) {
    return { kind: 'decimals', values: texts.map((t) => (t === '' ? null : textNumber(t))), texts: texts.map((t) => (t === '' ? null : t.trim())) };
  }
  return { kind: 'strings', values: texts.map((t) => (t === '' ? null : t)) };
}

/** The model cuts long numeric arrays; read the value again and decode it a slice at a time. */
async function allNumbers(element: DicomElement, source: FileAccess, le: boolean): Promise<(number | string)[]> {
  const bytes = await readValueBytes(element, source);
  const slice = MAX_NUMERIC_VALUES * wordSize(element.vr);
  const values: (number | string)[] = [];
  for (let at = 0; at < bytes.length; at += slice) {
    const decoded = decodeValue(bytes.subarray(at, Math.min(bytes.length, at + slice)), element.vr, le, undefined);
    if (decoded.value !== null) values.push(...(asList(decoded.value) as (number | string)[]).map((v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return values;
}

/**
 * The elements to write out: the meta group is left out (it describes the file, not the data
 * set, and neither form carries it), so are group lengths, which depend on an encoding, and
 * Data Set Trailing Padding (FFFC,FFFC), which PS3.10 lets any reader ignore and which DCMTK's
 * dcm2json and dcm2xml leave out too.
 */
export async function exportElements(elements: readonly DicomElement[], file: DicomFile, source: FileAccess, options: ExportOptions): Promise<ExportElement[]> {
  const kept = elements.filter((e) => e.group !== 2 && e.element !== 0 && e.tag !== 'FFFCFFFC');
  return Promise.all(kept.map(async (element) => ({ element, value: await exportValue(element, file, source, options) })));
}
