/**
 * Walks a data set element by element, recording where every element, item, delimiter and
 * fragment starts.
 *
 * Why our own walker rather than dicom-parser's parseDicomDataSet*: dicom-parser keys elements
 * by tag (duplicates vanish), discards a sequence whose items fail half way, reads the header of
 * SV/UV/OV as a short one, crashes on delimiters with a non-zero length and recurses without a
 * limit. A tool whose promise is the exact position of every byte needs all of those right, so
 * the structure is walked here and each problem becomes an issue with an offset.
 */
import type { DicomElement, DicomItem, Issue, IssueCode } from '../model';
import { bulkSummary } from '../values/decodeValue';
import { LazyElement } from '../values/lazyElement';
import { ParsedElement } from '../values/parsedElement';
import { NO_ELEMENTS, ParsedItem } from '../values/parsedNodes';
import { ByteWindow } from './byteWindow';
import { readElementHeader, readTag, type Encoding } from './elementHeader';
import { publicInfo } from './elementInfo';
import { NeedMoreData, ParseStop, hex, tagText } from './errors';
import { BudgetStop, type NodeBudget } from './nodeBudget';
import type { IssueCap } from './issueCap';
import { readEncapsulated } from './encapsulated';
import { checkOrder, decodeInto, deferValue, error, NOTHING_INHERITED, privateBlockOf, implicitElementKind, tagNumber, unknownValueVr, valueNeededWhileReading, warn, type Inherited, type Level } from './level';
import { UNDEFINED_LENGTH } from './vr';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const PIXEL_DATA = 0x7fe00010;
const ITEM = 0xfffee000;
const ITEM_DELIMITER = 0xfffee00d;
const SEQUENCE_DELIMITER = 0xfffee0dd;
const IMPLICIT_LE: Encoding = { explicitVr: false, littleEndian: true };

export interface ReaderState {
  readonly window: ByteWindow;
  readonly issues: Issue[];
  readonly maxDepth: number;
  /** Stop at the top-level Pixel Data (header-only reading); its items are scanned later by range. */
  readonly stopAtPixelData: boolean;
  /** Set when reading stopped at the top-level Pixel Data. */
  pixelData: Mutable<DicomElement> | null;
  /** Top-level tag after which reading stops (see ParseOptions.stopAfterTag), or null. */
  readonly stopAfterTag: number | null;
  /** Set when reading stopped because of `stopAfterTag`. */
  stoppedAfterTag: boolean;
  /** Record where values lie and decode them when asked for (see ParseOptions.lazyValues). */
  readonly lazyValues: boolean;
  /** Nodes and values still allowed (see ParseOptions.maxNodes); shared by every part of one read. */
  readonly budget: NodeBudget;
  /** Issues listed so far by code (see IssueCap); shared by every part of one read. */
  readonly issueCap: IssueCap;
}

export interface DataSetEnd {
  readonly end: number;
  readonly delimiterOffset: number | null;
}

/**
 * Reads elements from `start` until `limit` (defined length), or until an Item Delimitation
 * Item when `limit` is null. Elements go into `out` as soon as their header is read, so a
 * failure deeper down still leaves everything before it in the model.
 */
export function readDataSet(
  state: ReaderState, start: number, limit: number | null, depth: number, encoding: Encoding,
  inherited: Inherited, out: DicomElement[], topLevel = false, onlyGroup: number | null = null,
): DataSetEnd {
  return readLevel(state, newLevel(out, depth, encoding, inherited, topLevel), start, limit, onlyGroup);
}

export function newLevel(out: DicomElement[], depth: number, encoding: Encoding, inherited: Inherited, topLevel: boolean): Level {
  return {
    out, depth, encoding, topLevel, characterSet: inherited.characterSet, pixelRepresentation: inherited.pixelRepresentation,
    creators: new Map(), previousTag: -1, deferred: null,
  };
}

/**
 * Reads the elements of `level` from `start` (see readDataSet). A level can be read in two
 * runs: header-only reading stops at the top-level Pixel Data and resumes after its value with
 * the same level, so character set, private creators and tag order carry over.
 */
export function readLevel(state: ReaderState, level: Level, start: number, limit: number | null, onlyGroup: number | null = null): DataSetEnd {
  const { encoding, topLevel } = level;
  const window = state.window;
  const stop = limit ?? window.streamSize;
  let pos = start;
  while (pos < stop) {
    if (limit !== null && pos + 8 > limit) {
      error(state, 'truncated-element-header', pos, `${limit - pos} bytes at ${hex(pos)} are too few for an element header (a truncated element?)`);
      return { end: limit, delimiterOffset: null };
    }
    window.need(pos, 4, 'a tag');
    const tag = readTag(window, pos, encoding.littleEndian);
    if (onlyGroup !== null && tag >>> 16 !== onlyGroup) return { end: pos, delimiterOffset: null };
    if (topLevel && onlyGroup === null && state.stopAfterTag !== null && tag > state.stopAfterTag) {
      state.stoppedAfterTag = true;
      return { end: pos, delimiterOffset: null };
    }
    if (tag === ITEM_DELIMITER && limit === null) {
      window.need(pos, 8, 'an Item Delimitation Item');
      const length = window.u32(pos + 4, encoding.littleEndian);
      if (length !== 0) warn(state, 'delimiter-nonzero-length', pos + 4, `Item Delimitation Item at ${hex(pos)} has length ${length}, expected 0 (ignored)`);
      return { end: pos + 8, delimiterOffset: pos };
    }
    if (tag >>> 16 === 0xfffe) {
      strayDelimiter(state, pos, tag, limit);
      pos += 8;
      continue;
    }
    const element = topLevel ? readTopLevelElement(state, pos, level) : readElement(state, pos, level);
    if (element.end <= pos) throw new ParseStop('internal-error', pos, `no progress reading ${tagText(tag)} at ${hex(pos)}`);
    pos = element.end;
    if (state.pixelData === element) return { end: pos, delimiterOffset: null };
  }
  if (limit === null) {
    throw new ParseStop('no-item-delimiter', pos, `end of file at ${hex(pos)} inside the item of undefined length at ${hex(start - 8)}: no Item Delimitation Item`);
  }
  if (pos > limit) {
    error(state, 'element-overruns-container', limit, `the last element before ${hex(limit)} runs ${pos - limit} bytes past the end of its item or sequence`);
  }
  return { end: pos, delimiterOffset: null };
}

/**
 * At the top level a broken element with a defined length is skipped with an error, so that
 * everything after it stays browsable; anything else ends the read.
 */
function readTopLevelElement(state: ReaderState, pos: number, level: Level): DicomElement {
  const before = level.out.length;
  try {
    return readElement(state, pos, level);
  } catch (problem) {
    if (!(problem instanceof ParseStop) || problem instanceof BudgetStop || level.out.length === before) throw problem;
    const element = level.out[before];
    const end = element.length === null ? -1 : element.valueOffset + element.length;
    if (end <= pos || end > state.window.streamSize) throw problem;
    error(state, problem.code, problem.offset, `${problem.message}; the rest of ${tagText(element.group * 0x10000 + element.element)} skipped`);
    return element;
  }
}

function strayDelimiter(state: ReaderState, pos: number, tag: number, limit: number | null): void {
  state.window.need(pos, 8, 'a delimiter');
  if (tag === ITEM || (tag !== ITEM_DELIMITER && tag !== SEQUENCE_DELIMITER)) {
    throw new ParseStop('unexpected-item', pos, `unexpected ${tagText(tag)} at ${hex(pos)} outside a sequence`);
  }
  const where = limit === null ? 'at the top level' : 'inside an item of defined length';
  warn(state, 'stray-delimiter', pos, `stray ${tag === ITEM_DELIMITER ? 'Item' : 'Sequence'} Delimitation Item at ${hex(pos)} ${where} (skipped)`);
}

function readElement(state: ReaderState, pos: number, level: Level): Mutable<DicomElement> {
  const window = state.window;
  const header = readElementHeader(window, pos, level.encoding);
  const tag = header.tag;
  const declaredLength = header.length;
  const group = tag >>> 16;
  const elementNumber = tag & 0xffff;
  const undefinedLength = declaredLength === UNDEFINED_LENGTH;
  const block = privateBlockOf(level, group, elementNumber);
  const privateEntry = block?.entryOf(group, elementNumber);
  const info = block === undefined ? publicInfo(tag) : block.infoOf(tag, privateEntry);
  const entry = info.entry;
  const kind = header.kind.explicitVr ? header.kind : implicitElementKind(header.kind, entry, level, privateEntry);
  const length = undefinedLength ? null : declaredLength;
  const element: Mutable<DicomElement> = state.lazyValues
    ? new LazyElement(tag, info, kind, pos, length)
    : new ParsedElement(tag, info, kind, pos, length);
  const valueOffset = element.valueOffset;
  checkOrder(state, level, tag, pos);
  level.out.push(element);
  state.budget.spendNode(pos);

  if (undefinedLength) {
    readUndefinedLength(state, element, level);
    return element;
  }
  const end = valueOffset + declaredLength;
  element.end = end;
  if (end > window.streamSize && element.vr === 'SQ') {
    // A sequence cut by the end of the file: its whole items are still there to read.
    readItems(state, element, valueOffset, end, level, level.encoding);
    return element;
  }
  if (end > window.streamSize) {
    element.end = window.streamSize;
    const lengthField = kind.headerLength === 12 ? pos + 8 : kind.explicitVr ? pos + 6 : pos + 4;
    const present = window.streamSize - valueOffset;
    throw new ParseStop('value-past-end-of-file', lengthField, `${tagText(tag)} at ${hex(pos)} declares a value of ${declaredLength} bytes; only ${present} ${present === 1 ? 'is' : 'are'} there before the end of the file at ${hex(window.streamSize)}`);
  }
  if (declaredLength % 2 === 1) warn(state, 'odd-length', pos, `${tagText(tag)} at ${hex(pos)} has odd value length ${declaredLength}`);
  if (level.topLevel && tag === PIXEL_DATA && state.stopAtPixelData) {
    element.bulk = bulkSummary(window.slice(valueOffset, Math.min(16, declaredLength)), declaredLength);
    element.vm = 1;
    state.pixelData = element;
    return element;
  }
  if (element.vr === 'SQ') {
    readItems(state, element, valueOffset, end, level, level.encoding);
    return element;
  }
  window.need(valueOffset, declaredLength, 'an element value');
  if (element.vr === 'UN') {
    const known = unknownValueVr(element, entry, level, window.slice(valueOffset, declaredLength));
    if (known !== null) element.decodedVr = known;
    if (known === 'SQ') {
      readItems(state, element, valueOffset, end, level, IMPLICIT_LE);
      return element;
    }
  }
  // An empty value decodes to what a new element holds (null, VM 0), with nothing to report.
  if (declaredLength === 0 && !valueNeededWhileReading(element)) return element;
  if (element instanceof LazyElement && !valueNeededWhileReading(element)) deferValue(state, element, declaredLength, level);
  else decodeInto(state, element, window.slice(valueOffset, declaredLength), level);
  return element;
}

function readUndefinedLength(state: ReaderState, element: Mutable<DicomElement>, level: Level): void {
  const tag = element.group * 0x10000 + element.element;
  if (tag === PIXEL_DATA && element.vr !== 'SQ') {
    if (level.topLevel && state.stopAtPixelData) {
      state.pixelData = element;
      return;
    }
    readEncapsulated(state, element, level.encoding);
    return;
  }
  if (element.vr === 'SQ') {
    readItems(state, element, element.valueOffset, null, level, level.encoding);
    return;
  }
  // PS3.5 6.2.2: an undefined-length UN (or an unknown implicit element) holds a sequence in
  // implicit VR little endian.
  if (element.vr === 'UN' || !element.explicitVr) {
    if (element.vr === 'UN') element.decodedVr = 'SQ';
    readItems(state, element, element.valueOffset, null, level, IMPLICIT_LE);
    return;
  }
  warn(state, 'undefined-length-not-sq', element.offset, `${tagText(tag)} at ${hex(element.offset)} has VR ${element.vr} with undefined length; read as encapsulated items`);
  readEncapsulated(state, element, level.encoding);
}

/** Reads the items of a sequence up to `limit`, or up to its Sequence Delimitation Item. */
function readItems(state: ReaderState, element: Mutable<DicomElement>, start: number, limit: number | null, level: Level, encoding: Encoding): void {
  const items: DicomItem[] = [];
  element.items = items;
  if (limit === null) element.sequenceDelimiterOffset = null;
  try {
    element.end = readItemList(state, element, items, start, limit, level, encoding);
  } catch (problem) {
    // What was read stays in the model; the sequence ends where its last item does.
    element.end = Math.max(element.valueOffset, items.at(-1)?.end ?? 0);
    throw problem;
  }
}

function readItemList(state: ReaderState, element: Mutable<DicomElement>, items: DicomItem[], start: number, limit: number | null, level: Level, encoding: Encoding): number {
  const window = state.window;
  const le = encoding.littleEndian;
  let pos = start;
  for (;;) {
    if (limit !== null && pos >= limit) break;
    if (pos + 8 > window.streamSize && window.complete) {
      const expected = limit === null ? 'no Sequence Delimitation Item' : `it declares ${limit - pos} more bytes`;
      throw new ParseStop(limit === null ? 'no-sequence-delimiter' : 'unexpected-end-of-file', pos, `end of file at ${hex(pos)} inside sequence ${tagText(tagNumber(element))} at ${hex(element.offset)}: ${expected}`);
    }
    window.need(pos, 8, 'an item header');
    const itemTag = readTag(window, pos, le);
    const length = window.u32(pos + 4, le);
    if (itemTag === SEQUENCE_DELIMITER) {
      if (length !== 0) warn(state, 'delimiter-nonzero-length', pos + 4, `Sequence Delimitation Item at ${hex(pos)} has length ${length}, expected 0 (ignored)`);
      if (limit !== null) warn(state, 'delimiter-in-defined-length', pos, `Sequence Delimitation Item at ${hex(pos)} inside a sequence of defined length`);
      element.sequenceDelimiterOffset = pos;
      pos += 8;
      break;
    }
    if (itemTag !== ITEM) {
      const message = `expected an Item (FFFE,E000) in ${tagText(tagNumber(element))} at ${hex(pos)}, found ${tagText(itemTag)}`;
      if (limit === null) throw new ParseStop('expected-item', pos, message);
      error(state, 'expected-item', pos, message + '; rest of the sequence skipped');
      pos = Math.min(limit, window.streamSize);
      break;
    }
    try {
      pos = readItem(state, items, pos, length, limit, level, encoding);
    } catch (problem) {
      // The VM counts the items read whole; the one that failed stays in the list.
      element.vm = items.length - 1;
      throw problem;
    }
  }
  return pos;
}

function readItem(state: ReaderState, items: DicomItem[], pos: number, length: number, limit: number | null, level: Level, encoding: Encoding): number {
  const item = new ParsedItem(pos, length === UNDEFINED_LENGTH ? null : length);
  items.push(item);
  state.budget.spendNode(pos);
  if (level.depth + 1 > state.maxDepth) {
    throw new ParseStop('nesting-too-deep', pos, `sequences nested deeper than ${state.maxDepth} levels at ${hex(pos)}; reading stopped`);
  }
  // Elements go into the item as they are read; an item left empty shares the one empty list.
  const elements: DicomElement[] = [];
  item.elements = elements;
  try {
    return readItemElements(state, item, elements, limit, level, encoding);
  } finally {
    if (elements.length === 0) item.elements = NO_ELEMENTS;
  }
}

function readItemElements(state: ReaderState, item: ParsedItem, elements: DicomElement[], limit: number | null, level: Level, encoding: Encoding): number {
  const window = state.window;
  const pos = item.offset;
  if (item.length === null) {
    try {
      const result = readDataSet(state, pos + 8, null, level.depth + 1, encoding, level, elements);
      item.delimiterOffset = result.delimiterOffset;
      item.end = result.end;
    } catch (problem) {
      item.end = Math.max(item.valueOffset, elements.at(-1)?.end ?? 0);
      throw problem;
    }
    return item.end;
  }
  const declaredEnd = pos + 8 + item.length;
  let itemEnd = declaredEnd;
  if (limit !== null && itemEnd > limit) {
    error(state, 'item-past-end', pos + 4, `item at ${hex(pos)} declares ${item.length} bytes, past the end of its sequence at ${hex(limit)}`);
    itemEnd = limit;
  }
  // Cut by the end of the file: read the elements that are there, then stop where the next breaks.
  itemEnd = Math.min(itemEnd, window.streamSize);
  item.end = itemEnd;
  try {
    readDataSet(state, pos + 8, itemEnd, level.depth + 1, encoding, level, elements);
  } catch (problem) {
    item.end = Math.min(itemEnd, Math.max(item.valueOffset, elements.at(-1)?.end ?? 0));
    // A defined length tells where the next item starts, so the rest of the file stays readable.
    if (!(problem instanceof ParseStop) || problem instanceof BudgetStop || itemEnd >= window.streamSize) throw problem;
    item.end = itemEnd;
    error(state, problem.code, problem.offset, problem.message + `; rest of the item at ${hex(pos)} skipped`);
  }
  if (declaredEnd > itemEnd && itemEnd === window.streamSize) {
    throw new ParseStop('unexpected-end-of-file', itemEnd, `end of file at ${hex(itemEnd)} inside the item at ${hex(pos)}: it declares ${declaredEnd - itemEnd} more bytes`);
  }
  return itemEnd;
}

export { NeedMoreData, NOTHING_INHERITED, type Inherited };
