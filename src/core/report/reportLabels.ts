/**
 * Short labels for content items with their details on hover, shared by the editor's Report
 * tab and the Structure view: the concept name by its code meaning (scheme and code value on
 * hover) and the value as a reader wants it (the full coded form on hover).
 */
import type { CodedConcept, ContentItem } from './reportModel';
import { codeText, readableValue, valueText } from './reportText';

export interface ItemLabel {
  readonly text: string;
  readonly title: string;
  /** True when the item has no concept name although its value type needs one. */
  readonly missing?: boolean;
}

function codeHover(code: CodedConcept): string {
  const version = code.schemeVersion ? ` (version ${code.schemeVersion})` : '';
  return `${code.meaning}\nCode value: ${code.value}\nCoding scheme: ${code.scheme}${version}`;
}

export function conceptLabel(item: ContentItem): ItemLabel {
  if (item.concept) return { text: item.concept.meaning || codeText(item.concept), title: codeHover(item.concept) };
  if (item.referencedPosition !== undefined) {
    return { text: `(by reference to ${item.referencedPosition})`, title: `Refers to content item ${item.referencedPosition} of this document` };
  }
  return { text: '(no concept name)', title: 'The item has no Concept Name Code Sequence (0040,A043)', missing: true };
}

export function valueLabel(item: ContentItem): ItemLabel {
  const value = item.value;
  const text = readableValue(value);
  switch (value.kind) {
    case 'code':
      return { text, title: value.code ? codeHover(value.code) : '' };
    case 'numeric': {
      const unit = value.unit ? `\nUnit: ${codeText(value.unit)}` : '';
      const qualifier = value.qualifier ? `\nQualifier: ${codeText(value.qualifier)}` : '';
      return { text: value.numeric === null && value.qualifier ? value.qualifier.meaning : text, title: `${value.numeric ?? '(no value)'}${unit}${qualifier}` };
    }
    case 'reference': {
      const ref = value.reference;
      if (!ref) return { text: '(no referenced SOP sequence)', title: '' };
      const frames = ref.frames.length > 0 ? `\nFrames: ${ref.frames.join(', ')}` : '';
      return { text, title: `SOP Class: ${ref.sopClassName ?? ''} (${ref.sopClassUid})\nSOP Instance UID: ${ref.sopInstanceUid}${frames}` };
    }
    case 'spatial':
      return { text, title: value.frameOfReferenceUid ? `Frame of Reference UID: ${value.frameOfReferenceUid}` : text };
    default:
      return { text, title: valueText(value) };
  }
}

/** Observation context items (HAS OBS CONTEXT) as "concept: value" lines. */
export function observationLines(items: readonly ContentItem[]): { label: string; title: string; value: string }[] {
  return items.map((item) => {
    const concept = conceptLabel(item);
    return { label: concept.text, title: concept.title, value: valueLabel(item).text };
  });
}
