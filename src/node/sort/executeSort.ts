/**
 * Carrying out a sort plan: copies with bounded concurrency, never overwriting, resumable.
 *
 * Files that share a target name are handled one after another, in plan order, trying the
 * plain name, then `~2`, `~3`…: a name holding identical bytes means "already there", a name
 * holding anything else is passed over. Because the plan is deterministic, a second run walks
 * the same names in the same order and finds every file already in place, copying nothing
 * twice. Different groups never race for a name: plain names are distinct per group and
 * suffixed names contain `~`, which plain names cannot.
 */
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isInDestination, MANIFEST_NAME, type SortOutcome } from '../../core/sort/manifest';
import { suffixedTarget, targetKey, type PlannedFile, type SortPlan } from '../../core/sort/plan';
import type { Destination } from './destination';
import { fileDigest } from './fileDigest';
import { placeCopy } from './placeCopy';
import { sameBytes } from './sameBytes';
import type { StagedCopies } from './stagedCopies';

export interface ExecuteOptions {
  /** Groups copied at the same time. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the number of files handled so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Copies already made into the staging folder while the headers were read. */
  readonly staged?: StagedCopies;
}

/** Gives up on a name group rather than looping for ever on a folder full of look-alikes. */
const MAX_SUFFIX = 10_000;

const RESERVED = new Set([targetKey(MANIFEST_NAME)]);

type RecordOutcome = (file: PlannedFile, outcome: SortOutcome) => void;

function outcome(file: PlannedFile, target: string, how: 'placed' | 'identical', n: number): SortOutcome {
  if (how === 'identical') return { source: file.source, target, status: 'already-present', reason: 'identical file already at target' };
  if (n === 1) return { source: file.source, target, status: 'copied', reason: '' };
  return { source: file.source, target, status: 'copied-renamed', reason: `${file.target} holds a different file` };
}

function exhausted(file: PlannedFile): SortOutcome {
  return { source: file.source, target: '', status: 'failed', reason: `more than ${MAX_SUFFIX} different files want ${file.target}` };
}

/**
 * Files sharing a name. Each source is hashed once and each name looked at on disk at most
 * once, so a group of n look-alikes costs n copies, not n² comparisons.
 */
async function placeGroup(group: readonly PlannedFile[], sourceRoot: string, destination: Destination, options: ExecuteOptions, record: RecordOutcome): Promise<void> {
  const { signal, staged } = options;
  const first = group[0].target;
  const slash = first.lastIndexOf('/');
  const relativeFolder = slash < 0 ? '' : first.slice(0, slash);
  const folder = await destination.folder(relativeFolder);
  // In a folder this run made, only this group can use these names, and `holders` knows them.
  const fresh = destination.isNew(relativeFolder);
  const nameAt = (n: number) => suffixedTarget(first, n);
  const absoluteAt = (n: number) => path.join(folder, path.posix.basename(nameAt(n)));
  const single = group.length === 1;
  /** Digest of what each examined name holds (null: not a regular file). */
  const holders = new Map<number, string | null>();
  const byDigest = new Map<string, number>();
  const remember = (n: number, digest: string | null) => {
    holders.set(n, digest);
    if (digest !== null && !byDigest.has(digest)) byDigest.set(digest, n);
  };

  for (const file of group) {
    if (signal?.aborted) return;
    try {
      await placeFile(file);
    } catch (error) {
      record(file, { source: file.source, target: '', status: 'failed', reason: (error as Error).message });
    }
  }

  async function placeFile(file: PlannedFile): Promise<void> {
    const source = path.join(sourceRoot, ...file.source.split('/'));
    // A lone file needs no digest: one byte comparison at most, and only when its name exists.
    const digest = single ? null : await fileDigest(source, destination.fs);
    const known = digest === null ? undefined : byDigest.get(digest);
    if (known !== undefined && (await sameBytes(source, absoluteAt(known), undefined, destination.fs))) {
      record(file, outcome(file, nameAt(known), 'identical', known));
      return;
    }
    let done = false;
    // The copy made while reading serves the first name tried; a later one needs a new copy.
    let stagedCopy = staged?.take(file.source);
    for (let n = 1; n <= MAX_SUFFIX && !done; n++) {
      if (holders.has(n) || RESERVED.has(targetKey(nameAt(n)))) continue;
      let seen: string | null = null;
      const same = single
        ? undefined
        : async (target: string, size: number) => {
            seen = await fileDigest(target, destination.fs);
            return seen === digest && sameBytes(source, target, size, destination.fs);
          };
      const stagedPath = await stagedCopy;
      stagedCopy = undefined;
      const temporary = stagedPath ?? destination.temporary();
      const result = await placeCopy(source, absoluteAt(n), temporary, same, fresh, destination.fs, stagedPath != null);
      if (result === 'taken') {
        remember(n, seen);
        continue;
      }
      remember(n, digest);
      record(file, outcome(file, nameAt(n), result, n));
      done = true;
    }
    if (!done) record(file, exhausted(file));
  }
}

function groupsOf(files: readonly PlannedFile[]): PlannedFile[][] {
  const groups: PlannedFile[][] = [];
  let key = '';
  for (const file of files) {
    const k = targetKey(file.target);
    if (groups.length > 0 && k === key) groups[groups.length - 1].push(file);
    else groups.push([file]);
    key = k;
  }
  return groups;
}

/**
 * Copies every planned file into an already opened destination. Returns one outcome per
 * planned file, in plan order; files not reached before a cancel are `not-done`.
 */
export async function executeSortPlan(
  plan: SortPlan,
  sourceRoot: string,
  destination: Destination,
  options: ExecuteOptions = {},
): Promise<SortOutcome[]> {
  const groups = groupsOf(plan.files);
  const outcomes = new Map<PlannedFile, SortOutcome>();
  const total = plan.files.length;
  let done = 0;
  const record: RecordOutcome = (file, result) => {
    outcomes.set(file, result);
    options.onProgress?.(++done, total);
  };
  let next = 0;
  let sinceYield = 0;
  const worker = async (): Promise<void> => {
    while (next < groups.length && !options.signal?.aborted) {
      // With blocking file system calls every await resolves at once, so without this the
      // event loop (Ctrl-C, progress, cancel) would not run until the very end.
      if (++sinceYield >= 32) {
        sinceYield = 0;
        await nextTurn();
        // Other workers ran meanwhile: the queue may be empty or the run cancelled now.
        if (next >= groups.length || options.signal?.aborted) break;
      }
      const group = groups[next++];
      try {
        await placeGroup(group, sourceRoot, destination, options, record);
      } catch (error) {
        // A folder that cannot be made (or leads outside) fails the files of the group still open.
        for (const file of group) {
          if (!outcomes.has(file)) record(file, { source: file.source, target: '', status: 'failed', reason: (error as Error).message });
        }
      }
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 16, groups.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return plan.files.map(
    (file) => outcomes.get(file) ?? { source: file.source, target: '', status: 'not-done', reason: 'cancelled before this file' },
  );
}

export function allInDestination(outcomes: readonly SortOutcome[]): boolean {
  return outcomes.every((o) => isInDestination(o.status));
}
