/**
 * Reading the headers of every file under a folder into sort inputs, through the one folder
 * scan (first block, sniff, header up to the last tag the pattern needs, ordered pool).
 */
import { readDicom } from '../../core/parse/readDicom';
import { notDicomMessage } from '../../core/parse/parseWindow';
import { lastTopLevelTag, parseSelector } from '../../core/query/selector';
import type { SortInput } from '../../core/sort/plan';
import { isDicom, snapshotValues, valuesFrom } from '../../core/sort/values';
import { pacer, scanFiles, type ScanResult } from '../../core/scan/folderScan';
import { localScanIo } from '../localScan';
import { keepingPaths, walkFiles, type WalkEntry } from '../walk';

export interface ScanOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the number of files read so far. */
  readonly onProgress?: (done: number) => void;
  /** Read and sort files that symbolic links in the source lead to outside it (default: skip and report them). */
  readonly followLinks?: boolean;
  /** Only these files of the folder (absolute paths), e.g. one series of the DICOM Explorer; default all. */
  readonly only?: ReadonlySet<string>;
  /** Blocking reads (the CLI; see localScan.ts). */
  readonly blocking?: boolean;
  /** Called with each file found to be DICOM, as soon as its header is read (before the plan). */
  readonly onDicom?: (relativePath: string) => void;
}

/** The manifest's reason for a link that is not followed. */
export function outsideLinkReason(target: string): string {
  return `symbolic link to ${target}, outside the source: not followed (--follow-links copies it)`;
}

function sortInput(result: ScanResult<WalkEntry, SortInput>): SortInput {
  const source = result.entry.relativePath;
  if (result.kind === 'read') return result.value;
  if (result.kind === 'not-dicom') return { kind: 'skipped', source, reason: notDicomMessage(result.length) };
  const error = result.error;
  // An error with a system code (EACCES, EIO…) means the bytes were never seen.
  const unreadable = typeof (error as NodeJS.ErrnoException).code === 'string';
  const reason = unreadable ? `cannot read: ${(error as Error).message}` : `not DICOM: ${(error as Error).message}`;
  return { kind: 'skipped', source, reason, unreadable };
}

/**
 * Reads every file under `root` (progress, cancel, bounded work); links leading outside are
 * skipped unread unless followed. `onInput` hears of each input (DICOM or skipped) as soon as
 * it is known, between the scan's yields to the event loop, so per-file work done there (the
 * plan's rendering of targets) never adds up to one long stretch.
 */
export async function scanFolder(root: string, selectors: readonly string[], onInput: (input: SortInput) => void, options: ScanOptions = {}): Promise<void> {
  let count = 0;
  const keep = (input: SortInput): void => {
    count++;
    onInput(input);
  };
  const stopAfterTag = lastTopLevelTag(selectors.map(parseSelector));
  const followLinks = options.followLinks ?? false;
  async function* readable(): AsyncGenerator<WalkEntry> {
    for await (const entry of keepingPaths(walkFiles(root, { signal: options.signal }), options.only)) {
      const linkTarget = entry.outsideTarget;
      if (linkTarget === undefined || followLinks) yield entry;
      else keep({ kind: 'skipped', source: entry.relativePath, reason: outsideLinkReason(linkTarget), linkTarget });
    }
  }
  const read = async (access: Parameters<typeof readDicom>[0], entry: WalkEntry, firstRead: number): Promise<SortInput> => {
    const source = entry.relativePath;
    const file = await readDicom(access, { headerOnly: true, initialReadBytes: firstRead, stopAfterTag });
    if (isDicom(file)) return { kind: 'dicom', source, values: valuesFrom(snapshotValues(file, selectors)) };
    const problem = file.issues.find((i) => i.severity === 'error')?.message;
    return { kind: 'skipped', source, reason: problem ?? 'not a DICOM file (no DICM prefix and no SOP UIDs)' };
  };
  const pace = pacer();
  // Only a few attribute values are kept per file, so the count bound is the one that matters.
  const results = scanFiles(localScanIo(readable, { blocking: options.blocking }), read, { concurrency: options.concurrency ?? 16, signal: options.signal });
  for await (const result of results) {
    const input = sortInput(result);
    keep(input);
    if (input.kind === 'dicom') options.onDicom?.(input.source);
    options.onProgress?.(count);
    await pace();
  }
}
