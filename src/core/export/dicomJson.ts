import type { FileAccess } from '../io';
import type { DicomElement, DicomFile } from '../model';
import { exportElements, type ExportElement, type ExportOptions } from './exportValues';

const PN_GROUPS = ['Alphabetic', 'Ideographic', 'Phonetic'] as const;

type JsonAttribute = { vr: string; Value?: unknown[]; InlineBinary?: string; BulkDataURI?: string };

function attribute({ element, value }: ExportElement): JsonAttribute {
  const json: JsonAttribute = { vr: element.vr };
  switch (value.kind) {
    case 'empty': break;
    case 'strings': case 'numbers': case 'decimals': json.Value = [...value.values]; break;
    case 'names':
      json.Value = value.groups.map((groups) => {
        const name: Record<string, string> = {};
        groups.forEach((text, i) => { if (text !== '' && i < PN_GROUPS.length) name[PN_GROUPS[i]] = text; });
        return name;
      });
      break;
    case 'items': json.Value = value.items.map(dataSetObject); break;
    case 'inline': json.InlineBinary = value.base64; break;
    case 'bulk': json.BulkDataURI = value.uri; break;
  }
  return json;
}

function dataSetObject(elements: readonly ExportElement[]): Record<string, JsonAttribute> {
  const json: Record<string, JsonAttribute> = {};
  for (const exported of elements) json[exported.element.tag] = attribute(exported);
  return json;
}

/**
 * The DICOM JSON Model (PS3.18 Annex F) of a data set, or of some of its elements (a node or a
 * selection): an object keyed by tag, `vr`, then `Value` (numbers for IS, DS and binary
 * numbers, objects for person names, data sets for items), `InlineBinary` (base64, little
 * endian) or `BulkDataURI`.
 */
export async function toDicomJson(file: DicomFile, source: FileAccess, elements: readonly DicomElement[] = file.dataSet, options: ExportOptions = {}): Promise<Record<string, JsonAttribute>> {
  return dataSetObject(await exportElements(elements, file, source, options));
}
