/**
 * Copies started while the headers are still being read, so that a sort's copying overlaps
 * its reading: each DICOM file is copied into the destination's staging folder as soon as its
 * header says it will be sorted, by `copyFile` on libuv's thread pool (the kernel's copy or a
 * copy-on-write clone, on another core than the reading). The plan still decides every name
 * afterwards; placing a staged file is then a `link` (see placeCopy.ts), and a file whose
 * staged copy failed or was not made is copied then, as without staging.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Destination } from './destination';
import { COPY_FLAGS } from './sortFs';

/**
 * Copies handed to the thread pool at once. Enough to keep its threads busy between two turns
 * of an event loop that blocking header reads hold for up to ten milliseconds.
 */
const IN_FLIGHT = 64;

export class StagedCopies {
  private readonly copies = new Map<string, Promise<string | null>>();
  private readonly waiting: ((start: boolean) => void)[] = [];
  private running = 0;

  constructor(
    private readonly sourceRoot: string,
    private readonly destination: Destination,
  ) {}

  /** Starts (or queues) the copy of a source file, given relative to the source folder. */
  stage(source: string): void {
    if (this.copies.has(source)) return;
    const from = path.join(this.sourceRoot, ...source.split('/'));
    const to = this.destination.temporary();
    const copy = async (): Promise<string | null> => {
      if (!(await this.turn())) return null;
      try {
        await fs.copyFile(from, to, COPY_FLAGS);
        return to;
      } catch {
        return null;
      } finally {
        this.release();
      }
    };
    this.copies.set(source, copy());
  }

  /** The staged copy of `source` (its temporary path, null if it failed), handed over once; undefined if none was staged. */
  take(source: string): Promise<string | null> | undefined {
    const copy = this.copies.get(source);
    this.copies.delete(source);
    return copy;
  }

  /**
   * Drops the copies not yet started and waits for those under way, so that none is still
   * being written when the staging folder is removed.
   */
  async settle(): Promise<void> {
    this.waiting.splice(0).forEach((start) => start(false));
    await Promise.all(this.copies.values());
    this.copies.clear();
  }

  /** Resolves true when a copy may start, false when it is dropped. */
  private turn(): Promise<boolean> {
    if (this.running < IN_FLIGHT) {
      this.running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.waiting.push((start) => {
      if (start) this.running++;
      resolve(start);
    }));
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.(true);
  }
}
