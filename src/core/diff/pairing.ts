import type { DicomElement, DicomItem } from '../model';
import { valueText } from '../format/presentation';

/** Two nodes found at the same place in both files; either side missing means added/removed. */
export interface Pair<T> {
  readonly a: T | undefined;
  readonly b: T | undefined;
  /** Position of `a` in its list (of `b` when `a` is missing), used in paths. */
  readonly index: number;
}

/**
 * Pairs the elements of two lists by tag, in tag order. A tag that occurs twice (bad files do
 * that) pairs its n-th occurrence on one side with the n-th on the other.
 */
export function pairElements(a: readonly DicomElement[], b: readonly DicomElement[]): Pair<DicomElement>[] {
  const byTag = (list: readonly DicomElement[]) => {
    const map = new Map<string, DicomElement[]>();
    for (const element of list) {
      const same = map.get(element.tag);
      if (same) same.push(element);
      else map.set(element.tag, [element]);
    }
    return map;
  };
  const left = byTag(a);
  const right = byTag(b);
  const tags = [...new Set([...left.keys(), ...right.keys()])].sort();
  const pairs: Pair<DicomElement>[] = [];
  for (const tag of tags) {
    const x = left.get(tag) ?? [];
    const y = right.get(tag) ?? [];
    for (let i = 0; i < Math.max(x.length, y.length); i++) pairs.push({ a: x[i], b: y[i], index: i });
  }
  return pairs;
}

/** Pairs sequence items by position. */
export function pairItemsByPosition(a: readonly DicomItem[], b: readonly DicomItem[]): Pair<DicomItem>[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({ a: a[i], b: b[i], index: i }));
}

/**
 * Pairs sequence items by the value of a key attribute inside each item (e.g. a referenced
 * SOP Instance UID), so that reordered items are not reported as changed. Items without the
 * key are paired by their position among the items without it.
 */
export function pairItemsByKey(a: readonly DicomItem[], b: readonly DicomItem[], keyTag: string): Pair<DicomItem>[] {
  const keyOf = (item: DicomItem, position: number) => {
    const element = item.elements.find((e) => e.tag === keyTag);
    return element ? 'value:' + valueText(element) : 'position:' + position;
  };
  const keyed = (list: readonly DicomItem[]) => {
    let unkeyed = 0;
    return list.map((item) => {
      const key = keyOf(item, unkeyed);
      if (key.startsWith('position:')) unkeyed++;
      return key;
    });
  };
  const aKeys = keyed(a);
  const bKeys = keyed(b);
  const unusedB = new Map<string, number[]>();
  bKeys.forEach((key, i) => unusedB.set(key, [...(unusedB.get(key) ?? []), i]));
  const pairs: Pair<DicomItem>[] = [];
  aKeys.forEach((key, i) => {
    const j = unusedB.get(key)?.shift();
    pairs.push({ a: a[i], b: j === undefined ? undefined : b[j], index: i });
  });
  for (const rest of unusedB.values()) for (const j of rest) pairs.push({ a: undefined, b: b[j], index: j });
  return pairs;
}
