/**
 * The Native DICOM Model (PS3.19), written a line at a time (a batch of values a piece): a data
 * set of millions of elements, or a value of millions of entries, is never held as one string.
 */
import type { FileAccess } from '../io';
import type { DicomElement, DicomFile, PersonNameComponents } from '../model';
import { base64Pieces } from './base64Pieces';
import { exportValue, isExported, type Batches, type ExportOptions, type ExportSource, type ExportValue } from './exportValues';
import type { TextPieces } from './textPieces';

const PN_GROUPS = ['Alphabetic', 'Ideographic', 'Phonetic'] as const;
const PN_PARTS: readonly [keyof PersonNameComponents, string][] = [
  ['familyName', 'FamilyName'], ['givenName', 'GivenName'], ['middleName', 'MiddleName'], ['namePrefix', 'NamePrefix'], ['nameSuffix', 'NameSuffix'],
];

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/;

/** Escapes text for XML content and attribute values; strips characters XML 1.0 cannot hold. */
function escapeXml(text: string): string {
  // Most values (numbers, codes, names) need nothing: one test instead of five replacements.
  if (!NEEDS_ESCAPE.test(text)) return text;
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

/** `<Value number="n">` lines, numbered from 1, a batch a piece. */
function* valueLines<T>(batches: Batches<T>, text: (value: T) => string): Generator<string, void, undefined> {
  let number = 0;
  for (const batch of batches) {
    let lines = '';
    for (const value of batch) lines += `<Value number="${++number}">${text(value)}</Value>\n`;
    yield lines;
  }
}

const valueText = (value: string | number | null) => (value === null ? '' : escapeXml(String(value)));

function* attributeXml(element: DicomElement, value: ExportValue, from: ExportSource): TextPieces {
  yield `<DicomAttribute ${tagAttributes(element)}>\n`;
  switch (value.kind) {
    case 'empty': break;
    case 'strings': case 'numbers': yield* valueLines<string | number | null>(value.values, valueText); break;
    case 'decimals': yield* valueLines(value.texts, valueText); break;
    case 'names':
      for (let i = 0; i < value.names.length; i++) {
        let lines = `<PersonName number="${i + 1}">\n`;
        for (const group of PN_GROUPS) {
          const parts = value.names[i][group.toLowerCase() as 'alphabetic' | 'ideographic' | 'phonetic'];
          if (!parts) continue;
          lines += `<${group}>\n`;
          for (const [key, tag] of PN_PARTS) if (parts[key] !== '') lines += `<${tag}>${escapeXml(parts[key])}</${tag}>\n`;
          lines += `</${group}>\n`;
        }
        yield `${lines}</PersonName>\n`;
      }
      break;
    case 'items':
      for (let i = 0; i < value.items.length; i++) {
        yield `<Item number="${i + 1}">\n`;
        yield* attributesXml(value.items[i].elements, from);
        yield '</Item>\n';
      }
      break;
    case 'inline':
      yield '<InlineBinary>';
      yield* base64Pieces(value.bytes);
      yield '</InlineBinary>\n';
      break;
    case 'bulk': yield `<BulkData uri="${escapeXml(value.uri)}"/>\n`; break;
  }
  yield '</DicomAttribute>\n';
}

function* attributesXml(elements: readonly DicomElement[], from: ExportSource): TextPieces {
  for (const element of elements) {
    if (!isExported(element)) continue;
    yield* attributeXml(element, yield* exportValue(element, from), from);
  }
}

/**
 * The Native DICOM Model of a data set or of some of its elements: one DicomAttribute per
 * element with tag, VR and keyword (private ones with their creator), Value, PersonName, Item,
 * InlineBinary (base64, little endian) or BulkData. Always UTF-8; ends with a line break.
 */
export function* nativeXmlPieces(file: DicomFile, source: FileAccess, elements: readonly DicomElement[] = file.dataSet, options: ExportOptions = {}): TextPieces {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<NativeDicomModel xml:space="preserve">\n';
  yield* attributesXml(elements, { file, source, options });
  yield '</NativeDicomModel>\n';
}
