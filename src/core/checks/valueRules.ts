/**
 * Rule family "values" (PS3.5 6.2): every text value against the format, the length and the
 * character repertoire of its VR. Binary values whose length does not fit their VR are
 * reported by the reader (code `value-invalid-for-vr` too), so they are not checked twice.
 *
 * Codes: `value-invalid-for-vr` (format or length), `character-outside-repertoire` (a
 * character the declared Specific Character Set does not have).
 */
import type { DicomElement, DicomFile, ElementValue } from '../model';
import { DEFAULT_REPERTOIRE_VRS, FORMAT_RULES, MAX_LENGTH } from './vrFormats';
import { elementIssue, type Report } from './report';
import { elementPath, walkElements, type ElementPlace } from './walk';

/**
 * The text values of an element, read where they are: a value may hold millions of entries, and
 * a filtered copy of them would double the memory validation needs.
 */
function textValueList(value: ElementValue): { readonly count: number; at(index: number): string | undefined } {
  if (typeof value === 'string') return { count: value === '' ? 0 : 1, at: () => value };
  if (!Array.isArray(value)) return { count: 0, at: () => undefined };
  return { count: value.length, at: (index) => { const entry: unknown = value[index]; return typeof entry === 'string' ? entry : undefined; } };
}

/** The first character above 0x7E (outside ISO 646), as text for the message, if any. */
function outsideDefaultRepertoire(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e) return `U+${text.codePointAt(i)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);
}

function checkElement(element: DicomElement, parentPath: string, defaultCharacterSet: boolean, report: Report): void {
  const rule = FORMAT_RULES[element.vr];
  if (!rule && !DEFAULT_REPERTOIRE_VRS.has(element.vr)) return;
  const values = textValueList(element.value);
  for (let index = 0; index < values.count; index++) {
    const text = values.at(index);
    if (text === undefined || text === '') continue;
    const which = (n: number) => (values.count > 1 ? `value ${n + 1} ` : 'value ');
    const outside = outsideDefaultRepertoire(text);
    if (outside && (defaultCharacterSet || DEFAULT_REPERTOIRE_VRS.has(element.vr))) {
      const repertoire = DEFAULT_REPERTOIRE_VRS.has(element.vr) ? `VR ${element.vr}, which uses the default repertoire` : 'the default repertoire (no Specific Character Set)';
      report(elementIssue('character-outside-repertoire', 'error', element, elementPath(parentPath, element.tag), `${which(index)}${quoted(text)} holds ${outside}, outside ${repertoire}`));
      return;
    }
    // The decoder puts U+FFFD where bytes are not a character of the declared set (bad UTF-8,
    // a byte a GB18030 or ISO 2022 set does not define).
    if (outside && text.includes('\uFFFD')) {
      report(elementIssue('character-outside-repertoire', 'error', element, elementPath(parentPath, element.tag), `${which(index)}${quoted(text)} holds bytes that are not characters of the declared Specific Character Set`));
      return;
    }
    const max = MAX_LENGTH[element.vr];
    if (max !== undefined && element.vr !== 'PN' && text.length > max) {
      report(elementIssue('value-invalid-for-vr', 'error', element, elementPath(parentPath, element.tag), `${which(index)}${quoted(text)} is ${text.length} characters long; VR ${element.vr} allows ${max}`));
      return;
    }
    const problem = rule?.(text);
    if (problem) {
      report(elementIssue('value-invalid-for-vr', 'error', element, elementPath(parentPath, element.tag), `${which(index)}${quoted(text)} ${problem} (VR ${element.vr})`));
      return;
    }
  }
}

export function checkValues(file: DicomFile, report: Report): void {
  const defaultCharacterSet = file.characterSet.every((term) => term === '' || term === 'ISO_IR 6');
  const visit = (element: DicomElement, { parentPath }: ElementPlace) => checkElement(element, parentPath, defaultCharacterSet, report);
  walkElements(file.meta, visit);
  walkElements(file.dataSet, visit);
}
