import type { DicomElement, Issue } from '../model';
import { hex } from './errors';

/**
 * File Meta Information Group Length (0002,0000) must count the bytes of the meta elements
 * after it (PS3.10 7.1). The reader finds the end of the group by its tags, so a wrong length
 * (0xFFFFFFF0, say) harms nothing here, but other readers trust it: it is reported, with the
 * element's offset and what the length should be.
 */
export function checkMetaGroupLength(meta: readonly DicomElement[], dataSetOffset: number, issues: Issue[]): void {
  const groupLength = meta.find((e) => e.tag === '00020000');
  const declared = typeof groupLength?.value === 'number' ? groupLength.value : undefined;
  if (!groupLength || declared === undefined) return;
  const actual = dataSetOffset - groupLength.end;
  if (declared === actual) return;
  issues.push({
    code: 'meta-group-length-mismatch',
    severity: 'warning',
    offset: groupLength.valueOffset,
    end: groupLength.end,
    tag: groupLength.tag,
    keyword: groupLength.keyword ?? undefined,
    message: `File Meta Information Group Length at ${hex(groupLength.offset)} is ${declared} (${hex(declared)}), but the meta elements after it take ${actual} bytes; the group was read by its tags`,
  });
}
