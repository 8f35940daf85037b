/**
 * `JSON.stringify(toJsonDump(file, fileName), null, 2)` written straight from the model, in
 * chunks of about 64 KiB, for `dump --json` of files of millions of nodes.
 *
 * Why by hand: JSON.stringify needs the whole dump as objects and makes it one string (GBs for
 * such a file), and calling it per node and re-indenting its text cost more than reading the
 * file. Here elements and items, the shapes of our own model, are written field by field in the
 * order `toJsonDump` gives them; everything else (issues, fragments, CSA headers, person names)
 * goes through the general writer of streamJson.ts. Generators are made only for lists and the
 * rare large parts, and resumed only when a chunk is full, so the cost per node is a few string
 * appends. The unit tests compare the two, byte for byte, on every fixture and corpus file.
 */
import type { DicomElement, DicomFile, DicomItem } from '../model';
import { ChunkedText } from './chunkedText';
import { INDENT, jsonString, jsonValue, scalarField, scalarJson, stringJson, unrepresentable } from './streamJson';

/** Value lists up to this long are written in one go; longer ones piece by piece. */
const SHORT_LIST = 64;

export function* jsonDumpChunks(file: DicomFile, fileName: string): Generator<string, void, undefined> {
  const out = new ChunkedText();
  out.text += `{\n${INDENT}"file": ${scalarJson(fileName)}${scalarField('size', file.size, INDENT)}`;
  const transferSyntax = file.transferSyntax ? { uid: file.transferSyntax.uid, name: file.transferSyntax.name } : null;
  for (const [key, value] of [['preamble', file.preamble], ['prefix', file.prefix], ['transferSyntax', transferSyntax]] as const) {
    out.text += `,\n${INDENT}"${key}": `;
    yield* jsonValue(out, value, INDENT);
  }
  out.text += scalarField('deflated', file.deflated, INDENT) + scalarField('dataSetOffset', file.dataSetOffset, INDENT)
    + scalarField('stoppedBeforePixelData', file.stoppedBeforePixelData, INDENT) + `,\n${INDENT}"elements": `;
  yield* elementList(out, [file.meta, file.dataSet], INDENT);
  out.text += `,\n${INDENT}"issues": `;
  yield* jsonValue(out, file.issues, INDENT);
  out.text += '\n}';
  yield out.take();
}

/** The elements of `lists`, one after the other, as one JSON array. */
function* elementList(out: ChunkedText, lists: readonly (readonly DicomElement[])[], indent: string): Generator<string, void, undefined> {
  const inner = indent + INDENT;
  const field = fieldsAt(inner + INDENT);
  const opening = `[\n${inner}`;
  const next = `,\n${inner}`;
  let first = true;
  for (const list of lists) {
    for (const element of list) {
      out.text += first ? opening : next;
      first = false;
      if (isSimple(element)) out.text += simpleElementJson(element, field);
      else yield* elementJson(out, element, field);
      if (out.full) yield out.take();
    }
  }
  out.text += first ? '[]' : `\n${indent}]`;
}

/** Nothing below the element, and a value short enough to write in one go: the common case. */
function isSimple(element: DicomElement): boolean {
  const value = element.value;
  return !element.items && !element.fragments && !element.basicOffsetTable && !element.csa && !element.personNames
    && (!Array.isArray(value) || value.length <= SHORT_LIST);
}

/** `elementJson` of a simple element, as one string. */
function simpleElementJson(element: DicomElement, field: FieldStarts): string {
  const value = element.value;
  const valueText = Array.isArray(value) ? field.value + jsonString(value, field.indent) : scalar(field.value, value);
  return head(element, field) + valueText + afterValue(element, field) + afterStructure(element, field) + bulkAndRetired(element, field);
}

/** An element with whatever it holds: items, fragments, a long value, CSA header, person names. */
function* elementJson(out: ChunkedText, element: DicomElement, field: FieldStarts): Generator<string, void, undefined> {
  const inner = field.indent;
  out.text += head(element, field);
  if (!unrepresentable(element.value)) {
    out.text += field.value;
    yield* jsonValue(out, element.value, inner);
  }
  out.text += afterValue(element, field);
  if (element.items) {
    out.text += field.items;
    yield* itemList(out, element.items, inner);
  }
  for (const [prefix, part] of [[field.fragments, element.fragments], [field.basicOffsetTable, element.basicOffsetTable]] as const) {
    if (!part) continue;
    out.text += prefix;
    yield* jsonValue(out, part, inner);
  }
  out.text += afterStructure(element, field);
  for (const [prefix, part] of [[field.csa, element.csa], [field.personNames, element.personNames]] as const) {
    if (!part) continue;
    out.text += prefix;
    yield* jsonValue(out, part, inner);
  }
  out.text += bulkAndRetired(element, field);
}

/** `{` and the fields up to the value: where the element is and what it is. */
function head(element: DicomElement, field: FieldStarts): string {
  return field.tag + stringJson(element.tag) + scalar(field.keyword, element.keyword) + scalar(field.name, element.name) + scalar(field.vr, element.vr)
    + scalar(field.offset, element.offset) + scalar(field.valueOffset, element.valueOffset) + scalar(field.length, element.length) + scalar(field.end, element.end);
}

function afterValue(element: DicomElement, field: FieldStarts): string {
  return scalar(field.vm, element.vm) + (element.decodedVr ? scalar(field.decodedVr, element.decodedVr) : '');
}

/** The fields between the items or fragments and the CSA header. */
function afterStructure(element: DicomElement, field: FieldStarts): string {
  return scalar(field.sequenceDelimiterOffset, element.sequenceDelimiterOffset) + (element.uidName ? scalar(field.uidName, element.uidName) : '')
    + scalar(field.privateCreator, element.privateCreator);
}

/** The last fields and the closing brace. */
function bulkAndRetired(element: DicomElement, field: FieldStarts): string {
  const bulk = element.bulk ? field.bulk + jsonString(element.bulk, field.indent) : '';
  return element.retired ? `${bulk}${field.retired}true${field.closing}` : bulk + field.closing;
}

function* itemList(out: ChunkedText, items: readonly DicomItem[], indent: string): Generator<string, void, undefined> {
  if (items.length === 0) {
    out.text += '[]';
    return;
  }
  const inner = indent + INDENT;
  const fields = inner + INDENT;
  const field = fieldsAt(fields);
  const opening = `[\n${inner}${field.itemOffset}`;
  const next = `,\n${inner}${field.itemOffset}`;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    out.text += (i === 0 ? opening : next) + scalarJson(item.offset) + scalar(field.valueOffset, item.valueOffset) + scalar(field.length, item.length)
      + scalar(field.end, item.end) + field.elements;
    if (item.elements.length === 0) out.text += '[]';
    else yield* elementList(out, [item.elements], fields);
    out.text += scalar(field.delimiterOffset, item.delimiterOffset) + field.closing;
    if (out.full) yield out.take();
  }
  out.text += `\n${indent}]`;
}

/** The fields of elements and items, in the order toJsonDump makes them. */
const FIELDS = [
  'tag', 'keyword', 'name', 'vr', 'offset', 'valueOffset', 'length', 'end', 'value', 'vm', 'decodedVr', 'items', 'fragments', 'basicOffsetTable',
  'sequenceDelimiterOffset', 'uidName', 'privateCreator', 'csa', 'personNames', 'bulk', 'retired', 'elements', 'delimiterOffset',
] as const;

/**
 * What comes before each field's value at one nesting level of fields: `,\n<indent>"key": `, for
 * the first field of an element (`tag`) and of an item (`itemOffset`) `{\n<indent>"key": `, then
 * the level's `indent` itself and the `closing` brace of its node. Made once per level, so that a
 * node costs no string building beyond its values.
 */
type FieldStarts = Record<(typeof FIELDS)[number] | 'itemOffset' | 'indent' | 'closing', string>;

const fieldStarts = new Map<string, FieldStarts>();

function fieldsAt(indent: string): FieldStarts {
  let starts = fieldStarts.get(indent);
  if (!starts) {
    starts = Object.fromEntries(FIELDS.map((key) => [key, `,\n${indent}"${key}": `])) as FieldStarts;
    starts.tag = `{\n${indent}"tag": `;
    starts.itemOffset = `{\n${indent}"offset": `;
    starts.indent = indent;
    starts.closing = `\n${indent.slice(INDENT.length)}}`;
    fieldStarts.set(indent, starts);
  }
  return starts;
}

/** `start` and the scalar, or nothing for a field JSON.stringify leaves out. */
function scalar(start: string, value: unknown): string {
  return unrepresentable(value) ? '' : start + scalarJson(value);
}
