/**
 * Resolves attribute selectors against the element model.
 */
import type { DicomElement } from '../model';
import type { AttributeSelector, SelectorStep } from './selector';

function findStep(elements: readonly DicomElement[], step: SelectorStep): DicomElement | undefined {
  // Numbers, not the tag texts: a CSV row looks for ten tags among a hundred elements, and two
  // equal texts that are different strings are compared character by character.
  const group = parseInt(step.tag.slice(0, 4), 16);
  const number = parseInt(step.tag.slice(4), 16);
  for (const element of elements) if (element.element === number && element.group === group) return element;
  return undefined;
}

/**
 * Every element the selector names, in item order. Empty when any step is missing, when a
 * sequence has fewer items than the index asks for, or when an inner step is not a sequence.
 * Only `[*]` steps can make the result longer than one element.
 */
export function resolveSelector(elements: readonly DicomElement[], selector: AttributeSelector): DicomElement[] {
  let levels: (readonly DicomElement[])[] = [elements];
  const steps = selector.steps;
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    const next: (readonly DicomElement[])[] = [];
    const found: DicomElement[] = [];
    for (const level of levels) {
      const element = findStep(level, step);
      if (element === undefined) continue;
      if (s === steps.length - 1) {
        found.push(element);
        continue;
      }
      const items = element.items ?? [];
      if (step.item === '*') for (const item of items) next.push(item.elements);
      else if (step.item !== null && step.item < items.length) next.push(items[step.item].elements);
    }
    if (s === steps.length - 1) return found;
    levels = next;
  }
  return [];
}

/** The first element the selector names, or undefined. */
export function resolveFirst(elements: readonly DicomElement[], selector: AttributeSelector): DicomElement | undefined {
  return resolveSelector(elements, selector)[0];
}
