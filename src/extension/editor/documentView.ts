/**
 * Turns a parsed file into what the editor page draws: summary, issues and the element count
 * (the element list's rows are asked for by window, see src/extension/elements).
 * Pure (no `vscode`): unit-tested with node:test.
 */
import type { DicomElement, DicomFile, Issue } from '../../core/model';
import type { DocumentView, OffsetFormat, SummaryField } from '../../shared/protocol';
import type { TagTreeOptions } from '../tree/tagNodes';
import { oneLine, rawValueText } from '../../core/format/presentation';
import { elementListOf } from '../elements/elementList';
import { readReport } from '../../core/report/readReport';

const PIXEL_DATA_TAG = '7FE00010';

export interface DocumentViewOptions extends TagTreeOptions {
  readonly offsetFormat: OffsetFormat;
  readonly maxValueLength: number;
  /** The problems to list, as the Problems panel shows them; default the reader's issues. */
  readonly issues?: readonly Issue[];
}

function topLevel(file: DicomFile, keyword: string): DicomElement | undefined {
  return file.dataSet.find((element) => element.keyword === keyword);
}

function text(file: DicomFile, keyword: string): string {
  const element = topLevel(file, keyword);
  return element ? oneLine(rawValueText(element)).trim() : '';
}

function joined(...parts: string[]): string {
  return parts.filter((part) => part.length > 0).join(' · ');
}

export function hasPixelData(file: DicomFile): boolean {
  return file.dataSet.some((element) => element.tag === PIXEL_DATA_TAG);
}

export function summaryFields(file: DicomFile): SummaryField[] {
  const sopClass = topLevel(file, 'SOPClassUID');
  const rows = text(file, 'Rows');
  const columns = text(file, 'Columns');
  const pixels = hasPixelData(file);
  const fields: SummaryField[] = [
    { label: 'Patient', value: joined(text(file, 'PatientName'), text(file, 'PatientID')) },
    { label: 'Study', value: joined(text(file, 'StudyDescription'), text(file, 'StudyDate'), text(file, 'AccessionNumber')) },
    { label: 'Series', value: joined(text(file, 'SeriesNumber'), text(file, 'SeriesDescription')) },
    { label: 'Modality', value: text(file, 'Modality') },
    { label: 'SOP Class', value: sopClass ? sopClass.uidName ?? rawValueText(sopClass) : '' },
    {
      label: 'Transfer Syntax',
      value: file.transferSyntax ? `${file.transferSyntax.name} (${file.transferSyntax.uid})` : 'none (no File Meta Information)',
    },
    { label: 'Dimensions', value: rows && columns ? `${columns} × ${rows}` : '' },
    { label: 'Frames', value: pixels ? text(file, 'NumberOfFrames') || '1' : '' },
    { label: 'Bits', value: joined(text(file, 'BitsAllocated') && `${text(file, 'BitsAllocated')} allocated`, text(file, 'PhotometricInterpretation')) },
  ];
  return fields.filter((field) => field.value.length > 0);
}

export function documentView(fileName: string, file: DicomFile, options: DocumentViewOptions): DocumentView {
  const report = readReport(file);
  return {
    ...(report ? { report } : {}),
    fileName,
    fileSize: file.size,
    summary: summaryFields(file),
    readingStopped: file.issues.some((issue) => issue.severity === 'error'),
    issues: (options.issues ?? file.issues).map((issue) => ({ code: issue.code, severity: issue.severity, offset: issue.offset, message: issue.message })),
    hasPixelData: hasPixelData(file),
    elementCount: elementListOf(file, options).length,
    deflated: file.deflated,
    dataSetOffset: file.dataSetOffset,
    littleEndian: file.transferSyntax?.littleEndian ?? true,
    characterSet: file.characterSet,
    offsetFormat: options.offsetFormat,
    loadError: null,
  };
}

/** The view of a file that could not be read at all. */
export function errorView(fileName: string, error: string, offsetFormat: OffsetFormat): DocumentView {
  return {
    fileName,
    fileSize: 0,
    summary: [],
    issues: [],
    hasPixelData: false,
    elementCount: 0,
    deflated: false,
    dataSetOffset: 0,
    littleEndian: true,
    characterSet: [],
    offsetFormat,
    loadError: error,
  };
}
