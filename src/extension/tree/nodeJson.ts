/**
 * "Copy as JSON": elements and items in the DICOM JSON Model (PS3.18 Annex F), so the result
 * can be compared with what other toolkits (pydicom's to_json, dcm2json) produce.
 * Structural nodes without a JSON Model form (preamble, fragments, delimiters) are copied as
 * their position and length. Pure (no `vscode`).
 */
import type { DicomElement, DicomItem } from '../../core/model';
import type { TagNode } from './tagNodes';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const NUMERIC_STRING_VRS = new Set(['DS', 'IS']);

function scalar(value: string | number | bigint, vr: string): JsonValue {
  if (typeof value === 'bigint') {
    // JSON numbers lose precision past 2^53; the JSON Model allows strings for 64-bit integers.
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value === 'number') return value;
  if (NUMERIC_STRING_VRS.has(vr)) {
    const number = Number(value.trim());
    return value.trim().length > 0 && Number.isFinite(number) ? number : value;
  }
  return value;
}

function personName(value: string): JsonValue {
  const [alphabetic, ideographic, phonetic] = value.split('=');
  const name: { [key: string]: JsonValue } = {};
  if (alphabetic) name.Alphabetic = alphabetic;
  if (ideographic) name.Ideographic = ideographic;
  if (phonetic) name.Phonetic = phonetic;
  return name;
}

function values(element: DicomElement): JsonValue[] | undefined {
  const raw = element.value;
  if (raw === null || raw === '') return undefined;
  const list = Array.isArray(raw) ? raw : [raw as string | number | bigint];
  if (element.vr === 'PN') return list.map((entry) => personName(String(entry)));
  if (element.vr === 'AT') return list.map((entry) => String(entry).replace(/[(),]/g, '').toUpperCase());
  return list.map((entry) => scalar(entry, element.vr));
}

export function elementJson(element: DicomElement): { [key: string]: JsonValue } {
  const body: { [key: string]: JsonValue } = { vr: element.vr };
  if (element.items) {
    body.Value = element.items.map(itemJson);
  } else if (!element.bulk && !element.fragments) {
    // Bulk data is summarised in the model, never copied whole, so it has no inline value here.
    const list = values(element);
    if (list) body.Value = list;
  }
  return { [element.tag]: body };
}

export function itemJson(item: DicomItem): { [key: string]: JsonValue } {
  const object: { [key: string]: JsonValue } = {};
  for (const element of item.elements) Object.assign(object, elementJson(element));
  return object;
}

export function nodeJson(node: TagNode): JsonValue {
  if (node.element) return elementJson(node.element);
  if (node.item) return itemJson(node.item);
  if (node.csa) return { ...node.csa, values: [...node.csa.values] };
  const position: { [key: string]: JsonValue } = { kind: node.kind, offset: node.offset, length: node.end - node.offset };
  if (node.fragment) position.valueOffset = node.fragment.valueOffset;
  return position;
}

export function nodeJsonText(node: TagNode): string {
  return JSON.stringify(nodeJson(node), null, 2);
}
