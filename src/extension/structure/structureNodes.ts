/**
 * What the "DICOM Structure" view lists for a file that is more than a list of elements: a
 * structured report's content items, or a DICOMDIR's directory records. Plain data (no
 * `vscode`), so the tree provider stays a thin adapter and the tests can check the nodes.
 */
import type { DicomFile } from '../../core/model';
import { offsetText } from '../../core/format/presentation';
import { readDirectory, type DirectoryRecord } from '../../core/dicomdir/readDirectory';
import { readReport } from '../../core/report/readReport';
import type { ContentItem } from '../../core/report/reportModel';
import { codeText, readableValue, valueText } from '../../core/report/reportText';
import { conceptLabel } from '../../core/report/reportLabels';

export type StructureKind = 'report' | 'directory';

export interface StructureNode {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  /** Byte range of the item the node was read from (revealed in the DICOM Tags view on click). */
  readonly offset: number;
  readonly end: number;
  /** For DICOMDIR records: the referenced file ID ("A/B/C"). */
  readonly referencedFile?: string;
  /** For report IMAGE/COMPOSITE/WAVEFORM items: the SOP Instance UID referenced (opened from the workspace). */
  readonly referencedInstance?: string;
  readonly warning?: string;
  readonly children: readonly StructureNode[];
}

export interface Structure {
  readonly kind: StructureKind;
  readonly title: string;
  readonly roots: readonly StructureNode[];
}

export function structureOf(file: DicomFile): Structure | null {
  const report = readReport(file);
  if (report) return { kind: 'report', title: report.documentType, roots: [reportNode(report.root)] };
  const directory = readDirectory(file);
  if (directory) return { kind: 'directory', title: `DICOMDIR: ${directory.recordCount} records`, roots: directory.records.map(recordNode) };
  return null;
}

function reportNode(item: ContentItem): StructureNode {
  const relationship = item.relationship ? `${item.relationship} ` : '';
  const reference = item.value.kind === 'reference' ? item.value.reference : null;
  const tooltip = [
    `${item.position}  ${relationship}${item.valueType ?? ''}`,
    item.concept ? `Concept name: ${codeText(item.concept)}` : null,
    `Value: ${valueText(item.value)}`,
    item.observationDateTime ? `Observation date/time: ${item.observationDateTime}` : null,
    `Item at ${offsetText(item.offset)}${item.path ? ` (${item.path})` : ''}`,
  ].filter((line): line is string => line !== null).join('\n');
  return {
    id: `report/${item.position}`,
    label: conceptLabel(item).text,
    description: [item.valueType, readableValue(item.value)].filter(Boolean).join('  '),
    tooltip,
    offset: item.offset,
    end: item.end,
    ...(reference?.sopInstanceUid ? { referencedInstance: reference.sopInstanceUid } : {}),
    children: item.children.map(reportNode),
  };
}

const RECORD_SUMMARY_KEYS: Record<string, readonly string[]> = {
  PATIENT: ['PatientName', 'PatientID'],
  STUDY: ['StudyDate', 'StudyDescription', 'StudyID'],
  SERIES: ['Modality', 'SeriesNumber', 'SeriesDescription'],
  IMAGE: ['InstanceNumber'],
};

function recordNode(record: DirectoryRecord): StructureNode {
  const summary = (RECORD_SUMMARY_KEYS[record.type] ?? []).map((key) => record.keys[key]).filter(Boolean).join('  ');
  const keys = Object.entries(record.keys).map(([key, value]) => `${key}: ${value}`);
  return {
    id: `directory/${record.offset}`,
    label: `${record.type}${record.inactive ? ' (inactive)' : ''}`,
    description: [summary, record.referencedFile].filter(Boolean).join('  '),
    tooltip: [`${record.type} record at ${offsetText(record.offset)} (${record.path})`, ...keys, record.referencedFile ? `File: ${record.referencedFile}` : null]
      .filter((line): line is string => line !== null).join('\n'),
    offset: record.offset,
    end: record.end,
    ...(record.referencedFile ? { referencedFile: record.referencedFile } : {}),
    children: record.children.map(recordNode),
  };
}
