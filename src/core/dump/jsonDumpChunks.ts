/**
 * `JSON.stringify(toJsonDump(file, fileName), null, 2)` written straight from the model, in
 * chunks of about 64 KiB, for `dump --json` of files of millions of nodes.
 *
 * Why by hand: JSON.stringify needs the whole dump as objects and makes it one string (GBs for
 * such a file), and calling it per node and re-indenting its text cost more than reading the
 * file. Here elements and items, the shapes of our own model, are written field by field in the
 * order `toJsonDump` gives them; everything else (issues, fragments, CSA headers, person names)
 * goes through the general writer of jsonText.ts. Generators are made only for lists and the
 * rare large parts, and resumed only when a chunk is full, so the cost per node is a few string
 * appends. The unit tests compare the two, byte for byte, on every fixture and corpus file.
 */
import type { DicomElement, DicomFile, DicomItem } from '../model';
import { ChunkedText } from './chunkedText';
import { INDENT, jsonString, jsonValue, scalarField, scalarJson, unrepresentable } from './jsonText';

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
  let first = true;
  for (const list of lists) {
    for (const element of list) {
      out.text += first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      if (isSimple(element)) out.text += simpleElementJson(element, inner);
      else yield* elementJson(out, element, inner);
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
function simpleElementJson(element: DicomElement, indent: string): string {
  const inner = indent + INDENT;
  const value = element.value;
  const valueText = Array.isArray(value) ? `,\n${inner}"value": ${jsonString(value, inner)}` : scalarField('value', value, inner);
  return head(element, inner) + valueText + afterValue(element, inner) + afterStructure(element, inner) + bulkAndRetired(element, inner, indent);
}

/** An element with whatever it holds: items, fragments, a long value, CSA header, person names. */
function* elementJson(out: ChunkedText, element: DicomElement, indent: string): Generator<string, void, undefined> {
  const inner = indent + INDENT;
  out.text += head(element, inner);
  if (!unrepresentable(element.value)) {
    out.text += `,\n${inner}"value": `;
    yield* jsonValue(out, element.value, inner);
  }
  out.text += afterValue(element, inner);
  if (element.items) {
    out.text += `,\n${inner}"items": `;
    yield* itemList(out, element.items, inner);
  }
  for (const [key, part] of [['fragments', element.fragments], ['basicOffsetTable', element.basicOffsetTable]] as const) {
    if (!part) continue;
    out.text += `,\n${inner}"${key}": `;
    yield* jsonValue(out, part, inner);
  }
  out.text += afterStructure(element, inner);
  for (const [key, part] of [['csa', element.csa], ['personNames', element.personNames]] as const) {
    if (!part) continue;
    out.text += `,\n${inner}"${key}": `;
    yield* jsonValue(out, part, inner);
  }
  out.text += bulkAndRetired(element, inner, indent);
}

/** `{` and the fields up to the value: where the element is and what it is. */
function head(element: DicomElement, inner: string): string {
  return `{\n${inner}"tag": ${scalarJson(element.tag)}${scalarField('keyword', element.keyword, inner)}${scalarField('name', element.name, inner)}`
    + `${scalarField('vr', element.vr, inner)}${scalarField('offset', element.offset, inner)}${scalarField('valueOffset', element.valueOffset, inner)}`
    + `${scalarField('length', element.length, inner)}${scalarField('end', element.end, inner)}`;
}

function afterValue(element: DicomElement, inner: string): string {
  return scalarField('vm', element.vm, inner) + (element.decodedVr ? scalarField('decodedVr', element.decodedVr, inner) : '');
}

/** The fields between the items or fragments and the CSA header. */
function afterStructure(element: DicomElement, inner: string): string {
  return scalarField('sequenceDelimiterOffset', element.sequenceDelimiterOffset, inner)
    + (element.uidName ? scalarField('uidName', element.uidName, inner) : '') + scalarField('privateCreator', element.privateCreator, inner);
}

/** The last fields and the closing brace. */
function bulkAndRetired(element: DicomElement, inner: string, indent: string): string {
  const bulk = element.bulk ? `,\n${inner}"bulk": ${jsonString(element.bulk, inner)}` : '';
  return `${bulk}${element.retired ? `,\n${inner}"retired": true` : ''}\n${indent}}`;
}

function* itemList(out: ChunkedText, items: readonly DicomItem[], indent: string): Generator<string, void, undefined> {
  if (items.length === 0) {
    out.text += '[]';
    return;
  }
  const inner = indent + INDENT;
  const fields = inner + INDENT;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    out.text += `${i === 0 ? '[' : ','}\n${inner}{\n${fields}"offset": ${scalarJson(item.offset)}${scalarField('valueOffset', item.valueOffset, fields)}`
      + `${scalarField('length', item.length, fields)}${scalarField('end', item.end, fields)},\n${fields}"elements": `;
    if (item.elements.length === 0) out.text += '[]';
    else yield* elementList(out, [item.elements], fields);
    out.text += `${scalarField('delimiterOffset', item.delimiterOffset, fields)}\n${inner}}`;
    if (out.full) yield out.take();
  }
  out.text += `\n${indent}]`;
}
