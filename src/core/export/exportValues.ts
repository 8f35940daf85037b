import type { FileAccess } from '../io';
import type { DicomElement, DicomFile, DicomItem, PersonName } from '../model';
import { decodeValue, MAX_NUMERIC_VALUES } from '../values/decodeValue';
import { valueWithoutCaching } from '../values/lazyElement';
import { readValueBytes, valueRange, wordSize } from '../values/valueBytes';
import { awaitRead } from './textPieces';

/**
 * A list of values given a batch at a time: a value of millions of entries (a UC of 16M empty
 * values, a US of 8M numbers) is mapped while it is written, never copied whole.
 */
export type Batches<T> = Iterable<readonly T[]>;

/**
 * An element's value the way the standard's own forms carry it (PS3.18 Annex F JSON and the
 * PS3.19 Native DICOM Model): the JSON and XML writers both start from this, so the two
 * forms always agree. Lists are single-use batches, made as they are written.
 */
export type ExportValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'strings'; readonly values: Batches<string | null> }
  | { readonly kind: 'numbers'; readonly values: Batches<number | string> }
  /** IS and DS: numbers in JSON, the text as written in XML (where "5.000000" stays so). */
  | { readonly kind: 'decimals'; readonly values: Batches<number | string | null>; readonly texts: Batches<string | null> }
  /** `groups`: each value's alphabetic, ideographic and phonetic groups ('' for none); `names`: their components. */
  | { readonly kind: 'names'; readonly names: readonly PersonName[]; readonly groups: Batches<readonly string[]> }
  | { readonly kind: 'items'; readonly items: readonly DicomItem[] }
  /** Binary bytes, little endian, written as base64. */
  | { readonly kind: 'inline'; readonly bytes: Uint8Array }
  | { readonly kind: 'bulk'; readonly uri: string };

export interface ExportOptions {
  /**
   * Bulk data reference for a binary value. Encapsulated Pixel Data always goes by reference
   * (its fragments have no inline form); other binary values do when this returns a string.
   */
  readonly bulkDataUri?: (element: DicomElement) => string | undefined;
}

/** What a writer reads values with: the file's model, the bytes it addresses, the options. */
export interface ExportSource {
  readonly file: DicomFile;
  readonly source: FileAccess;
  readonly options: ExportOptions;
}

/** Text VRs whose values JSON carries as numbers (PS3.18 F.2.3). */
const NUMERIC_TEXT = new Set(['DS', 'IS']);
const NUMERIC_BINARY = new Set(['US', 'SS', 'UL', 'SL', 'FL', 'FD', 'SV', 'UV']);
const SPECIFIC_CHARACTER_SET = '00080005';
const BATCH = 4096;

/** The default reference: the value's byte range in the file the model addresses. */
export function byteRangeUri(element: DicomElement): string {
  const range = valueRange(element);
  return `#offset=${range.offset}&length=${range.length}`;
}

/**
 * The elements to write out: the meta group is left out (it describes the file, not the data
 * set, and neither form carries it), so are group lengths, which depend on an encoding, and
 * Data Set Trailing Padding (FFFC,FFFC), which PS3.10 lets any reader ignore and which DCMTK's
 * dcm2json and dcm2xml leave out too.
 */
export function isExported(element: DicomElement): boolean {
  return element.group !== 2 && element.element !== 0 && element.tag !== 'FFFCFFFC';
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

/** A list in batches (slices, so a list of millions is never mapped into a second one at once). */
function* inBatches<T>(list: readonly T[]): Generator<readonly T[], void, undefined> {
  for (let at = 0; at < list.length; at += BATCH) yield list.slice(at, at + BATCH);
}

function* mapped<T, U>(batches: Batches<T>, map: (entry: T) => U): Generator<U[], void, undefined> {
  for (const batch of batches) yield batch.map((entry) => map(entry));
}

/** The model cuts long numeric arrays: their values decoded again from the bytes, a slice at a time. */
function* allNumbers(bytes: Uint8Array, vr: string, le: boolean): Generator<readonly (number | string)[], void, undefined> {
  const slice = MAX_NUMERIC_VALUES * wordSize(vr);
  for (let at = 0; at < bytes.length; at += slice) {
    const decoded = decodeValue(bytes.subarray(at, Math.min(bytes.length, at + slice)), vr, le, undefined);
    if (decoded.value !== null) yield asList(decoded.value) as readonly (number | string)[];
  }
}

/** A person name group of separators only ("^^^^") holds no name: it is written as empty. */
function nameGroups(text: string): string[] {
  return text.split('=').map((group) => (/^\^*$/.test(group) ? '' : group));
}

/**
 * An element's value, decoded for this pass and not kept on a lazily read element. A generator
 * because a binary value the model does not hold is read from the file on the way: it yields
 * that read (see TextPieces) and returns the value: `const value = yield* exportValue(...)`.
 */
export function* exportValue(element: DicomElement, { file, source, options }: ExportSource): Generator<Promise<unknown>, ExportValue, undefined> {
  const le = file.transferSyntax?.littleEndian ?? true;
  if (element.items?.length === 0) return { kind: 'empty' };
  if (element.items) return { kind: 'items', items: element.items };
  if (element.fragments) return { kind: 'bulk', uri: options.bulkDataUri?.(element) ?? byteRangeUri(element) };
  const { value, vm, personNames, bulk } = valueWithoutCaching(element);
  if (bulk && value === null) {
    const uri = options.bulkDataUri?.(element);
    if (uri !== undefined) return { kind: 'bulk', uri };
    return { kind: 'inline', bytes: littleEndian(yield* awaitRead(readValueBytes(element, source)), element.vr, le) };
  }
  if (value === null || value === '' || vm === 0) return { kind: 'empty' };
  if (element.tag === SPECIFIC_CHARACTER_SET) {
    // Values are written out as Unicode (JSON and XML text are UTF-8): say so.
    return { kind: 'strings', values: [['ISO_IR 192']] };
  }
  if (NUMERIC_BINARY.has(element.vr) || element.vr === 'AT') {
    const values: Batches<number | string> = bulk
      ? allNumbers(yield* awaitRead(readValueBytes(element, source)), element.vr, le)
      : [asList(value) as readonly (number | string)[]];
    if (element.vr === 'AT') return { kind: 'strings', values: mapped(values, String) };
    return { kind: 'numbers', values: element.vr === 'FL' ? mapped(values, shortestFloat32) : values };
  }
  const list = asList(value);
  if (element.vr === 'PN') {
    if (list.every((text) => nameGroups(String(text)).every((group) => group === ''))) return { kind: 'empty' };
    return { kind: 'names', names: personNames ?? [], groups: mapped(inBatches(list), (text) => nameGroups(String(text))) };
  }
  if (NUMERIC_TEXT.has(element.vr)) {
    return {
      kind: 'decimals',
      values: mapped(inBatches(list), (v) => (v === '' ? null : textNumber(String(v)))),
      texts: mapped(inBatches(list), (v) => (v === '' ? null : String(v).trim())),
    };
  }
  return { kind: 'strings', values: mapped(inBatches(list), (v) => (v === '' ? null : String(v))) };
}
