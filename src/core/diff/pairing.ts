import type { DicomElement, DicomItem } from '../model';
import { valueText } from '../format/presentation';

/** Two nodes found at the same place in both files; either side missing means added/removed. */
export interface Pair<T> {
  readonly a: T | undefined;
  readonly b: T | undefined;
  /** Position of `a` in its list (of `b` when `a` is missing), used in paths. */
  readonly index: number;
}

/** Tag as an unsigned number: numeric order is the order of the eight-hex-digit tags. */
function tagOf(element: DicomElement): number {
  return element.group * 0x10000 + element.element;
}

/**
 * The elements `keep` accepts, in tag order; elements of one tag stay in file order. A data set
 * is mostly in tag order already (the standard asks for it), so it is only checked, not sorted.
 */
function inTagOrder(list: readonly DicomElement[], keep: (element: DicomElement) => boolean): readonly DicomElement[] {
  let sorted = true;
  let all = true;
  for (let i = 0; i < list.length; i++) {
    if (all && !keep(list[i])) all = false;
    if (sorted && i > 0 && tagOf(list[i - 1]) > tagOf(list[i])) sorted = false;
  }
  // The common case (nothing left out, in order) is the list itself: no copy of millions of elements.
  if (all && sorted) return list;
  const kept = list.filter(keep);
  return sorted ? kept : kept.sort((x, y) => tagOf(x) - tagOf(y));
}

/**
 * Pairs the elements of two lists by tag, in tag order, leaving out those `keep` refuses. A tag
 * that occurs twice (bad files do that) pairs its n-th occurrence on one side with the n-th on
 * the other. Pairs are made as they are taken, by one walk along both lists in tag order:
 * nothing is built per tag, so lists of millions of elements cost two sorted lists.
 */
export function* pairElements(a: readonly DicomElement[], b: readonly DicomElement[], keep: (element: DicomElement) => boolean = () => true): Generator<Pair<DicomElement>> {
  const x = inTagOrder(a, keep);
  const y = inTagOrder(b, keep);
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const tag = j >= y.length || (i < x.length && tagOf(x[i]) <= tagOf(y[j])) ? tagOf(x[i]) : tagOf(y[j]);
    let xEnd = i;
    while (xEnd < x.length && tagOf(x[xEnd]) === tag) xEnd++;
    let yEnd = j;
    while (yEnd < y.length && tagOf(y[yEnd]) === tag) yEnd++;
    for (let n = 0; n < Math.max(xEnd - i, yEnd - j); n++) {
      yield { a: i + n < xEnd ? x[i + n] : undefined, b: j + n < yEnd ? y[j + n] : undefined, index: n };
    }
    i = xEnd;
    j = yEnd;
  }
}

/** Pairs sequence items by position. */
export function* pairItemsByPosition(a: readonly DicomItem[], b: readonly DicomItem[]): Generator<Pair<DicomItem>> {
  for (let i = 0; i < Math.max(a.length, b.length); i++) yield { a: a[i], b: b[i], index: i };
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
  // Positions in b of each key, taken from `next` on: items sharing one key cost no copying.
  const unusedB = new Map<string, { readonly positions: number[]; next: number }>();
  bKeys.forEach((key, i) => {
    const entry = unusedB.get(key);
    if (entry) entry.positions.push(i);
    else unusedB.set(key, { positions: [i], next: 0 });
  });
  const pairs: Pair<DicomItem>[] = [];
  aKeys.forEach((key, i) => {
    const entry = unusedB.get(key);
    const j = entry && entry.next < entry.positions.length ? entry.positions[entry.next++] : undefined;
    pairs.push({ a: a[i], b: j === undefined ? undefined : b[j], index: i });
  });
  for (const { positions, next } of unusedB.values()) for (let k = next; k < positions.length; k++) pairs.push({ a: undefined, b: b[positions[k]], index: positions[k] });
  return pairs;
}
