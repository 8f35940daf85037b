/**
 * Element paths: the selector text that names one element of a data set, such as
 * `SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness`.
 * `parseSelector(formatElementPath(steps))` resolves back to the same element.
 */
import type { DicomElement } from '../model';
import { tagForKeyword } from '../dictionary/dataDictionary';
import { formatSelector, tagHex, type SelectorStep } from './selector';

/** One step from a data set down to an element: the element, and for every step but the
 *  last, which of its items the next element lives in. */
export interface ElementPathStep {
  readonly element: DicomElement;
  readonly itemIndex?: number;
}

/**
 * A keyword is used only when the dictionary maps it back to this very tag: private tags
 * (keywords are not unique across creators) and repeating groups such as overlays 60xx
 * (one keyword for many groups) are written as tags.
 */
function keywordIsUnambiguous(element: DicomElement): boolean {
  if (element.keyword === null || element.keyword === '' || element.group % 2 === 1) return false;
  const tag = tagForKeyword(element.keyword);
  return tag !== undefined && tagHex(tag) === element.tag;
}

/** The selector step that names `element` within its own level. */
export function stepFor(element: DicomElement, item: number | null): SelectorStep {
  return keywordIsUnambiguous(element)
    ? { tag: element.tag, keyword: element.keyword, item }
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
