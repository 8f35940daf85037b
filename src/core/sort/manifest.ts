/**
 * The manifest a sort leaves in its destination: one CSV row per source file saying where it
 * went and why, so that nothing is ever silently dropped or renamed.
 */
import { safeCell } from '../csv/neutralise';
import { formatRecord, UTF8_BOM } from '../csv/rfc4180';

export const MANIFEST_NAME = 'dicom-sort-manifest.csv';

export type SortStatus =
  /** Copied to the pattern's name. */
  | 'copied'
  /** Copied with a `~n` suffix because a different file already had the name. */
  | 'copied-renamed'
  /** A byte-identical file was already at the target (earlier run, or a duplicate source). */
  | 'already-present'
  | 'skipped'
  | 'failed'
  /** Not reached because the run was cancelled. */
  | 'not-done';

export interface SortOutcome {
  readonly source: string;
  /** Relative target (with `/`), or '' when the file has none. */
  readonly target: string;
  readonly status: SortStatus;
  readonly reason: string;
}

export const MANIFEST_HEADER = ['source', 'target', 'status', 'reason'] as const;

/** Cells pass through formula neutralisation: paths and reasons carry text from the files. */
export function manifestRow(outcome: SortOutcome): string {
  return formatRecord([outcome.source, outcome.target, outcome.status, outcome.reason].map(safeCell), ',');
}

export function formatManifest(outcomes: readonly SortOutcome[]): string {
  let text = UTF8_BOM + formatRecord([...MANIFEST_HEADER], ',');
  for (const outcome of outcomes) text += manifestRow(outcome);
  return text;
}

/** Statuses after which the source file is in the destination. */
export function isInDestination(status: SortStatus): boolean {
  return status === 'copied' || status === 'copied-renamed' || status === 'already-present';
}
