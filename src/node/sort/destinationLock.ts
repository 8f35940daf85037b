/**
 * One sort at a time per destination. Two sorts into one folder would empty each other's
 * staging folder and race for the same names; the second one is told instead.
 *
 * The lock is a file created with O_EXCL in the destination, holding the owner's process id,
 * host and start time. A lock whose owner is gone (same host, no such process) was left by a
 * crash and is taken over; one from another host cannot be checked and is reported with its
 * path, so that the user can remove it. Its name starts with a dot, which sort patterns never
 * produce.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const LOCK_NAME = '.dicom-sort.lock';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

export class DestinationBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DestinationBusyError';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.started === 'string') return owner as LockOwner;
  } catch {
    // Half-written or foreign content: treated like an owner that cannot be checked.
  }
  return null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's owner certainly no longer runs. */
function isStale(owner: LockOwner | null): boolean {
  return owner !== null && owner.host === os.hostname() && !isRunning(owner.pid);
}

export interface DestinationLock {
  release(): Promise<void>;
}

/**
 * Takes the lock of `root` (an existing folder) or throws `DestinationBusyError`. A stale lock
 * is moved aside under a name of its own before it is looked at again, so two runs that find
 * the same stale lock cannot both remove it and then each other's fresh one.
 */
export async function lockDestination(root: string): Promise<DestinationLock> {
  const lockPath = path.join(root, LOCK_NAME);
  const mine: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(lockPath, JSON.stringify(mine), { flag: 'wx' });
      return { release: () => fs.rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = parseOwner(await fs.readFile(lockPath, 'utf8').catch(() => ''));
    if (!isStale(owner)) throw busy(lockPath, owner);
    const aside = `${lockPath}.stale-${process.pid}-${attempt}`;
    try {
      await fs.rename(lockPath, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another run moved it first
      throw error;
    }
    // What was moved may be a fresh lock written between the read and the rename: put it back.
    const moved = parseOwner(await fs.readFile(aside, 'utf8').catch(() => ''));
    if (isStale(moved)) await fs.rm(aside, { force: true });
    else {
      await fs.link(aside, lockPath).catch(() => undefined);
      await fs.rm(aside, { force: true });
      throw busy(lockPath, moved);
    }
  }
  throw busy(lockPath, null);
}

function busy(lockPath: string, owner: LockOwner | null): DestinationBusyError {
  const who = owner === null ? 'another sort' : `another sort (process ${owner.pid} on ${owner.host}, started ${owner.started})`;
  return new DestinationBusyError(
    `${who} is writing into ${path.dirname(lockPath)}; run again when it has finished (if no sort is running, delete ${lockPath})`,
  );
}
