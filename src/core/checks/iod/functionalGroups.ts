/**
 * Functional group macros of multi-frame IODs (PS3.3 C.7.6.16): each macro the IOD requires
 * puts its sequence either in the Shared Functional Groups Sequence item or in every item of
 * the Per-Frame Functional Groups Sequence.
 *
 * A macro required "if Image Type value 1 is ORIGINAL or MIXED" is checked against Image Type;
 * when Image Type is absent the condition cannot be evaluated, so its absence is a warning.
 * Other conditional macros are not checked. Code: `type1-missing`.
 */
import type { DicomElement, DicomFile } from '../../model';
import { missingIssue } from '../report';
import { elementPath, itemPath } from '../walk';
import type { IodRow } from './tables';

const SHARED = '52009229';
const PER_FRAME = '52009230';
const IMAGE_TYPE = '00080008';

/** True, false, or null when Image Type is absent or empty (the condition cannot be evaluated). */
function originalOrMixed(dataSet: readonly DicomElement[]): boolean | null {
  const value = dataSet.find((element) => element.tag === IMAGE_TYPE)?.value;
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string' || first === '') return null;
  return first === 'ORIGINAL' || first === 'MIXED';
}

export function checkFunctionalGroups(file: DicomFile, iod: IodRow, add: (issue: ReturnType<typeof missingIssue>) => void): void {
  if (!iod.functionalGroups) return;
  const shared = file.dataSet.find((element) => element.tag === SHARED);
  const perFrame = file.dataSet.find((element) => element.tag === PER_FRAME);
  const sharedItem = shared?.items?.[0] ?? null;
  const frames = perFrame?.items ?? [];
  const condition = originalOrMixed(file.dataSet);
  for (const [tag, usage, macro] of iod.functionalGroups) {
    if (usage === 'original' && condition === false) continue;
    if (sharedItem?.elements.some((element) => element.tag === tag)) continue;
    if (frames.length > 0 && frames.every((item) => item.elements.some((element) => element.tag === tag))) continue;
    const severity = usage === 'original' && condition === null ? 'warning' : 'error';
    const why = usage === 'original'
      ? (condition === null ? ' (required if Image Type value 1 is ORIGINAL or MIXED; Image Type is absent)' : ' (Image Type value 1 is ORIGINAL or MIXED)')
      : '';
    add(missingIssue('type1-missing', severity, tag, elementPath(itemPath(SHARED, 0), tag),
      { item: sharedItem, dataSetOffset: file.dataSetOffset },
      `(sequence of the ${macro} functional group macro${why}) is in neither the Shared Functional Groups Sequence nor every Per-Frame Functional Groups item, so it is missing`));
  }
}
