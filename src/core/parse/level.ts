/**
 * What one level of a data set (the top level, or an item) keeps while it is read: the
 * character set and Pixel Representation in force, private creators, the previous tag; and
 * the decoding of values that depends on them.
 */
import type { DicomElement, IssueCode } from '../model';
import { implicitVr, singleVr, type lookupTag } from '../dictionary/dataDictionary';
import { lookupPrivate, type PrivateEntry } from '../dictionary/privateDictionary';
import { isCsaHeaderElement, readCsaHeader } from '../csa/readCsaHeader';
import { decodeValue, lengthProblem } from '../values/decodeValue';
import { DeferredSource, type LazyElement } from '../values/lazyElement';
import type { HeaderKind } from '../values/parsedElement';
import { PrivateBlock } from './elementInfo';
import { implicitKind } from './elementHeader';
import type { Mutable, ReaderState } from './dataSetReader';
import type { Encoding } from './elementHeader';
import { hex, tagText } from './errors';

const SPECIFIC_CHARACTER_SET = 0x00080005;
const PIXEL_REPRESENTATION = 0x00280103;

/** What a nested data set inherits from the one around it (PS3.5 6.1.2.5.3 for the character set). */
export interface Inherited {
  readonly characterSet: string | undefined;
  /** Pixel Representation in force, which decides whether "US or SS" values are signed. */
  readonly pixelRepresentation: number | undefined;
}

export const NOTHING_INHERITED: Inherited = { characterSet: undefined, pixelRepresentation: undefined };

/** What one level of a data set knows while it is being read. */
export interface Level extends Inherited {
  readonly out: DicomElement[];
  readonly depth: number;
  readonly encoding: Encoding;
  readonly topLevel: boolean;
  characterSet: string | undefined;
  pixelRepresentation: number | undefined;
  /** Private blocks by group * 0x100 + block number. */
  readonly creators: Map<number, PrivateBlock>;
  previousTag: number;
  /** Where the values deferred at this level lie (see deferValue), made when first needed. */
  deferred: DeferredSource | null;
}

/**
 * Implicit VR leaves "US or SS" to the reader: signed when Pixel Representation is 1, as DCMTK
 * reads it, except the LUT descriptors whose first and third values are always unsigned.
 */
export function resolveImplicitVr(vr: string, entry: ReturnType<typeof lookupTag>, level: Level): string {
  if (entry?.vr === 'US or SS' && level.pixelRepresentation === 1 && !entry.keyword.endsWith('Descriptor')) return 'SS';
  return vr;
}

export function decodeInto(state: ReaderState, element: Mutable<DicomElement>, bytes: Uint8Array, level: Level): void {
  const vr = element.decodedVr ?? element.vr;
  const decoded = decodeValue(bytes, vr, level.encoding.littleEndian, level.characterSet);
  if (Array.isArray(decoded.value)) state.budget.spendValues(decoded.value.length, element.offset);
  element.value = decoded.value;
  if (decoded.bulk) element.bulk = decoded.bulk;
  element.vm = decoded.vm;
  if (decoded.problem) warnInvalidValue(state, element, decoded.problem);
  if (isCsaHeaderElement(element)) decodeCsa(state, element, bytes);
  if (tagNumber(element) === PIXEL_REPRESENTATION && typeof decoded.value === 'number') level.pixelRepresentation = decoded.value;
  if (tagNumber(element) === SPECIFIC_CHARACTER_SET) {
    const terms = Array.isArray(decoded.value) ? decoded.value : [decoded.value ?? ''];
    level.characterSet = terms.join('\\');
  }
  const group = element.group;
  if (group % 2 === 1 && element.element >= 0x10 && element.element <= 0xff && typeof decoded.value === 'string') {
    level.creators.set(group * 0x100 + element.element, new PrivateBlock(decoded.value));
  }
}

/**
 * True for the values the reading itself depends on (the character set and Pixel Representation
 * in force, private creators) or whose decoding reports problems (CSA headers): a lazy read
 * decodes these at once, as an eager one does.
 */
export function valueNeededWhileReading(element: DicomElement): boolean {
  const tag = tagNumber(element);
  if (tag === SPECIFIC_CHARACTER_SET || tag === PIXEL_REPRESENTATION) return true;
  if (element.group % 2 === 1 && element.element >= 0x10 && element.element <= 0xff) return true;
  return isCsaHeaderElement(element);
}

/**
 * Leaves the value of `element` (its `length` bytes at its value offset, in the window) to be
 * decoded when asked for, with what is in force here; reports a length that does not fit the
 * VR now, as decodeInto does.
 */
export function deferValue(state: ReaderState, element: LazyElement, length: number, level: Level): void {
  const vr = (element as DicomElement).decodedVr ?? element.vr;
  const problem = lengthProblem(vr, length);
  if (problem) warnInvalidValue(state, element, problem);
  const window = state.window;
  let source = level.deferred;
  if (source === null || source.bytes !== window.bytes || source.base !== window.base || source.characterSet !== level.characterSet) {
    source = new DeferredSource(window.bytes, window.base, level.encoding.littleEndian, level.characterSet);
    level.deferred = source;
  }
  element.defer(source);
}

function warnInvalidValue(state: ReaderState, element: DicomElement, problem: string): void {
  warn(state, 'value-invalid-for-vr', element.offset, `${tagText(tagNumber(element))} at ${hex(element.offset)}: ${problem}`);
}

/** Siemens CSA headers are decoded into the element; their problems join the file's issues. */
function decodeCsa(state: ReaderState, element: Mutable<DicomElement>, bytes: Uint8Array): void {
  const { header, issues } = readCsaHeader(bytes, element.valueOffset);
  if (header) element.csa = header;
  for (const issue of issues) state.issues.push({ ...issue, tag: element.tag });
}

/**
 * The VR to decode a UN value with: the dictionary's, public or private (by the element's
 * creator), when it knows the tag (PS3.5 6.2.2 lets a reader that knows the attribute use its
 * VR), else null. A sequence counts only when the value starts with an item tag, since UN
 * sequences are implicit VR little endian items.
 */
export function unknownValueVr(element: DicomElement, entry: ReturnType<typeof lookupTag>, level: Level, bytes: Uint8Array): string | null {
  const creator = element.privateCreator;
  const vr = element.group % 2 === 1 && element.element >= 0x1000
    ? (creator === undefined ? 'UN' : singleVr(lookupPrivate(creator, element.group, element.element)?.vr))
    : resolveImplicitVr(implicitVr(tagNumber(element)), entry, level);
  if (vr === 'UN') return null;
  if (vr === 'SQ') return bytes.length === 0 || (bytes.length >= 4 && bytes[0] === 0xfe && bytes[1] === 0xff && bytes[2] === 0x00 && bytes[3] === 0xe0) ? 'SQ' : null;
  return vr;
}

/** The block of a private data element, when a Private Creator reserved it. */
export function privateBlockOf(level: Level, group: number, element: number): PrivateBlock | undefined {
  if (group % 2 === 0 || element < 0x1000) return undefined;
  return level.creators.get(group * 0x100 + (element >>> 8));
}

/**
 * The VR of an implicit VR element: the dictionary's, signed or not by the Pixel Representation
 * in force (see resolveImplicitVr); for a private element the private dictionary knows, its VR
 * rather than UN, as pydicom and DCMTK read it.
 */
export function implicitElementKind(kind: HeaderKind, entry: ReturnType<typeof lookupTag>, level: Level, privateEntry: PrivateEntry | undefined): HeaderKind {
  const vr = resolveImplicitVr(kind.vr, entry, level);
  if (privateEntry !== undefined && vr === 'UN') return implicitKind(singleVr(privateEntry.vr));
  return vr === kind.vr ? kind : implicitKind(vr);
}

export function checkOrder(state: ReaderState, level: Level, tagNumber: number, pos: number): void {
  if (tagNumber === level.previousTag) {
    warn(state, 'duplicate-tag', pos, `duplicate ${tagText(tagNumber)} at ${hex(pos)}`);
  } else if (tagNumber < level.previousTag) {
    warn(state, 'tag-out-of-order', pos, `${tagText(tagNumber)} at ${hex(pos)} is out of ascending tag order`);
  }
  level.previousTag = tagNumber;
}

export function tagNumber(element: DicomElement): number {
  return element.group * 0x10000 + element.element;
}

export function warn(state: ReaderState, code: IssueCode, offset: number | null, message: string): void {
  if (state.issueCap.admit(code, 'warning', offset)) state.issues.push({ code, severity: 'warning', offset, message });
}

export function error(state: ReaderState, code: IssueCode, offset: number | null, message: string): void {
  if (state.issueCap.admit(code, 'error', offset)) state.issues.push({ code, severity: 'error', offset, message });
}
