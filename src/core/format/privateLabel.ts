/**
 * How a private element is named wherever a label is shown (tree, dump, CSV headings): its
 * creator in brackets, then the private dictionary's name when there is one, as dcmdump and
 * pydicom show them: "[GEMS_IDEN_01] Full fidelity".
 */
import type { DicomElement } from '../model';
import { formatTag } from './formatValue';

type Named = Pick<DicomElement, 'privateCreator' | 'name'>;

/** "[GEMS_IDEN_01] Full fidelity", "[GEMS_IDEN_01]" when unnamed, or null without a creator. */
export function privateLabel(element: Named): string | null {
  if (element.privateCreator === undefined) return null;
  return element.name ? `[${element.privateCreator}] ${element.name}` : `[${element.privateCreator}]`;
}

/** "(0009,1001) [GEMS_IDEN_01] Full fidelity", or null without a creator. */
export function privateHeading(element: Named & Pick<DicomElement, 'tag'>): string | null {
  const label = privateLabel(element);
  return label === null ? null : `${formatTag(element)} ${label}`;
}
