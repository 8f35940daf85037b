/**
 * The DICOM JSON Model (PS3.18 Annex F), written a piece at a time in the layout of
 * `JSON.stringify(model, null, 2)`: a data set of millions of elements, or a value of millions
 * of entries, is never held as one object or one string.
 */
import type { FileAccess } from '../io';
import type { DicomElement, DicomFile } from '../model';
import { base64Pieces } from './base64Pieces';
import { exportValue, isExported, type Batches, type ExportOptions, type ExportSource, type ExportValue } from './exportValues';
import type { TextPieces } from './textPieces';

const INDENT = '  ';
const PN_GROUPS = ['Alphabetic', 'Ideographic', 'Phonetic'] as const;

/**
 * The DICOM JSON Model of a data set, or of some of its elements (a node or a selection): an
 * object keyed by tag, `vr`, then `Value` (numbers for IS, DS and binary numbers, objects for
 * person names, data sets for items), `InlineBinary` (base64, little endian) or `BulkDataURI`;
 * ends with a line break.
 */
export function* dicomJsonPieces(file: DicomFile, source: FileAccess, elements: readonly DicomElement[] = file.dataSet, options: ExportOptions = {}): TextPieces {
  yield* dataSetJson(elements, { file, source, options }, '');
  yield '\n';
}

/**
 * One attribute per tag, as in any JSON object: a tag met again in a data set (a broken file)
 * gives its last value in the place of its first. Only a data set out of tag order can repeat
 * a tag, so only such a one is looked through.
 */
function attributesOf(elements: readonly DicomElement[]): Iterable<DicomElement> {
  const kept = elements.filter(isExported);
  if (kept.every((element, i) => i === 0 || element.tag > kept[i - 1].tag)) return kept;
  const byTag = new Map<string, DicomElement>();
  for (const element of kept) byTag.set(element.tag, element);
  return byTag.values();
}

function* dataSetJson(elements: readonly DicomElement[], from: ExportSource, indent: string): TextPieces {
  const inner = indent + INDENT;
  let first = true;
  for (const element of attributesOf(elements)) {
    const value = yield* exportValue(element, from);
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(element.tag)}: `;
    first = false;
    yield* attributeJson(element.vr, value, from, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* attributeJson(vr: string, value: ExportValue, from: ExportSource, indent: string): TextPieces {
  const inner = indent + INDENT;
  const end = `\n${indent}}`;
  yield `{\n${inner}"vr": ${JSON.stringify(vr)}`;
  switch (value.kind) {
    case 'empty': break;
    case 'strings': case 'numbers': case 'decimals':
      yield `,\n${inner}"Value": `;
      yield* jsonArray(value.values, (v) => JSON.stringify(v), inner);
      break;
    case 'names':
      yield `,\n${inner}"Value": `;
      yield* jsonArray(value.groups, (groups) => nameJson(groups, inner + INDENT), inner);
      break;
    case 'items': {
      const itemIndent = inner + INDENT;
      yield `,\n${inner}"Value": [`;
      for (let i = 0; i < value.items.length; i++) {
        yield `${i === 0 ? '' : ','}\n${itemIndent}`;
        yield* dataSetJson(value.items[i].elements, from, itemIndent);
      }
      yield `\n${inner}]`;
      break;
    }
    case 'inline':
      yield `,\n${inner}"InlineBinary": "`;
      yield* base64Pieces(value.bytes);
      yield '"';
      break;
    case 'bulk': yield `,\n${inner}"BulkDataURI": ${JSON.stringify(value.uri)}`; break;
  }
  yield end;
}

/** A person name: an object of its non-empty groups. */
function nameJson(groups: readonly string[], indent: string): string {
  const fields = groups.flatMap((text, i) => (text !== '' && i < PN_GROUPS.length ? [`${JSON.stringify(PN_GROUPS[i])}: ${JSON.stringify(text)}`] : []));
  return fields.length === 0 ? '{}' : `{\n${indent}${INDENT}${fields.join(`,\n${indent}${INDENT}`)}\n${indent}}`;
}

/** An array with one entry a line, a batch of entries a piece. */
function* jsonArray<T>(batches: Batches<T>, entry: (value: T) => string, indent: string): Generator<string, void, undefined> {
  const separator = `,\n${indent}${INDENT}`;
  let first = true;
  for (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${first ? `[\n${indent}${INDENT}` : separator}${batch.map(entry).join(separator)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}
