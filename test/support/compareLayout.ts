/**
 * Compares the parser's model with the writer's layout, offset by offset: every element's
 * offset, valueOffset, length and end, every item's offsets and delimiter, every sequence
 * delimiter, the Basic Offset Table and every fragment. Returns the differences by path.
 */
import type { DicomElement, DicomItem, ElementValue } from '../../src/core/model';
import type { LayoutElement, LayoutItem } from '../fixtures/writer';

export interface LayoutCompareOptions {
  /** Compare VRs (off for implicit VR, where the parser's VR comes from its dictionary). */
  readonly vr: boolean;
}

function field(diffs: string[], at: string, name: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) diffs.push(`${at}: ${name} ${String(actual)}, writer has ${String(expected)}`);
}

export function compareWithLayout(actual: readonly DicomElement[], expected: readonly LayoutElement[], options: LayoutCompareOptions, path = ''): string[] {
  const diffs: string[] = [];
  const count = Math.max(actual.length, expected.length);
  for (let i = 0; i < count; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!a || !e) {
      diffs.push(`${path}[${i}]: ${a ? `extra element ${a.tag} at ${a.offset}` : `missing element ${e!.tag} at ${e!.offset}`}`);
      break;
    }
    const at = `${path}${e.tag}@${e.offset}`;
    if (a.tag !== e.tag) {
      diffs.push(`${path}[${i}]: tag ${a.tag} at ${a.offset}, writer has ${e.tag} at ${e.offset}`);
      break;
    }
    if (options.vr) field(diffs, at, 'VR', a.vr, e.vr);
    field(diffs, at, 'offset', a.offset, e.offset);
    field(diffs, at, 'valueOffset', a.valueOffset, e.valueOffset);
    field(diffs, at, 'length', a.length, e.length);
    field(diffs, at, 'end', a.end, e.end);
    if (e.items) diffs.push(...compareItems(a, e, options, at));
    if (e.fragments) diffs.push(...compareFragments(a, e, at));
  }
  return diffs;
}

function compareItems(a: DicomElement, e: LayoutElement, options: LayoutCompareOptions, at: string): string[] {
  const diffs: string[] = [];
  field(diffs, at, 'sequenceDelimiterOffset', a.sequenceDelimiterOffset ?? null, e.sequenceDelimiterOffset ?? null);
  const mine = a.items ?? [];
  if (mine.length !== e.items!.length) {
    diffs.push(`${at}: ${mine.length} items, writer has ${e.items!.length}`);
    return diffs;
  }
  e.items!.forEach((item: LayoutItem, index) => {
    const actual: DicomItem = mine[index];
    const here = `${at}/${index}`;
    field(diffs, here, 'item offset', actual.offset, item.offset);
    field(diffs, here, 'item valueOffset', actual.valueOffset, item.valueOffset);
    field(diffs, here, 'item length', actual.length, item.length);
    field(diffs, here, 'item delimiterOffset', actual.delimiterOffset, item.delimiterOffset);
    field(diffs, here, 'item end', actual.end, item.end);
    diffs.push(...compareWithLayout(actual.elements, item.elements, options, `${here}/`));
  });
  return diffs;
}

function compareFragments(a: DicomElement, e: LayoutElement, at: string): string[] {
  const diffs: string[] = [];
  const table = e.basicOffsetTable!;
  if (!a.basicOffsetTable) diffs.push(`${at}: no Basic Offset Table item`);
  else {
    field(diffs, at, 'BOT offset', a.basicOffsetTable.item.offset, table.item.offset);
    field(diffs, at, 'BOT length', a.basicOffsetTable.item.length, table.item.length);
    field(diffs, at, 'BOT offsets', a.basicOffsetTable.offsets.join(','), table.offsets.join(','));
  }
  const mine = a.fragments ?? [];
  field(diffs, at, 'fragment count', mine.length, e.fragments!.length);
  e.fragments!.forEach((fragment, i) => {
    const actual = mine[i];
    if (!actual) return;
    field(diffs, `${at}#${i}`, 'fragment offset', actual.offset, fragment.offset);
    field(diffs, `${at}#${i}`, 'fragment valueOffset', actual.valueOffset, fragment.valueOffset);
    field(diffs, `${at}#${i}`, 'fragment length', actual.length, fragment.length);
    field(diffs, `${at}#${i}`, 'fragment end', actual.end, fragment.end);
  });
  return diffs;
}

/** Finds an element by path: "00100010" or "00081140/0/00081150". */
export function elementAt(elements: readonly DicomElement[], path: string): DicomElement | undefined {
  const parts = path.split('/');
  let list = elements;
  for (let i = 0; i < parts.length; i += 2) {
    const element = list.find((e) => e.tag === parts[i].toUpperCase());
    if (!element || i === parts.length - 1) return element;
    const item = element.items?.[Number(parts[i + 1])];
    if (!item) return undefined;
    list = item.elements;
  }
  return undefined;
}

/** Values compared through String(), so 64-bit integers match as bigint, number or text. */
export function normaliseValue(value: ElementValue | readonly (string | number | bigint)[] | string | number | bigint): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v) => String(v));
  return String(value);
}
