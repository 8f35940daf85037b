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

interface TargetGroup {
  /** The spelling of the group's first source in source order, which wins for the whole group. */
  target: string;
  firstSource: string;
  readonly sources: { readonly source: string; readonly sop: string | null }[];
}

const bySource = (a: { readonly source: string }, b: { readonly source: string }): number => compare(a.source, b.source);

/**
 * Builds a plan one file at a time, in whatever order the files are read: `add` renders the
 * file's target and files it under its group and counts (the costly part, so a scan that
 * yields between files never runs it in one long stretch); `finish` only orders what it holds
 * by source and target, which makes the result the same for any arrival order.
 */
export class SortPlanBuilder {
  private readonly reserved: ReadonlySet<string>;
  private readonly patients = new Set<string | null>();
  private readonly studies = new Set<string | null>();
  private readonly series = new Set<string | null>();
  private readonly bySop = new Map<string, string[]>();
  private readonly groups = new Map<string, TargetGroup>();
  private readonly skipped: SkippedFile[] = [];
  private fileCount = 0;

  constructor(
    private readonly pattern: SortPattern,
    private readonly options: PlanOptions = {},
  ) {
    this.reserved = new Set((options.reserved ?? []).map(targetKey));
  }

  add(input: SortInput): void {
    if (input.kind === 'skipped') {
      const entry = { source: input.source, reason: input.reason, unreadable: input.unreadable ?? false };
      this.skipped.push(input.linkTarget === undefined ? entry : { ...entry, linkTarget: input.linkTarget });
      return;
    }
    const { source, values } = input;
    const components = renderTarget(this.pattern, values, this.options);
    // A folder holding the manifest's name would block the manifest on every run.
    if (components.length > 1 && this.reserved.has(targetKey(components[0]))) components[0] = `_${components[0]}`;
    const target = components.join('/');
    this.fileCount++;
    this.patients.add(nonEmpty(values('PatientID')));
    this.studies.add(nonEmpty(values('StudyInstanceUID')));
    this.series.add(nonEmpty(values('SeriesInstanceUID')));
    const sop = nonEmpty(values('SOPInstanceUID'));
    if (sop !== null) {
      const sources = this.bySop.get(sop);
      if (sources) sources.push(source);
      else this.bySop.set(sop, [source]);
    }
    const key = targetKey(target);
    const group = this.groups.get(key);
    if (!group) this.groups.set(key, { target, firstSource: source, sources: [{ source, sop }] });
    else {
      group.sources.push({ source, sop });
      // Case-only differences cannot split a group; its name is that of its first source.
      if (compare(source, group.firstSource) < 0) {
        group.target = target;
        group.firstSource = source;
      }
    }
  }

  finish(): SortPlan {
    const files: PlannedFile[] = [];
    const collisions: SortCollision[] = [];
    const keys = [...this.groups.keys()].sort(compare);
    for (const key of keys) {
      const group = this.groups.get(key)!;
      const sources = group.sources.length > 1 ? [...group.sources].sort(bySource) : group.sources;
      const offset = this.reserved.has(key) ? 1 : 0;
      sources.forEach((s, i) => files.push({ source: s.source, target: group.target, rank: i + offset, sopInstanceUid: s.sop }));
      if (sources.length + offset > 1) collisions.push({ target: group.target, sources: sources.map((s) => s.source) });
    }
    const duplicateSopInstanceUids = [...this.bySop.entries()]
      .filter(([, sources]) => sources.length > 1)
      .map(([uid, sources]) => ({ uid, sources: [...sources].sort(compare) }))
      .sort((a, b) => compare(a.uid, b.uid));
    const skipped = [...this.skipped].sort(bySource);

    return {
      pattern: this.pattern.text,
      files,
      skipped,
      collisions,
      duplicateSopInstanceUids,
      counts: { patients: this.patients.size, studies: this.studies.size, series: this.series.size, files: this.fileCount, skipped: skipped.length },
    };
  }
}

/** The plan of inputs all at hand (the same as adding them one by one to a `SortPlanBuilder`). */
export function buildSortPlan(inputs: readonly SortInput[], pattern: SortPattern, options: PlanOptions = {}): SortPlan {
  const builder = new SortPlanBuilder(pattern, options);
  for (const input of inputs) builder.add(input);
  return builder.finish();
}
