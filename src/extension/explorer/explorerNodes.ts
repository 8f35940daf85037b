/**
 * The nodes of the DICOM Explorer: patients, their studies, series and instances, with the
 * counts, modality, dates and descriptions a user picks a series by. Plain data (no `vscode`).
 */
import type { InstanceSummary } from '../../core/explorer/instanceSummary';
import type { PatientEntry, SeriesEntry, StudyEntry, StudyIndex } from '../../core/explorer/studyIndex';
import { dateText } from '../../core/format/presentation';

export type ExplorerNodeKind = 'patient' | 'study' | 'series' | 'instance';

export interface ExplorerNode {
  readonly kind: ExplorerNodeKind;
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  /** The Series Instance UID, for a series node. */
  readonly seriesUid?: string;
  /** Every file under the node (one for an instance), in display order. */
  readonly sources: () => readonly string[];
  readonly children: () => readonly ExplorerNode[];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function megabytes(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function fileName(source: string): string {
  return decodeURIComponent(source.slice(source.lastIndexOf('/') + 1));
}

function seriesSources(series: SeriesEntry, index: StudyIndex): string[] {
  return (index.seriesOrder(series.key)?.instances ?? [...series.instances.values()]).map((s) => s.source);
}

export function patientNodes(index: StudyIndex): ExplorerNode[] {
  return index.patientList().map((patient) => patientNode(patient, index));
}

function patientNode(patient: PatientEntry, index: StudyIndex): ExplorerNode {
  const first = patient.first;
  const studies = [...patient.studies.values()];
  const instances = studies.flatMap((study) => [...study.series.values()].flatMap((series) => [...series.instances.values()]));
  return {
    kind: 'patient',
    id: `patient/${patient.key}`,
    label: first.patientName || '(no name)',
    description: [first.patientId && `ID ${first.patientId}`, plural(studies.length, 'study', 'studies')].filter(Boolean).join('  '),
    tooltip: [`Patient ${first.patientName}`, `Patient ID: ${first.patientId}`, first.birthDate && `Birth date: ${dateText(first.birthDate)}`, first.sex && `Sex: ${first.sex}`,
      `${plural(instances.length, 'file')}, ${megabytes(instances.reduce((sum, s) => sum + s.size, 0))}`].filter(Boolean).join('\n'),
    sources: () => studies.flatMap((study) => [...study.series.values()].flatMap((series) => seriesSources(series, index))),
    children: () => studies.map((study) => studyNode(study, index)),
  };
}

function studyNode(study: StudyEntry, index: StudyIndex): ExplorerNode {
  const first = study.first;
  const series = [...study.series.values()];
  const modalities = [...new Set(series.map((s) => s.first.modality).filter(Boolean))].join('/');
  return {
    kind: 'study',
    id: `study/${study.key}`,
    label: [dateText(first.studyDate), first.studyDescription].filter(Boolean).join('  ') || '(no date or description)',
    description: [modalities, plural(series.length, 'series', 'series')].filter(Boolean).join('  '),
    tooltip: [`Study Instance UID: ${study.key}`, first.accessionNumber && `Accession number: ${first.accessionNumber}`, first.studyTime && `Study time: ${first.studyTime}`].filter(Boolean).join('\n'),
    sources: () => series.flatMap((s) => seriesSources(s, index)),
    children: () => series.map((s) => seriesNode(s, index)),
  };
}

/** A series as the Explorer names it: "#3 CT Chest". */
export function seriesLabel(first: InstanceSummary): string {
  return [first.seriesNumber !== null ? `#${first.seriesNumber}` : null, first.modality, first.seriesDescription].filter(Boolean).join(' ') || '(series)';
}

function seriesNode(series: SeriesEntry, index: StudyIndex): ExplorerNode {
  const first = series.first;
  const order = index.seriesOrder(series.key);
  const instances = order?.instances ?? [...series.instances.values()];
  const frames = instances.reduce((sum, s) => sum + s.frames, 0);
  const orderedBy = order?.by === 'position' ? 'position along the slice normal' : order?.by === 'instanceNumber' ? 'Instance Number' : 'file name';
  return {
    kind: 'series',
    id: `series/${series.key}`,
    seriesUid: series.key,
    label: seriesLabel(first),
    description: `${plural(instances.length, 'instance')}${frames > instances.length ? `, ${frames} frames` : ''}`,
    tooltip: [`Series Instance UID: ${series.key}`, `Ordered by ${orderedBy}`, megabytes(instances.reduce((sum, s) => sum + s.size, 0))].join('\n'),
    sources: () => instances.map((s) => s.source),
    children: () => instances.map((instance) => instanceNode(instance)),
  };
}

function instanceNode(instance: InstanceSummary): ExplorerNode {
  return {
    kind: 'instance',
    id: `instance/${instance.source}`,
    label: fileName(instance.source),
    description: [instance.instanceNumber !== null ? `#${instance.instanceNumber}` : null, instance.frames > 1 ? `${instance.frames} frames` : null].filter(Boolean).join('  '),
    tooltip: [`SOP Instance UID: ${instance.sopInstanceUid}`, instance.position ? `Image position: ${instance.position.join(', ')}` : null, megabytes(instance.size)].filter(Boolean).join('\n'),
    sources: () => [instance.source],
    children: () => [],
  };
}
