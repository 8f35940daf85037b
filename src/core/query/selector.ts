/**
 * Attribute selectors: the text a user types to name an attribute, shared by the CSV
 * export (`--tags`), the sort pattern and the extension's Copy Path.
 *
 * Grammar (steps joined by `.`):
 *   step     = (keyword | tag) [ "[" index "]" ]
 *   keyword  = a data dictionary keyword such as `SliceThickness` (checked when parsed)
 *   tag      = `(0018,9345)`, `0018,9345` or `00189345` (hex, any case); private tags by tag
 *   index    = a zero-based item number, or `*` for every item
 * Every step but the last names a sequence; its index picks the item(s) to descend into and
 * defaults to `0` when omitted. The last step names the attribute itself and takes no index.
 *
 * Example: `SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness`.
 */

export interface SelectorStep {
  /** Eight upper-case hex digits; for a keyword, the tag the data dictionary gives it. */
  readonly tag: string;
  /** The keyword when the step was written as a keyword (it is then printed as one). */
  readonly keyword: string | null;
  /** Item index for sequence steps: a number, `'*'` for all items; null on the last step. */
  readonly item: number | '*' | null;
}

export interface AttributeSelector {
  /** The selector in its canonical spelling (what `formatSelector` prints). */
  readonly text: string;
  /** The selector as it was written (trimmed), e.g. `00189345` where `text` is `(0018,9345)`. */
  readonly source: string;
  readonly steps: readonly SelectorStep[];
}

export class SelectorSyntaxError extends Error {
  constructor(readonly input: string, detail: string) {
    super(`Invalid attribute selector "${input}": ${detail}`);
    this.name = 'SelectorSyntaxError';
  }
}

import { tagText } from '../format/presentation';
import { tagForKeyword } from '../dictionary/dataDictionary';

/** A tag number as eight upper-case hex digits, the spelling of `DicomElement.tag`. */
export function tagHex(tag: number): string {
  return (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

const STEP = /^(?:\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)|([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})|([0-9A-Fa-f]{8})|([A-Za-z][A-Za-z0-9_]*))(?:\[(\d{1,9}|\*)\])?$/;

/** Splits on dots that are not inside parentheses (tags never hold dots, but be strict). */
function splitSteps(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '.' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseStep(raw: string, input: string, last: boolean): SelectorStep {
  const m = STEP.exec(raw.trim());
  if (!m) throw new SelectorSyntaxError(input, `"${raw}" is neither a keyword nor a tag like (0018,9345)`);
  const hex = m[1] !== undefined ? m[1] + m[2] : m[3] !== undefined ? m[3] + m[4] : m[5];
  const indexText = m[7];
  if (last && indexText !== undefined) {
    throw new SelectorSyntaxError(input, `the last step "${raw}" names an attribute and takes no item index`);
  }
  const item: number | '*' | null = last ? null : indexText === undefined ? 0 : indexText === '*' ? '*' : Number(indexText);
  if (hex !== undefined) return { tag: hex.toUpperCase(), keyword: null, item };
  const tag = tagForKeyword(m[6]);
  if (tag === undefined) throw new SelectorSyntaxError(input, `"${m[6]}" is not a keyword of the data dictionary (write private and repeating-group tags as (gggg,eeee))`);
  return { tag: tagHex(tag), keyword: m[6], item };
}

export function parseSelector(input: string): AttributeSelector {
  const trimmed = input.trim();
  if (trimmed === '') throw new SelectorSyntaxError(input, 'it is empty');
  const parts = splitSteps(trimmed);
  const steps = parts.map((part, i) => parseStep(part, input, i === parts.length - 1));
  return { text: formatSelector(steps), source: trimmed, steps };
}

/**
 * Parses a comma-separated list such as `PatientID,(0018,9345),00291010`. Commas inside
 * parentheses belong to tags; a bare `gggg,eeee` tag must be written with parentheses or as
 * eight digits in a list, because the comma would otherwise split it.
 */
export function parseSelectorList(input: string): AttributeSelector[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ',' || c === '\n') && depth === 0) {
      items.push(input.slice(start, i));
      start = i + 1;
    }
  }
  items.push(input.slice(start));
  return items.map((s) => s.trim()).filter((s) => s !== '').map(parseSelector);
}

export function formatSelector(steps: readonly SelectorStep[]): string {
  return steps
    .map((s) => {
      const name = s.keyword ?? tagText(s.tag);
      return s.item === null ? name : `${name}[${s.item}]`;
    })
    .join('.');
}

/**
 * The greatest top-level tag the selectors start from. A data set read up to it (see
 * ParseOptions.stopAfterTag) resolves every selector as a whole read would.
 */
export function lastTopLevelTag(selectors: readonly AttributeSelector[]): string | undefined {
  let last: string | undefined;
  for (const selector of selectors) {
    const first = selector.steps[0]?.tag;
    if (first !== undefined && (last === undefined || first > last)) last = first;
  }
  return last;
}
