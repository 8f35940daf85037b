/**
 * Rule family "dictionary" (PS3.6 and PS3.5 6.4): a public element's VR and number of values
 * against the data dictionary.
 *
 * Codes: `vr-mismatch` (an explicit VR the dictionary does not give this tag), `vm-mismatch`
 * (a number of values its VM does not allow).
 */
import type { DicomElement, DicomFile } from '../model';
import { lookupTag } from '../dictionary/dataDictionary';
import { elementIssue, type Report } from './report';
import { walkElements } from './walk';

/** VRs whose VM is 1 by definition (one opaque value), whatever the byte count. */
const SINGLE_VALUE_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN', 'LT', 'ST', 'UT', 'UR', 'SQ']);

/** Whether `count` values fit a dictionary VM such as "1", "1-3", "1-n", "2-2n", "3-3n". */
export function vmAllows(vm: string, count: number): boolean {
  for (const form of vm.split(/\s+or\s+/)) {
    const match = /^(\d+)(?:-(\d*)(n?))?$/.exec(form.trim());
    if (!match) return true;
    const min = Number(match[1]);
    if (match[2] === undefined && match[3] === undefined) {
      if (count === min) return true;
      continue;
    }
    if (match[3] === 'n') {
      const step = match[2] === '' ? 1 : Number(match[2]);
      // "2-2n": 2, 4, 6 ...; "1-n" and "2-n": min and up.
      if (count >= min && (match[2] === '' || count % step === 0)) return true;
      continue;
    }
    if (count >= min && count <= Number(match[2])) return true;
  }
  return false;
}

function checkElement(element: DicomElement, path: string, report: Report): void {
  if (element.group % 2 === 1 || element.element === 0 || element.group === 0xfffe) return;
  const entry = lookupTag(element.group * 0x10000 + element.element);
  if (!entry || entry.vr === 'NONE') return;
  const allowed = entry.vr.split(/\s+or\s+/);
  if (element.explicitVr && element.vr !== 'UN' && !allowed.includes(element.vr)) {
    report(elementIssue('vr-mismatch', 'error', element, path, `VR ${element.vr}, the dictionary says ${entry.vr}`));
    return;
  }
  if (element.vm === 0 || SINGLE_VALUE_VRS.has(element.vr) || element.bulk) return;
  if (!vmAllows(entry.vm, element.vm)) {
    report(elementIssue('vm-mismatch', 'error', element, path, `${element.vm} values, the dictionary's VM is ${entry.vm}`));
  }
}

export function checkDictionary(file: DicomFile, report: Report): void {
  const visit = (element: DicomElement, { path }: { path: string }) => checkElement(element, path, report);
  walkElements(file.meta, visit);
  walkElements(file.dataSet, visit);
}
