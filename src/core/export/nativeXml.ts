import type { FileAccess } from '../io';
import type { DicomElement, DicomFile, PersonNameComponents } from '../model';
import { exportElements, type ExportElement, type ExportOptions } from './exportValues';

const PN_GROUPS = ['Alphabetic', 'Ideographic', 'Phonetic'] as const;
const PN_PARTS: readonly [keyof PersonNameComponents, string][] = [
  ['familyName', 'FamilyName'], ['givenName', 'GivenName'], ['middleName', 'MiddleName'], ['namePrefix', 'NamePrefix'], ['nameSuffix', 'NameSuffix'],
];

/** Escapes text for XML content and attribute values; strips characters XML 1.0 cannot hold. */
function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** PS3.19: a private element's tag is written with its block number cleared (gggg00ee), its creator beside it. */
function tagAttributes(element: DicomElement): string {
  if (element.group % 2 === 1 && element.element >= 0x1000 && element.privateCreator !== undefined) {
    const tag = element.tag.slice(0, 4) + '00' + element.tag.slice(6);
    return `tag="${tag}" vr="${element.vr}" privateCreator="${escapeXml(element.privateCreator)}"`;
  }
  return `tag="${element.tag}" vr="${element.vr}"${element.keyword && element.group % 2 === 0 ? ` keyword="${element.keyword}"` : ''}`;
}

function attributeXml({ element, value }: ExportElement, lines: string[]): void {
  lines.push(`<DicomAttribute ${tagAttributes(element)}>`);
  switch (value.kind) {
    case 'empty': break;
    case 'strings': case 'numbers':
      value.values.forEach((v, i) => lines.push(`<Value number="${i + 1}">${v === null ? '' : escapeXml(String(v))}</Value>`));
      break;
    case 'decimals':
      value.texts.forEach((v, i) => lines.push(`<Value number="${i + 1}">${v === null ? '' : escapeXml(v)}</Value>`));
      break;
    case 'names':
      value.values.forEach((name, i) => {
        lines.push(`<PersonName number="${i + 1}">`);
        PN_GROUPS.forEach((group) => {
          const parts = name[group.toLowerCase() as 'alphabetic' | 'ideographic' | 'phonetic'];
          if (!parts) return;
          lines.push(`<${group}>`);
          for (const [key, tag] of PN_PARTS) if (parts[key] !== '') lines.push(`<${tag}>${escapeXml(parts[key])}</${tag}>`);
          lines.push(`</${group}>`);
        });
        lines.push('</PersonName>');
      });
      break;
    case 'items':
      value.items.forEach((item, i) => {
        lines.push(`<Item number="${i + 1}">`);
        item.forEach((child) => attributeXml(child, lines));
        lines.push('</Item>');
      });
      break;
    case 'inline': lines.push(`<InlineBinary>${value.base64}</InlineBinary>`); break;
    case 'bulk': lines.push(`<BulkData uri="${escapeXml(value.uri)}"/>`); break;
  }
  lines.push('</DicomAttribute>');
}

/**
 * The Native DICOM Model (PS3.19) of a data set or of some of its elements: one DicomAttribute
 * per element with tag, VR and keyword (private ones with their creator), Value, PersonName,
 * Item, InlineBinary (base64, little endian) or BulkData. Always UTF-8.
 */
export async function toNativeXml(file: DicomFile, source: FileAccess, elements: readonly DicomElement[] = file.dataSet, options: ExportOptions = {}): Promise<string> {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<NativeDicomModel xml:space="preserve">'];
  for (const exported of await exportElements(elements, file, source, options)) attributeXml(exported, lines);
  lines.push('</NativeDicomModel>');
  return lines.join('\n') + '\n';
}
