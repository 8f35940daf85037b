/**
 * Element paths: the selector text that names one element of a data set, such as
 * `SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness`.
 * `parseSelector(formatElementPath(steps))` resolves back to the same element.
 */
import type { DicomElement } from '../model';
import { formatSelector, type SelectorStep } from './selector';

/** One step from a data set down to an element: the element, and for every step but the
 *  last, which of its items the next element lives in. */
export interface ElementPathStep {
  readonly element: DicomElement;
  readonly itemIndex?: number;
}

/**
 * Repeating groups (curves 50xx, overlays 60xx, pixel data 7Fxx other than 7FE0) share one
 * keyword across many groups, so a keyword would not say which group is meant.
 */
function keywordIsUnambiguous(element: DicomElement): boolean {
  if (element.keyword === null || element.keyword === '') return false;
  if (element.group % 2 === 1) return false; // private: keywords are not unique across creators
  const high = element.group >> 8;
  if (high === 0x50 || high === 0x60) return false;
  if (high === 0x7f && element.group !== 0x7fe0) return false;
  return true;
}

/** The selector step that names `element` within its own level. */
export function stepFor(element: DicomElement, item: number | null): SelectorStep {
  return keywordIsUnambiguous(element)
    ? { tag: null, keyword: element.keyword, item }
    : { tag: element.tag, keyword: null, item };
}

/**
 * Formats a path of elements as selector text: keywords where they name one tag, `(gggg,eeee)`
 * for private and repeating-group tags, `[n]` item indexes between sequence steps.
 */
export function formatElementPath(steps: readonly ElementPathStep[]): string {
  return formatSelector(
    steps.map((step, i) => stepFor(step.element, i === steps.length - 1 ? null : step.itemIndex ?? 0)),
  );
}

/**
 * Finds `target` (by identity) in a data set, depth first, and returns the steps leading to
 * it, or null when it is not there. For front ends that hold an element but not its ancestry.
 */
export function findElementPath(elements: readonly DicomElement[], target: DicomElement): ElementPathStep[] | null {
  for (const element of elements) {
    if (element === target) return [{ element }];
    const items = element.items;
    if (!items) continue;
    for (let i = 0; i < items.length; i++) {
      const inner = findElementPath(items[i].elements, target);
      if (inner) return [{ element, itemIndex: i }, ...inner];
    }
  }
  return null;
}
