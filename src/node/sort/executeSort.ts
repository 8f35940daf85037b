/**
 * Carrying out a sort plan: copies with bounded concurrency, never overwriting, resumable.
 *
 * Files that share a target name are handled one after another, in plan order, trying the
 * plain name, then `~2`, `~3`…: a name holding identical bytes means "already there", a name
 * holding anything else is skipped. Because the plan is deterministic, a second run walks the
 * same names in the same order and finds every file already in place, copying nothing twice.
 * Different names never race: plain names are distinct per group and suffixed names contain
 * `~`, which plain names cannot.
 */
import * as path from 'node:path';
import { isInDestination, MANIFEST_NAME, type SortOutcome } from '../../core/sort/manifest';
import { suffixedTarget, targetKey, type PlannedFile, type SortPlan } from '../../core/sort/plan';
import { Destination } from './destination';
import { placeCopy } from './placeCopy';

export interface ExecuteOptions {
  /** Groups copied at the same time. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the number of files handled so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Gives up on a name group rather than looping for ever on a folder full of look-alikes. */
const MAX_SUFFIX = 10_000;

const RESERVED = new Set([targetKey(MANIFEST_NAME)]);

async function placeOne(file: PlannedFile, sourceRoot: string, destination: Destination): Promise<SortOutcome> {
  const source = path.join(sourceRoot, ...file.source.split('/'));
  const slash = file.target.lastIndexOf('/');
  const folder = await destination.folder(slash < 0 ? '' : file.target.slice(0, slash));
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const target = suffixedTarget(file.target, n);
    if (RESERVED.has(targetKey(target))) continue;
    const result = await placeCopy(source, path.join(folder, path.posix.basename(target)), destination.temporary());
    if (result === 'taken') continue;
    if (result === 'identical') return { source: file.source, target, status: 'already-present', reason: 'identical file already at target' };
    if (n === 1) return { source: file.source, target, status: 'copied', reason: '' };
    return { source: file.source, target, status: 'copied-renamed', reason: `${file.target} holds a different file` };
  }
  return { source: file.source, target: '', status: 'failed', reason: `more than ${MAX_SUFFIX} different files want ${file.target}` };
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
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < groups.length && !options.signal?.aborted) {
      const group = groups[next++];
      for (const file of group) {
        if (options.signal?.aborted) break;
        let outcome: SortOutcome;
        try {
          outcome = await placeOne(file, sourceRoot, destination);
        } catch (error) {
          outcome = { source: file.source, target: '', status: 'failed', reason: (error as Error).message };
        }
        outcomes.set(file, outcome);
        options.onProgress?.(++done, total);
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
