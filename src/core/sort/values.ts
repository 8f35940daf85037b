/**
 * The attribute values a sort pattern reads, taken from a parsed header and kept as plain
 * strings: 10,000 files' element models are not held in memory at once, only these.
 */
import type { DicomElement, DicomFile } from '../model';
import { parseSelector, type AttributeSelector } from '../query/selector';
import { resolveFirst } from '../query/resolve';
import { PLAN_ATTRIBUTES } from './plan';
import type { AttributeValues } from './render';

export function elementText(element: DicomElement): string | null {
  const value = element.value;
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(String).join('\\');
  return String(value);
}

/**
 * True for a file worth sorting: a Part 10 file (`DICM` at 128), or a bare data set that
 * names its SOP class or instance, which text and image files never parse into.
 */
export function isDicom(file: DicomFile): boolean {
  if (file.prefix !== null) return true;
  return file.dataSet.some((e) => e.tag === '00080016' || e.tag === '00080018');
}

/** Canonical selector texts of everything a plan for `patternAttributes` reads. */
export function attributesToRead(patternAttributes: readonly string[]): string[] {
  return [...new Set([...patternAttributes, ...PLAN_ATTRIBUTES])];
}

/**
 * Snapshot of the named attributes. Each selector is looked up in the data set, then in the
 * file meta group (so `{TransferSyntaxUID}` and `{MediaStorageSOPInstanceUID}` work too).
 */
/** Selectors are parsed once per text, not once per file. */
const parsed = new Map<string, AttributeSelector>();

function selectorFor(text: string): AttributeSelector {
  let selector = parsed.get(text);
  if (!selector) {
    selector = parseSelector(text);
    parsed.set(text, selector);
  }
  return selector;
}

export function snapshotValues(file: DicomFile, selectors: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const text of selectors) {
    const selector = selectorFor(text);
    const element = resolveFirst(file.dataSet, selector) ?? resolveFirst(file.meta, selector);
    out[text] = element ? elementText(element) : null;
  }
  return out;
}

export function valuesFrom(snapshot: Readonly<Record<string, string | null>>): AttributeValues {
  return (selector) => snapshot[selector] ?? null;
}
