import type { DicomElement, DicomFile, DicomItem } from '../model';
import { StreamedArray, streamJson } from './streamJson';

/** How a list of nodes becomes a JSON array: a real array, or one streamed entry by entry. */
type ListOf = <T>(list: Iterable<T>, entry: (node: T) => unknown) => unknown;

const realArray: ListOf = (list, entry) => Array.from(list, entry);
const streamedArray: ListOf = (list, entry) => new StreamedArray(list, entry);

/**
 * The `dump --json` shape: file facts, then meta group and data set elements in file order with
 * offsets, items and fragments. Extra fields (vm, uidName, privateCreator, csa, delimiter offsets,
 * bulk summaries, person name components) follow the required ones.
 */
export function toJsonDump(file: DicomFile, fileName: string): unknown {
  return dumpShape(file, fileName, realArray);
}

/**
 * The text of `JSON.stringify(toJsonDump(file, fileName), null, 2)`, in pieces made as they are
 * asked for: the elements, items and fragments are never all turned into objects at once, so a
 * file of millions of nodes is dumped in memory proportional to its model, not to its JSON.
 */
export function jsonDumpChunks(file: DicomFile, fileName: string): Generator<string, void, undefined> {
  return streamJson(dumpShape(file, fileName, streamedArray));
}

function dumpShape(file: DicomFile, fileName: string, listOf: ListOf): unknown {
  return {
    file: fileName,
    size: file.size,
    preamble: file.preamble,
    prefix: file.prefix,
    transferSyntax: file.transferSyntax ? { uid: file.transferSyntax.uid, name: file.transferSyntax.name } : null,
    deflated: file.deflated,
    dataSetOffset: file.dataSetOffset,
    stoppedBeforePixelData: file.stoppedBeforePixelData,
    elements: listOf(metaThenDataSet(file), (element) => elementJson(element, listOf)),
    issues: file.issues,
  };
}

function* metaThenDataSet(file: DicomFile): Generator<DicomElement, void, undefined> {
  yield* file.meta;
  yield* file.dataSet;
}

function elementJson(element: DicomElement, listOf: ListOf): Record<string, unknown> {
  const json: Record<string, unknown> = {
    tag: element.tag,
    keyword: element.keyword,
    name: element.name,
    vr: element.vr,
    offset: element.offset,
    valueOffset: element.valueOffset,
    length: element.length,
    end: element.end,
    value: element.value,
    vm: element.vm,
  };
  if (element.decodedVr) json.decodedVr = element.decodedVr;
  if (element.items) json.items = listOf(element.items, (item) => itemJson(item, listOf));
  if (element.fragments) json.fragments = listOf(element.fragments, (fragment) => fragment);
  if (element.basicOffsetTable) json.basicOffsetTable = element.basicOffsetTable;
  if (element.sequenceDelimiterOffset !== undefined) json.sequenceDelimiterOffset = element.sequenceDelimiterOffset;
  if (element.uidName) json.uidName = element.uidName;
  if (element.privateCreator !== undefined) json.privateCreator = element.privateCreator;
  if (element.csa) json.csa = element.csa;
  if (element.personNames) json.personNames = element.personNames;
  if (element.bulk) json.bulk = element.bulk;
  if (element.retired) json.retired = true;
  return json;
}

function itemJson(item: DicomItem, listOf: ListOf): Record<string, unknown> {
  return {
    offset: item.offset,
    valueOffset: item.valueOffset,
    length: item.length,
    end: item.end,
    elements: listOf(item.elements, (element) => elementJson(element, listOf)),
    delimiterOffset: item.delimiterOffset,
  };
}
