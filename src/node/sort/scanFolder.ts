/**
 * Reading the headers of every file under a folder, a few at a time, into sort inputs.
 */
import { lastTopLevelTag, parseSelector } from '../../core/query/selector';
import type { DicomFile } from '../../core/model';
import type { SortInput } from '../../core/sort/plan';
import { isDicom, snapshotValues, valuesFrom } from '../../core/sort/values';
import { mapOrdered } from '../../core/scan/orderedPool';
import { keepingPaths, walkFiles, type WalkEntry } from '../walk';

/** Reads a file's header (never its pixel data); it may stop after `stopAfterTag`, the last top-level tag the sort needs. */
export type HeaderReader = (path: string, stopAfterTag?: string) => Promise<DicomFile>;

export interface ScanOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the number of files read so far. */
  readonly onProgress?: (done: number) => void;
  /** Read and sort files that symbolic links in the source lead to outside it (default: skip and report them). */
  readonly followLinks?: boolean;
  /** Only these files of the folder (absolute paths), e.g. one series of the DICOM Explorer; default all. */
  readonly only?: ReadonlySet<string>;
}

/** The manifest's reason for a link that is not followed. */
export function outsideLinkReason(target: string): string {
  return `symbolic link to ${target}, outside the source: not followed (--follow-links copies it)`;
}

async function readInput(entry: WalkEntry, stopAfterTag: string | undefined, selectors: readonly string[], readHeader: HeaderReader, followLinks: boolean): Promise<SortInput> {
  const source = entry.relativePath;
  const linkTarget = entry.outsideTarget;
  if (linkTarget !== undefined && !followLinks) return { kind: 'skipped', source, reason: outsideLinkReason(linkTarget), linkTarget };
  try {
    const file = await readHeader(entry.path, stopAfterTag);
    if (isDicom(file)) return { kind: 'dicom', source, values: valuesFrom(snapshotValues(file, selectors)) };
    const problem = file.issues.find((i) => i.severity === 'error')?.message;
    return { kind: 'skipped', source, reason: problem ?? 'not a DICOM file (no DICM prefix and no SOP UIDs)' };
  } catch (error) {
    // An error with a system code (EACCES, EIO…) means the bytes were never seen.
    const unreadable = typeof (error as NodeJS.ErrnoException).code === 'string';
    const reason = unreadable ? `cannot read: ${(error as Error).message}` : `not DICOM: ${(error as Error).message}`;
    return { kind: 'skipped', source, reason, unreadable };
  }
}

/** Reads every file under `root` through the shared ordered pool (progress, cancel, bounded work). */
export async function scanFolder(
  root: string,
  selectors: readonly string[],
  readHeader: HeaderReader,
  options: ScanOptions = {},
): Promise<SortInput[]> {
  const inputs: SortInput[] = [];
  const stopAfterTag = lastTopLevelTag(selectors.map(parseSelector));
  const files = keepingPaths(walkFiles(root, { signal: options.signal }), options.only);
  const read = (entry: WalkEntry) => readInput(entry, stopAfterTag, selectors, readHeader, options.followLinks ?? false);
  // Only a few attribute values are kept per file, so the count bound is the one that matters.
  for await (const input of mapOrdered(files, read, { concurrency: options.concurrency ?? 16, signal: options.signal })) {
    inputs.push(input);
    options.onProgress?.(inputs.length);
  }
  return inputs;
}
