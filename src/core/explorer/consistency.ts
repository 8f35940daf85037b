/**
 * Consistency across files, as dicom3tools' dcentvfy checks it: files that name the same
 * patient, study or series must agree on that entity's attributes (PS3.3's Patient, General
 * Study and General Series modules), and one SOP Instance UID must not name two different
 * contents. Each file whose value differs from the one most files of the entity have gets an
 * issue at the offset of its element, naming a file that has the usual value.
 */
import type { Issue } from '../model';
import { tagText } from '../format/presentation';
import type { InstanceSummary } from './instanceSummary';

export interface ConsistencyIssue extends Issue {
  /** The file the issue is about (InstanceSummary.source). */
  readonly source: string;
  /** A file of the same entity that has the usual value (or the other content). */
  readonly other: string;
}

type Field = readonly [tag: string, keyword: string, read: (summary: InstanceSummary) => string];

interface EntityRule {
  readonly entity: 'Patient' | 'Study' | 'Series';
  readonly code: string;
  readonly key: (summary: InstanceSummary) => string;
  readonly keyName: string;
  readonly fields: readonly Field[];
}

const RULES: readonly EntityRule[] = [
  {
    entity: 'Patient', code: 'patient-attributes-differ', keyName: 'Patient ID', key: (s) => s.patientId,
    fields: [['00100010', 'PatientName', (s) => s.patientName], ['00100030', 'PatientBirthDate', (s) => s.birthDate], ['00100040', 'PatientSex', (s) => s.sex]],
  },
  {
    entity: 'Study', code: 'study-attributes-differ', keyName: 'Study Instance UID', key: (s) => s.studyUid,
    fields: [
      ['00100020', 'PatientID', (s) => s.patientId], ['00080020', 'StudyDate', (s) => s.studyDate], ['00080030', 'StudyTime', (s) => s.studyTime],
      ['00081030', 'StudyDescription', (s) => s.studyDescription], ['00080050', 'AccessionNumber', (s) => s.accessionNumber],
    ],
  },
  {
    entity: 'Series', code: 'series-attributes-differ', keyName: 'Series Instance UID', key: (s) => s.seriesUid,
    fields: [
      ['0020000D', 'StudyInstanceUID', (s) => s.studyUid], ['00080060', 'Modality', (s) => s.modality],
      ['00200011', 'SeriesNumber', (s) => (s.seriesNumber === null ? '' : String(s.seriesNumber))], ['0008103E', 'SeriesDescription', (s) => s.seriesDescription],
    ],
  },
];

/**
 * `contentOf` gives a digest of a file's content (the caller hashes the bytes), or null when the
 * file cannot be read any more (it is then not compared); without it, duplicate SOP Instance
 * UIDs are compared by size only.
 */
export function checkConsistency(instances: readonly InstanceSummary[], contentOf: (summary: InstanceSummary) => string | null = (s) => String(s.size)): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  for (const rule of RULES) {
    for (const [key, group] of groupBy(instances, rule.key)) {
      if (key === '' || group.length < 2) continue;
      for (const [tag, keyword, read] of rule.fields) {
        const usual = mostCommon(group.map(read));
        const holder = group.find((s) => read(s) === usual)!;
        for (const summary of group) {
          const value = read(summary);
          if (value === usual) continue;
          issues.push({
            code: rule.code, severity: 'warning', offset: summary.offsets[tag] ?? null, path: tag, tag, keyword,
            source: summary.source, other: holder.source,
            message: `${keyword} ${tagText({ tag })} is "${value}" here but "${usual}" in ${holder.source} (same ${rule.keyName} ${key})`,
          });
        }
      }
    }
  }
  for (const [uid, group] of groupBy(instances, (s) => s.sopInstanceUid)) {
    if (uid === '' || group.length < 2) continue;
    const first = group[0];
    const firstContent = contentOf(first);
    if (firstContent === null) continue;
    for (const summary of group.slice(1)) {
      const content = contentOf(summary);
      if (content === null || content === firstContent) continue;
      issues.push({
        code: 'duplicate-sop-instance-uid', severity: 'error', offset: summary.offsets['00080018'] ?? null, path: '00080018', tag: '00080018', keyword: 'SOPInstanceUID',
        source: summary.source, other: first.source,
        message: `SOP Instance UID ${uid} also names ${first.source}, whose content differs`,
      });
    }
  }
  return issues;
}

function groupBy(instances: readonly InstanceSummary[], key: (summary: InstanceSummary) => string): Map<string, InstanceSummary[]> {
  const groups = new Map<string, InstanceSummary[]>();
  for (const instance of instances) {
    const k = key(instance);
    const group = groups.get(k);
    if (group) group.push(instance);
    else groups.set(k, [instance]);
  }
  return groups;
}

/** The value most files have; ties go to the value seen first, so results are stable. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0];
  for (const [value, count] of counts) if (count > counts.get(best)!) best = value;
  return best;
}
