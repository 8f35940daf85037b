/**
 * Sort patterns: the folder layout a sorted copy follows, written as path components with
 * placeholders, for example
 *   {PatientID}/{StudyDate}/{SeriesDescription|SeriesNumber|NA}/{Modality}_{InstanceNumber:04}.dcm
 *
 * A placeholder holds one or more alternatives separated by `|`; the first one with a
 * non-empty value wins. An alternative is an attribute selector (keyword, tag or sequence
 * path, see `core/query/selector.ts`) or a literal: a quoted text ("NA" or 'NA'), or an
 * unquoted last alternative that is not a keyword of the data dictionary (the `NA` above). `:0N` after the
 * alternatives pads the value with zeros to N characters.
 */
import { parseSelector, SelectorSyntaxError, type AttributeSelector } from '../query/selector';

/** The layout of the well-known pydicom sorting script. */
export const DEFAULT_SORT_PATTERN =
  '{PatientID}/{StudyDate}/{StudyDescription}/{SeriesDescription}/{Modality}_{SeriesInstanceUID}_{InstanceNumber}.dcm';

export type PlaceholderTerm =
  | { readonly kind: 'attribute'; readonly selector: AttributeSelector }
  | { readonly kind: 'literal'; readonly text: string };

export interface Placeholder {
  readonly type: 'placeholder';
  readonly terms: readonly PlaceholderTerm[];
  /** Zero padding width, or null. */
  readonly pad: number | null;
}

export interface LiteralPart {
  readonly type: 'literal';
  readonly text: string;
}

export type PatternPart = Placeholder | LiteralPart;

export interface SortPattern {
  readonly text: string;
  /** One entry per path component, folders first, file name last. */
  readonly components: readonly (readonly PatternPart[])[];
  /** Canonical selector texts of every attribute the pattern reads. */
  readonly attributes: readonly string[];
}

export class PatternSyntaxError extends Error {
  constructor(readonly pattern: string, detail: string) {
    super(`Invalid sort pattern "${pattern}": ${detail}`);
    this.name = 'PatternSyntaxError';
  }
}

const PAD = /^0(\d{1,2})$/;

function isSelector(text: string): boolean {
  try {
    parseSelector(text);
    return true;
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return false;
    throw error;
  }
}

function parseTerm(raw: string, last: boolean, multi: boolean, pattern: string): PlaceholderTerm {
  const text = raw.trim();
  const quoted = /^"([^"]*)"$|^'([^']*)'$/.exec(text);
  if (quoted) return { kind: 'literal', text: quoted[1] ?? quoted[2] };
  if (text === '') throw new PatternSyntaxError(pattern, 'a placeholder has an empty alternative');
  // Selectors check keywords against the data dictionary, so a misspelt keyword is an error
  // everywhere except as the last fallback, where a non-attribute word is the default text.
  if (last && multi && !isSelector(text)) return { kind: 'literal', text };
  try {
    return { kind: 'attribute', selector: parseSelector(text) };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) throw new PatternSyntaxError(pattern, error.message);
    throw error;
  }
}

function parsePlaceholder(body: string, pattern: string): Placeholder {
  // The format spec follows the last colon that is outside parentheses: tags hold commas, not colons.
  const colon = body.lastIndexOf(':');
  let pad: number | null = null;
  let terms = body;
  if (colon >= 0) {
    const spec = body.slice(colon + 1).trim();
    const m = PAD.exec(spec);
    if (!m) throw new PatternSyntaxError(pattern, `unknown format "${spec}" (only zero padding such as :04 is supported)`);
    pad = Number(m[1]);
    terms = body.slice(0, colon);
  }
  const raw = terms.split('|');
  return {
    type: 'placeholder',
    terms: raw.map((t, i) => parseTerm(t, i === raw.length - 1, raw.length > 1, pattern)),
    pad,
  };
}

function parseComponent(text: string, pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '}') throw new PatternSyntaxError(pattern, `unmatched "}" in "${text}"`);
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    const close = text.indexOf('}', i);
    if (close < 0) throw new PatternSyntaxError(pattern, `unclosed "{" in "${text}"`);
    if (literal !== '') parts.push({ type: 'literal', text: literal });
    literal = '';
    parts.push(parsePlaceholder(text.slice(i + 1, close), pattern));
    i = close + 1;
  }
  if (literal !== '') parts.push({ type: 'literal', text: literal });
  return parts;
}

/** Splits on `/` and `\` that are outside braces, so a quoted literal may hold neither. */
function splitComponents(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if ((c === '/' || c === '\\') && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

export function parsePattern(pattern: string): SortPattern {
  const text = pattern.trim();
  if (text === '') throw new PatternSyntaxError(pattern, 'it is empty');
  const components = splitComponents(text).map((raw) => {
    if (raw.trim() === '') throw new PatternSyntaxError(pattern, 'it has an empty path component (leading, trailing or doubled "/")');
    if (raw === '.' || raw === '..') throw new PatternSyntaxError(pattern, `"${raw}" is not allowed as a path component`);
    return parseComponent(raw, pattern);
  });
  const attributes = new Set<string>();
  for (const component of components) {
    for (const part of component) {
      if (part.type !== 'placeholder') continue;
      for (const term of part.terms) if (term.kind === 'attribute') attributes.add(term.selector.text);
    }
  }
  if (attributes.size === 0) throw new PatternSyntaxError(pattern, 'it has no placeholder, so every file would get the same name');
  return { text, components, attributes: [...attributes] };
}
