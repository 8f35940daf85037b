import type { DicomElement } from '../model';
import type { DiffOptions } from './types';

const DATE_TIME_VRS = new Set(['DA', 'DT', 'TM']);

/** True when the options say this element (and everything inside it) is left out of a comparison. */
export function makeDiffFilter(options: DiffOptions): (element: DicomElement) => boolean {
  const ignored = new Set((options.ignoreTags ?? []).map((tag) => tag.toUpperCase()));
  return (element) =>
    ignored.has(element.tag) ||
    (options.ignoreUids === true && element.vr === 'UI') ||
    (options.ignoreDates === true && DATE_TIME_VRS.has(element.vr)) ||
    (options.ignorePrivate === true && element.group % 2 === 1) ||
    (options.ignoreGroupLengths === true && element.element === 0) ||
    (options.ignoreMeta === true && element.group === 2);
}
