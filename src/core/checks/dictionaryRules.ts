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
import { elementPath, walkElements, type ElementPlace } from './walk';

/** VRs whose VM is 1 by definition (one opaque value), whatever the byte count. */
const SINGLE_VALUE_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN', 'LT', 'ST', 'UT', 'UR', 'SQ']);

/** One form of a VM: counts from `min` to `max` (Infinity for "n") in steps of `step`. */
interface VmForm {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Parsed VMs by text: the dictionary has a few dozen distinct ones. Null: a form not understood. */
const vmForms = new Map<string, readonly VmForm[] | null>();

function parseVm(vm: string): readonly VmForm[] | null {
  const forms: VmForm[] = [];
  for (const form of vm.split(/\s+or\s+/)) {
    const match = /^(\d+)(?:-(\d*)(n?))?$/.exec(form.trim());
    if (!match) return null;
    const min = Number(match[1]);
    if (match[2] === undefined) forms.push({ min, max: min, step: 1 });
    // "2-2n": 2, 4, 6 ...; "1-n": 1 and up.
    else if (match[3] === 'n') forms.push({ min, max: Infinity, step: match[2] === '' ? 1 : Number(match[2]) });
    else forms.push({ min, max: Number(match[2]), step: 1 });
  }
  return forms;
}

/** Whether `count` values fit a dictionary VM such as "1", "1-3", "1-n", "2-2n", "3-3n". */
export function vmAllows(vm: string, count: number): boolean {
  let forms = vmForms.get(vm);
  if (forms === undefined) {
    forms = parseVm(vm);
    vmForms.set(vm, forms);
  }
  if (forms === null) return true;
  return forms.some((form) => count >= form.min && count <= form.max && (form.step === 1 || count % form.step === 0));
}

function checkElement(element: DicomElement, parentPath: string, report: Report): void {
  if (element.group % 2 === 1 || element.element === 0 || element.group === 0xfffe) return;
  const entry = lookupTag(element.group * 0x10000 + element.element);
  if (!entry || entry.vr === 'NONE') return;
  if (element.explicitVr && element.vr !== 'UN' && entry.vr !== element.vr && !entry.vr.split(/\s+or\s+/).includes(element.vr)) {
    report(elementIssue('vr-mismatch', 'error', element, elementPath(parentPath, element.tag), `VR ${element.vr}, the dictionary says ${entry.vr}`));
    return;
  }
  if (element.vm === 0 || SINGLE_VALUE_VRS.has(element.vr) || element.bulk) return;
  if (!vmAllows(entry.vm, element.vm)) {
    report(elementIssue('vm-mismatch', 'error', element, elementPath(parentPath, element.tag), `${element.vm} values, the dictionary's VM is ${entry.vm}`));
  }
}

export function checkDictionary(file: DicomFile, report: Report): void {
  const visit = (element: DicomElement, { parentPath }: ElementPlace) => checkElement(element, parentPath, report);
  walkElements(file.meta, visit);
  walkElements(file.dataSet, visit);
}
