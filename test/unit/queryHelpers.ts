/** Hand-made elements for selector and CSV tests (no parser involved). */
import type { DicomElement, DicomItem, ElementValue } from '../../src/core/model';

let nextOffset = 0;

export function el(tag: string, keyword: string | null, vr: string, value: ElementValue, extra: Partial<DicomElement> = {}): DicomElement {
  const offset = (nextOffset += 16);
  const vm = value === null ? 0 : Array.isArray(value) ? value.length : 1;
  return {
    tag,
    group: parseInt(tag.slice(0, 4), 16),
    element: parseInt(tag.slice(4, 8), 16),
    keyword,
    name: keyword,
    vr,
    explicitVr: true,
    vm,
    offset,
    valueOffset: offset + 8,
    length: typeof value === 'string' ? value.length : 4,
    end: offset + 16,
    value,
    ...extra,
  };
}

export function item(elements: DicomElement[]): DicomItem {
  return { offset: 0, valueOffset: 8, length: null, elements, delimiterOffset: null, end: 0 };
}

export function seq(tag: string, keyword: string, items: DicomElement[][]): DicomElement {
  return el(tag, keyword, 'SQ', null, { items: items.map(item), length: null, vm: items.length });
}
