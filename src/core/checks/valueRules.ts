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
import { walkElements } from './walk';

function textValues(value: ElementValue): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The first character above 0x7E (outside ISO 646), as text for the message, if any. */
function outsideDefaultRepertoire(text: string): string | undefined {
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0x7e) return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);
}

function checkElement(element: DicomElement, path: string, defaultCharacterSet: boolean, report: Report): void {
  const rule = FORMAT_RULES[element.vr];
  if (!rule && !DEFAULT_REPERTOIRE_VRS.has(element.vr)) return;
  const values = textValues(element.value);
  const which = (index: number) => (values.length > 1 ? `value ${index + 1} ` : 'value ');
  for (const [index, text] of values.entries()) {
    if (text === '') continue;
    const outside = outsideDefaultRepertoire(text);
    if (outside && (defaultCharacterSet || DEFAULT_REPERTOIRE_VRS.has(element.vr))) {
      const repertoire = DEFAULT_REPERTOIRE_VRS.has(element.vr) ? `VR ${element.vr}, which uses the default repertoire` : 'the default repertoire (no Specific Character Set)';
      report(elementIssue('character-outside-repertoire', 'error', element, path, `${which(index)}${quoted(text)} holds ${outside}, outside ${repertoire}`));
      return;
    }
    const max = MAX_LENGTH[element.vr];
    if (max !== undefined && element.vr !== 'PN' && text.length > max) {
      report(elementIssue('value-invalid-for-vr', 'error', element, path, `${which(index)}${quoted(text)} is ${text.length} characters long; VR ${element.vr} allows ${max}`));
      return;
    }
    const problem = rule?.(text);
    if (problem) {
      report(elementIssue('value-invalid-for-vr', 'error', element, path, `${which(index)}${quoted(text)} ${problem} (VR ${element.vr})`));
      return;
    }
  }
}

export function checkValues(file: DicomFile, report: Report): void {
  const defaultCharacterSet = file.characterSet.every((term) => term === '' || term === 'ISO_IR 6');
  const visit = (element: DicomElement, { path }: { path: string }) => checkElement(element, path, defaultCharacterSet, report);
  walkElements(file.meta, visit);
  walkElements(file.dataSet, visit);
}
