/**
 * Rule family "file meta" (PS3.10 7.1): the File Meta Information group's required elements,
 * and the SOP Class and Instance it names against those of the data set.
 *
 * Codes: `meta-element-missing`, `meta-sop-class-mismatch`, `meta-sop-instance-mismatch`.
 */
import type { DicomElement, DicomFile } from '../model';
import { elementIssue, missingIssue, type Report } from './report';

/** Type 1 elements of the File Meta Information (PS3.10 Table 7.1-1). Transfer Syntax UID is
 * left to the reader, which reports it as `missing-transfer-syntax`. */
const REQUIRED_META = ['00020000', '00020001', '00020002', '00020003', '00020012'];

const PAIRS = [
  { meta: '00020002', dataSet: '00080016', code: 'meta-sop-class-mismatch', what: 'Media Storage SOP Class UID' },
  { meta: '00020003', dataSet: '00080018', code: 'meta-sop-instance-mismatch', what: 'Media Storage SOP Instance UID' },
] as const;

function find(elements: readonly DicomElement[], tag: string): DicomElement | undefined {
  return elements.find((element) => element.tag === tag);
}

export function checkFileMeta(file: DicomFile, report: Report): void {
  // A raw data set has no meta group to check (the reader says so with `raw-data-set`).
  if (file.notDicom || file.meta.length === 0) return;
  const where = { item: null, dataSetOffset: file.meta[0].offset };
  for (const tag of REQUIRED_META) {
    if (!find(file.meta, tag)) report(missingIssue('meta-element-missing', 'error', tag, tag, where, 'is missing from the File Meta Information'));
  }
  for (const pair of PAIRS) {
    const meta = find(file.meta, pair.meta);
    const dataSet = find(file.dataSet, pair.dataSet);
    if (!meta || !dataSet || typeof meta.value !== 'string' || typeof dataSet.value !== 'string') continue;
    if (meta.value !== dataSet.value) {
      report(elementIssue(pair.code, 'error', meta, pair.meta, `${pair.what} ${meta.value} differs from ${dataSet.keyword} ${dataSet.value} at the data set's ${dataSet.tag}`));
    }
  }
}
