/**
 * The destination folder of a sort: creating target folders once each, proving that every
 * one of them resolves (after symbolic links) to a place inside the destination, and the
 * staging folder where copies are made before they get their names.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { asyncSortFs, type SortFs } from './sortFs';
import { DestinationBusyError, lockDestination, type DestinationLock } from './destinationLock';
import { fsMessage } from '../fsMessage';
import { isInside } from '../pathInside';

/** Hidden, and `.`-led names are never produced by the sort pattern, so it cannot clash. */
export const STAGING_FOLDER = '.dicom-sort-staging';

export class DestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DestinationError';
  }
}

export class Destination {
  private readonly folders = new Map<string, Promise<string>>();
  /** Relative folders this run created: nothing else can have put a file in them. */
  private readonly created = new Set<string>();
  private counter = 0;

  private constructor(
    readonly root: string,
    /** `root` after symbolic links: what every target folder must resolve inside. */
    readonly realRoot: string,
    readonly staging: string,
    /** The file system calls used for everything the sort does in the destination. */
    readonly fs: SortFs,
    private readonly lock: DestinationLock,
    /** Nothing was in the destination when it was opened (a first run, not a resume). */
    readonly wasEmpty: boolean,
  ) {}

  /**
   * Creates the destination, takes its lock (another sort into it makes this throw
   * `DestinationBusyError`) and makes a fresh staging folder. Under the lock, a staging folder
   * found there was left by a crashed run and only holds unfinished temporary copies, so it is
   * emptied.
   */
  static async open(root: string, sfs: SortFs = asyncSortFs): Promise<Destination> {
    const absolute = path.resolve(root);
    let lock: DestinationLock | undefined;
    try {
      await fs.mkdir(absolute, { recursive: true });
      const wasEmpty = (await fs.readdir(absolute)).length === 0;
      const realRoot = await fs.realpath(absolute);
      lock = await lockDestination(realRoot);
      const staging = path.join(realRoot, STAGING_FOLDER);
      await fs.rm(staging, { recursive: true, force: true });
      await fs.mkdir(staging);
      return new Destination(absolute, realRoot, staging, sfs, lock, wasEmpty);
    } catch (error) {
      await lock?.release();
      if (error instanceof DestinationBusyError) throw error;
      throw new DestinationError(fsMessage(`cannot write to the destination ${absolute}`, error));
    }
  }

  /** A fresh temporary path in the staging folder. */
  temporary(): string {
    return path.join(this.staging, `${process.pid}-${++this.counter}.part`);
  }

  /**
   * The absolute folder for a relative target folder (components joined with `/`), created
   * when missing. Created one level at a time, each level proven to resolve inside the
   * destination before anything is made in it: `mkdir -p` would follow a planted link first.
   */
  folder(relative: string): Promise<string> {
    let pending = this.folders.get(relative);
    if (!pending) {
      pending = this.createFolder(relative);
      this.folders.set(relative, pending);
    }
    return pending;
  }

  private async createFolder(relative: string): Promise<string> {
    if (relative === '') return this.realRoot;
    const slash = relative.lastIndexOf('/');
    const parent = await this.folder(slash < 0 ? '' : relative.slice(0, slash));
    const absolute = path.join(parent, relative.slice(slash + 1));
    try {
      await this.fs.mkdir(absolute);
      this.created.add(relative);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const real = await this.fs.realpath(absolute);
    if (!isInside(real, this.realRoot)) {
      throw new DestinationError(`target folder ${absolute} resolves to ${real}, outside the destination`);
    }
    return real;
  }

  /** True when this run made the folder (call after `folder`). */
  isNew(relative: string): boolean {
    return this.created.has(relative);
  }

  async close(): Promise<void> {
    try {
      await fs.rm(this.staging, { recursive: true, force: true });
    } finally {
      await this.lock.release();
    }
  }
}

/** Refuses a destination that is the source, inside it, or contains it. */
export async function checkSeparate(source: string, destination: string): Promise<void> {
  const realSource = await fs.realpath(source);
  const realDestination = await realPathOfNearest(path.resolve(destination));
  if (realSource === realDestination || isInside(realDestination, realSource) || isInside(realSource, realDestination)) {
    throw new DestinationError(`the destination ${destination} overlaps the source ${source}; choose a folder outside it`);
  }
}

/** realpath of the longest existing ancestor, with the missing rest appended. */
async function realPathOfNearest(absolute: string): Promise<string> {
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}
