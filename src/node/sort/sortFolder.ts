/**
 * Sorting a folder end to end: scan headers, plan, then (unless it is a dry run) copy and
 * write the manifest. Shared by the CLI and the extension.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatManifest, isInDestination, MANIFEST_NAME, type SortOutcome } from '../../core/sort/manifest';
import { parsePattern } from '../../core/sort/pattern';
import { SortPlanBuilder, type SortPlan } from '../../core/sort/plan';
import { attributesToRead } from '../../core/sort/values';
import { checkSeparate, Destination } from './destination';
import { writeOutputFile } from '../outputFile';
import { fsMessage, isSystemError } from '../fsMessage';
import { executeSortPlan } from './executeSort';
import { scanFolder } from './scanFolder';
import { asyncSortFs, blockingSortFs, type SortFs } from './sortFs';
import { StagedCopies } from './stagedCopies';

export type SortPhase = 'scan' | 'copy';

export interface SortFolderOptions {
  readonly pattern: string;
  /** Clean values as the pydicom script does (default true). */
  readonly clean?: boolean;
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: SortPhase, done: number, total: number | null) => void;
  /**
   * Blocking system calls for reads and copies: a command-line process has no event loop to
   * keep free, and skips a thread-pool hand-over per call (see `sortFs.ts`). Default false.
   */
  readonly blocking?: boolean;
  /** File system calls for the copy (default: per `blocking`). */
  readonly fs?: SortFs;
  /** Sort files that symbolic links in the source lead to outside it (default: skip and report). */
  readonly followLinks?: boolean;
  /** Sort only these files of the source (absolute paths); default every file under it. */
  readonly only?: ReadonlySet<string>;
}

/** The source cannot be read: nothing was done. */
export class SortSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SortSourceError';
  }
}

export interface SortFolderResult {
  readonly plan: SortPlan;
  /** One per planned and skipped file; empty for a dry run. */
  readonly outcomes: readonly SortOutcome[];
  readonly manifestPath: string | null;
  readonly cancelled: boolean;
  /** True when every DICOM file found is in the destination (always false for a dry run). */
  readonly complete: boolean;
  /** Why the run is not complete, in one line, or '' when it is. */
  readonly problem: string;
}

export function summarise(outcomes: readonly SortOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}

/** The manifest is the sort's own record, so replacing the previous run's one is intended. */
async function writeManifest(destination: Destination, outcomes: readonly SortOutcome[]): Promise<string> {
  const target = path.join(destination.realRoot, MANIFEST_NAME);
  await writeOutputFile(target, formatManifest(outcomes), { overwrite: true });
  return target;
}

export interface PlannedSort {
  readonly source: string;
  readonly destination: string;
  readonly plan: SortPlan;
  /** Files that could not be read at all (they may be DICOM that will not be sorted). */
  readonly unreadable: number;
}

/** The source must be a readable folder, and the destination outside it. */
async function checkFolders(source: string, destination: string): Promise<void> {
  const stat = await fs.stat(source).catch((error: unknown) => {
    throw new SortSourceError(fsMessage(`cannot read the source ${source}`, error));
  });
  if (!stat.isDirectory()) throw new SortSourceError(`the source ${source} is not a folder`);
  await checkSeparate(source, destination);
}

/** Reads every header and plans; `onDicom` hears of each file to be sorted as soon as it is read. */
async function scanAndPlan(source: string, destination: string, options: SortFolderOptions, onDicom?: (relativePath: string) => void): Promise<PlannedSort> {
  const pattern = parsePattern(options.pattern);
  // Each file's target is rendered as its header arrives, so no long synchronous plan build follows the scan.
  const builder = new SortPlanBuilder(pattern, { clean: options.clean ?? true, reserved: [MANIFEST_NAME] });
  await scanFolder(source, attributesToRead(pattern.attributes), (input) => builder.add(input), {
    concurrency: options.concurrency,
    blocking: options.blocking,
    signal: options.signal,
    followLinks: options.followLinks,
    only: options.only,
    onProgress: (done) => options.onProgress?.('scan', done, null),
    onDicom,
  }).catch((error: unknown) => {
    // Single unreadable files are skipped inside; this is the source folder itself.
    throw isSystemError(error) ? new SortSourceError(fsMessage(`cannot read the source ${source}`, error)) : error;
  });
  const plan = builder.finish();
  return { source, destination, plan, unreadable: plan.skipped.filter((s) => s.unreadable).length };
}

/** Checks the folders, reads every header and plans; writes nothing. */
export async function planSortFolder(source: string, destination: string, options: SortFolderOptions): Promise<PlannedSort> {
  parsePattern(options.pattern);
  await checkFolders(source, destination);
  return scanAndPlan(source, destination, options);
}

function sortFs(options: Pick<SortFolderOptions, 'fs' | 'blocking'>): SortFs {
  return options.fs ?? (options.blocking ? blockingSortFs : asyncSortFs);
}

/** Copies a planned sort into its destination and writes the manifest. */
export async function copyPlannedSort(planned: PlannedSort, options: Omit<SortFolderOptions, 'pattern'>): Promise<SortFolderResult> {
  return copyInto(planned, await Destination.open(planned.destination, sortFs(options)), options);
}

/** Copies into an opened destination, writes the manifest, and closes the destination. */
async function copyInto(planned: PlannedSort, destination: Destination, options: Omit<SortFolderOptions, 'pattern'>, staged?: StagedCopies): Promise<SortFolderResult> {
  const { plan } = planned;
  let outcomes: SortOutcome[];
  let manifestPath: string;
  try {
    const copied = await executeSortPlan(plan, planned.source, destination, {
      concurrency: options.concurrency,
      signal: options.signal,
      staged,
      onProgress: (done, total) => options.onProgress?.('copy', done, total),
    });
    const skipped: SortOutcome[] = plan.skipped.map((s) => ({ source: s.source, target: '', status: s.unreadable ? 'failed' : 'skipped', reason: s.reason }));
    outcomes = [...copied, ...skipped].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    manifestPath = await writeManifest(destination, outcomes);
  } finally {
    await staged?.settle();
    await destination.close();
  }
  const missing = outcomes.filter((o) => o.status !== 'skipped' && !isInDestination(o.status));
  const cancelled = options.signal?.aborted ?? false;
  const complete = missing.length === 0;
  const problem = complete
    ? ''
    : cancelled
      ? `cancelled: ${missing.length} file(s) not copied yet; run again to finish`
      : `${missing.length} file(s) not in the destination; see ${manifestPath}`;
  return { plan, outcomes, manifestPath, cancelled, complete, problem };
}

const CANCELLED_READING = 'cancelled while reading headers';

/**
 * Plan and copy in one go (the CLI); a dry run stops after the plan. Into an empty
 * destination, each file is copied into the staging folder as soon as its header is read, so
 * the copying overlaps the reading (see stagedCopies.ts); the plan then only gives names.
 */
export async function sortFolder(source: string, destination: string, options: SortFolderOptions): Promise<SortFolderResult> {
  if (options.dryRun) {
    const { plan } = await planSortFolder(source, destination, options);
    if (options.signal?.aborted) return { plan, outcomes: [], manifestPath: null, cancelled: true, complete: false, problem: CANCELLED_READING };
    return { plan, outcomes: [], manifestPath: null, cancelled: false, complete: false, problem: 'dry run: nothing copied' };
  }
  parsePattern(options.pattern);
  await checkFolders(source, destination);
  const opened = await Destination.open(destination, sortFs(options));
  // A resume finds most files in place: copying them again would only be thrown away.
  const staged = opened.wasEmpty ? new StagedCopies(source, opened) : undefined;
  let planned: PlannedSort;
  try {
    planned = await scanAndPlan(source, destination, options, staged && ((relativePath) => staged.stage(relativePath)));
  } catch (error) {
    await staged?.settle();
    await opened.close();
    throw error;
  }
  if (options.signal?.aborted) {
    await staged?.settle();
    await opened.close();
    return { plan: planned.plan, outcomes: [], manifestPath: null, cancelled: true, complete: false, problem: CANCELLED_READING };
  }
  return copyInto(planned, opened, options, staged);
}
