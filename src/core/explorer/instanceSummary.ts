/**
 * What the DICOM Explorer keeps of one file: the identifying and descriptive attributes of its
 * patient, study, series and instance, and where it sits in its series. A few hundred bytes per
 * file, so an index of a workspace of many thousand files stays small.
 */
import type { DicomFile } from '../model';
import { isDicom } from '../sort/values';
import { joinedTextOf, numberOf, textOf, valuesOf } from '../query/elementValues';

export interface InstanceSummary {
  /** Where the file is (a path or URI string, as the caller names files). */
  readonly source: string;
  readonly size: number;
  readonly patientId: string;
  readonly patientName: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly studyUid: string;
  readonly studyDate: string;
  readonly studyTime: string;
  readonly studyDescription: string;
  readonly accessionNumber: string;
  readonly seriesUid: string;
  readonly seriesNumber: number | null;
  readonly seriesDescription: string;
  readonly modality: string;
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly instanceNumber: number | null;
  /** Image Position (Patient) and Image Orientation (Patient), when the file has them. */
  readonly position: readonly number[] | null;
  readonly orientation: readonly number[] | null;
  readonly frames: number;
  /** Offsets of the elements the summary was read from, by tag, for problems that point at them. */
  readonly offsets: Readonly<Record<string, number>>;
}

/** The last top-level tag a summary needs: readers may stop there. */
export const SUMMARY_LAST_TAG = '00280008';

const SUMMARY_TAGS = new Set([
  '00100020', '00100010', '00100030', '00100040', '0020000D', '00080020', '00080030', '00081030', '00080050',
  '0020000E', '00200011', '0008103E', '00080060', '00080016', '00080018', '00200013', '00200032', '00200037', '00280008',
]);

function numbers(file: DicomFile, tag: string, count: number): number[] | null {
  const values = valuesOf(file.dataSet, tag).map(Number);
  return values.length === count && values.every(Number.isFinite) ? values : null;
}

/** The summary of a DICOM file, or null when the bytes are not DICOM. */
export function summarizeInstance(file: DicomFile, source: string): InstanceSummary | null {
  if (file.notDicom || !isDicom(file)) return null;
  const offsets: Record<string, number> = {};
  for (const element of file.dataSet) if (SUMMARY_TAGS.has(element.tag)) offsets[element.tag] = element.offset;
  const text = (tag: string): string => joinedTextOf(file.dataSet, tag) ?? '';
  return {
    source,
    size: file.size,
    patientId: text('00100020'),
    patientName: text('00100010'),
    birthDate: text('00100030'),
    sex: text('00100040'),
    studyUid: text('0020000D'),
    studyDate: text('00080020'),
    studyTime: text('00080030'),
    studyDescription: text('00081030'),
    accessionNumber: text('00080050'),
    seriesUid: text('0020000E'),
    seriesNumber: numberOf(file.dataSet, '00200011'),
    seriesDescription: text('0008103E'),
    modality: text('00080060'),
    sopClassUid: textOf(file.dataSet, '00080016') ?? textOf(file.meta, '00020002') ?? '',
    sopInstanceUid: textOf(file.dataSet, '00080018') ?? textOf(file.meta, '00020003') ?? '',
    instanceNumber: numberOf(file.dataSet, '00200013'),
    position: numbers(file, '00200032', 3),
    orientation: numbers(file, '00200037', 6),
    frames: numberOf(file.dataSet, '00280008') ?? 1,
    offsets,
  };
}
