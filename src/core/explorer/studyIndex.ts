/**
 * The workspace as Patient → Study → Series → Instance, built from instance summaries and kept
 * up to date one file at a time (a file added, changed or removed), so a file watcher can feed
 * it without rebuilding. Keys are the identifiers the standard uses: Patient ID (with the name
 * when the ID is empty), Study Instance UID, Series Instance UID.
 */
import type { InstanceSummary } from './instanceSummary';
import { orderSeries, type SeriesOrder } from './seriesOrder';

export interface SeriesEntry {
  readonly key: string;
  readonly first: InstanceSummary;
  readonly instances: ReadonlyMap<string, InstanceSummary>;
}

export interface StudyEntry {
  readonly key: string;
  readonly first: InstanceSummary;
  readonly series: ReadonlyMap<string, SeriesEntry>;
}

export interface PatientEntry {
  readonly key: string;
  readonly first: InstanceSummary;
  readonly studies: ReadonlyMap<string, StudyEntry>;
}

interface MutableLevel<T> {
  key: string;
  first: InstanceSummary;
  children: Map<string, T>;
}

type MutableSeries = MutableLevel<InstanceSummary>;
type MutableStudy = MutableLevel<MutableSeries>;
type MutablePatient = MutableLevel<MutableStudy>;

export function patientKey(summary: InstanceSummary): string {
  return summary.patientId !== '' ? `id:${summary.patientId}` : `name:${summary.patientName}`;
}

export class StudyIndex {
  private readonly patients = new Map<string, MutablePatient>();
  private readonly bySource = new Map<string, InstanceSummary>();

  get instanceCount(): number {
    return this.bySource.size;
  }

  get(source: string): InstanceSummary | undefined {
    return this.bySource.get(source);
  }

  /** Adds or replaces the summary of `summary.source`. */
  set(summary: InstanceSummary): void {
    this.delete(summary.source);
    this.bySource.set(summary.source, summary);
    const patient = child(this.patients, patientKey(summary), summary);
    const study = child(patient.children, summary.studyUid, summary);
    const series = child(study.children, summary.seriesUid, summary);
    series.children.set(summary.source, summary);
  }

  delete(source: string): boolean {
    const old = this.bySource.get(source);
    if (!old) return false;
    this.bySource.delete(source);
    const patient = this.patients.get(patientKey(old))!;
    const study = patient.children.get(old.studyUid)!;
    const series = study.children.get(old.seriesUid)!;
    series.children.delete(source);
    if (series.children.size === 0) study.children.delete(old.seriesUid);
    if (study.children.size === 0) patient.children.delete(old.studyUid);
    if (patient.children.size === 0) this.patients.delete(patientKey(old));
    // A level described by the file that left is described by one that stays.
    for (const level of [series, study, patient] as MutableLevel<unknown>[]) {
      if (level.first.source === source && level.children.size > 0) level.first = firstInstance(level);
    }
    return true;
  }

  /** Deletes every summary whose source starts with `prefix` (a folder removed). */
  deleteUnder(prefix: string): number {
    const gone = [...this.bySource.keys()].filter((source) => source.startsWith(prefix));
    gone.forEach((source) => this.delete(source));
    return gone.length;
  }

  patientList(): PatientEntry[] {
    return [...this.patients.values()].sort((a, b) => a.first.patientName.localeCompare(b.first.patientName) || a.key.localeCompare(b.key)).map(asPatient);
  }

  /** Instances of one series in stepping order. */
  seriesOrder(seriesUid: string): SeriesOrder | null {
    for (const patient of this.patients.values()) {
      for (const study of patient.children.values()) {
        const series = study.children.get(seriesUid);
        if (series) return orderSeries([...series.children.values()]);
      }
    }
    return null;
  }

  /** The file holding the instance with this SOP Instance UID (the first indexed when several do). */
  findInstance(sopInstanceUid: string): InstanceSummary | undefined {
    for (const summary of this.bySource.values()) {
      if (summary.sopInstanceUid === sopInstanceUid) return summary;
    }
    return undefined;
  }

  all(): InstanceSummary[] {
    return [...this.bySource.values()];
  }
}

function firstInstance(level: MutableLevel<unknown>): InstanceSummary {
  const first = level.children.values().next().value as InstanceSummary | MutableLevel<unknown>;
  return 'children' in first ? first.first : first;
}

function child<T>(map: Map<string, MutableLevel<T>>, key: string, summary: InstanceSummary): MutableLevel<T> {
  let level = map.get(key);
  if (!level) {
    level = { key, first: summary, children: new Map() };
    map.set(key, level);
  }
  return level;
}

function asSeries(series: MutableSeries): SeriesEntry {
  return { key: series.key, first: series.first, instances: series.children };
}

function asStudy(study: MutableStudy): StudyEntry {
  const series = new Map([...study.children.values()]
    .sort((a, b) => (a.first.seriesNumber ?? Infinity) - (b.first.seriesNumber ?? Infinity) || a.key.localeCompare(b.key))
    .map((s) => [s.key, asSeries(s)]));
  return { key: study.key, first: study.first, series };
}

function asPatient(patient: MutablePatient): PatientEntry {
  const studies = new Map([...patient.children.values()]
    .sort((a, b) => (a.first.studyDate + a.first.studyTime).localeCompare(b.first.studyDate + b.first.studyTime) || a.key.localeCompare(b.key))
    .map((s) => [s.key, asStudy(s)]));
  return { key: patient.key, first: patient.first, studies };
}
