/**
 * Sort planning: where every file of a folder will go, decided before anything is copied, so
 * that the preview and the copy agree and a second run makes the same decisions.
 */
import type { SortPattern } from './pattern';
import { renderTarget, type AttributeValues, type RenderOptions } from './render';

/** Attributes the plan reads for its counts besides those of the pattern. */
export const PLAN_ATTRIBUTES = ['PatientID', 'StudyInstanceUID', 'SeriesInstanceUID', 'SOPInstanceUID'] as const;

export type SortInput =
  | { readonly kind: 'dicom'; readonly source: string; readonly values: AttributeValues }
  /**
   * `unreadable`: the file could not be read at all, so it may be DICOM that was not sorted.
   * `linkTarget`: a symbolic link leading outside the source, not followed (where it leads).
   */
  | { readonly kind: 'skipped'; readonly source: string; readonly reason: string; readonly unreadable?: boolean; readonly linkTarget?: string };

export interface SkippedFile {
  readonly source: string;
  readonly reason: string;
  readonly unreadable: boolean;
  readonly linkTarget?: string;
}

export interface PlannedFile {
  readonly source: string;
  /** Relative target with `/` between components; the plain name the pattern gives. */
  readonly target: string;
  /**
   * Position among the files whose targets are the same name (compared without case, as
   * on Windows and macOS): 0 for the first. Later ones are expected to get `~2`, `~3`… unless
   * their bytes match a file already there; the executor decides from what is on disk.
   */
  readonly rank: number;
  readonly sopInstanceUid: string | null;
}

export interface SortCollision {
  readonly target: string;
  readonly sources: readonly string[];
}

export interface SortPlan {
  readonly pattern: string;
  /** Sorted by target, then source; files sharing a target are adjacent, rank order. */
  readonly files: readonly PlannedFile[];
  readonly skipped: readonly SkippedFile[];
  /** Targets that more than one source maps to. */
  readonly collisions: readonly SortCollision[];
  /** SOP Instance UIDs carried by more than one source file. */
  readonly duplicateSopInstanceUids: readonly { readonly uid: string; readonly sources: readonly string[] }[];
  readonly counts: {
    readonly patients: number;
    readonly studies: number;
    readonly series: number;
    readonly files: number;
    readonly skipped: number;
  };
}

export interface PlanOptions extends RenderOptions {
  /**
   * Names in the destination's top folder that belong to the sort itself (the manifest): a
   * file aimed there gets a suffix, a folder of that name gets a leading `_`.
   */
  readonly reserved?: readonly string[];
}

/** Key under which two targets are the same file on a case-insensitive file system. */
export function targetKey(target: string): string {
  return target.normalize('NFC').toLowerCase();
}

/**
 * The n-th name (n >= 2) for a target whose plain name is taken: `~n` before the extension.
 * `~` is outside the allow-list of `safeName.ts`, so no plain target can look like this.
 */
export function suffixedTarget(target: string, n: number): string {
  if (n < 2) return target;
  const slash = target.lastIndexOf('/');
  const dot = target.lastIndexOf('.');
  if (dot > slash + 1) return `${target.slice(0, dot)}~${n}${target.slice(dot)}`;
  return `${target}~${n}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nonEmpty(text: string | null): string | null {
  const trimmed = text?.replace(/^[\s\0]+|[\s\0]+$/g, '') ?? '';
  return trimmed === '' ? null : trimmed;
}

export function buildSortPlan(inputs: readonly SortInput[], pattern: SortPattern, options: PlanOptions = {}): SortPlan {
  const reserved = new Set((options.reserved ?? []).map(targetKey));
  const patients = new Set<string | null>();
  const studies = new Set<string | null>();
  const series = new Set<string | null>();
  const bySop = new Map<string, string[]>();
  const groups = new Map<string, { target: string; sources: { source: string; sop: string | null }[] }>();
  const skipped: SkippedFile[] = [];

  const ordered = [...inputs].sort((a, b) => compare(a.source, b.source));
  for (const input of ordered) {
    if (input.kind === 'skipped') {
      const entry = { source: input.source, reason: input.reason, unreadable: input.unreadable ?? false };
      skipped.push(input.linkTarget === undefined ? entry : { ...entry, linkTarget: input.linkTarget });
      continue;
    }
    const components = renderTarget(pattern, input.values, options);
    // A folder holding the manifest's name would block the manifest on every run.
    if (components.length > 1 && reserved.has(targetKey(components[0]))) components[0] = `_${components[0]}`;
    const target = components.join('/');
    patients.add(nonEmpty(input.values('PatientID')));
    studies.add(nonEmpty(input.values('StudyInstanceUID')));
    series.add(nonEmpty(input.values('SeriesInstanceUID')));
    const sop = nonEmpty(input.values('SOPInstanceUID'));
    if (sop !== null) bySop.set(sop, [...(bySop.get(sop) ?? []), input.source]);
    const key = targetKey(target);
    const group = groups.get(key);
    // The first spelling wins for the whole group, so case-only differences cannot split it.
    if (group) group.sources.push({ source: input.source, sop });
    else groups.set(key, { target, sources: [{ source: input.source, sop }] });
  }

  const files: PlannedFile[] = [];
  const collisions: SortCollision[] = [];
  const keys = [...groups.keys()].sort(compare);
  for (const key of keys) {
    const group = groups.get(key)!;
    const offset = reserved.has(key) ? 1 : 0;
    group.sources.forEach((s, i) => files.push({ source: s.source, target: group.target, rank: i + offset, sopInstanceUid: s.sop }));
    if (group.sources.length + offset > 1) collisions.push({ target: group.target, sources: group.sources.map((s) => s.source) });
  }
  const duplicateSopInstanceUids = [...bySop.entries()]
    .filter(([, sources]) => sources.length > 1)
    .map(([uid, sources]) => ({ uid, sources }))
    .sort((a, b) => compare(a.uid, b.uid));

  return {
    pattern: pattern.text,
    files,
    skipped,
    collisions,
    duplicateSopInstanceUids,
    counts: { patients: patients.size, studies: studies.size, series: series.size, files: files.length, skipped: skipped.length },
  };
}
