import type { DicomElement, DicomFile, DicomItem } from '../model';

/**
 * The `dump --json` shape as objects: file facts, then meta group and data set elements in file
 * order with offsets, items and fragments. Extra fields (vm, uidName, privateCreator, csa,
 * delimiter offsets, bulk summaries, person name components) follow the required ones.
 * `jsonDumpChunks` writes `JSON.stringify` of this, byte for byte, without making these objects.
 */
export function toJsonDump(file: DicomFile, fileName: string): unknown {
  return {
    file: fileName,
    size: file.size,
    preamble: file.preamble,
    prefix: file.prefix,
    transferSyntax: file.transferSyntax ? { uid: file.transferSyntax.uid, name: file.transferSyntax.name } : null,
    deflated: file.deflated,
    dataSetOffset: file.dataSetOffset,
    stoppedBeforePixelData: file.stoppedBeforePixelData,
    elements: [...file.meta, ...file.dataSet].map(elementJson),
    issues: file.issues,
  };
}

function elementJson(element: DicomElement): Record<string, unknown> {
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
  if (element.items) json.items = element.items.map(itemJson);
  if (element.fragments) json.fragments = element.fragments;
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

function itemJson(item: DicomItem): Record<string, unknown> {
  return {
    offset: item.offset,
    valueOffset: item.valueOffset,
    length: item.length,
    end: item.end,
    elements: item.elements.map(elementJson),
    delimiterOffset: item.delimiterOffset,
  };
}
