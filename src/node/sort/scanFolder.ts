/**
 * Reading the headers of every file under a folder, a few at a time, into sort inputs.
 */
import { lastTopLevelTag, parseSelector } from '../../core/query/selector';
import type { DicomFile } from '../../core/model';
import type { SortInput } from '../../core/sort/plan';
import { isDicom, snapshotValues, valuesFrom } from '../../core/sort/values';
import { walkFiles } from '../walk';

/** Reads a file's header (never its pixel data); it may stop after `stopAfterTag`, the last top-level tag the sort needs. */
export type HeaderReader = (path: string, stopAfterTag?: string) => Promise<DicomFile>;

export interface ScanOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the number of files read so far. */
  readonly onProgress?: (done: number) => void;
  /** Read and sort files that symbolic links in the source lead to outside it (default: skip and report them). */
  readonly followLinks?: boolean;
}

/** The manifest's reason for a link that is not followed. */
export function outsideLinkReason(target: string): string {
  return `symbolic link to ${target}, outside the source: not followed (--follow-links copies it)`;
}

export async function scanFolder(
  root: string,
  selectors: readonly string[],
  readHeader: HeaderReader,
  options: ScanOptions = {},
): Promise<SortInput[]> {
  const inputs: SortInput[] = [];
  const stopAfterTag = lastTopLevelTag(selectors.map(parseSelector));
  const files = walkFiles(root, { signal: options.signal });
  let done = 0;
  const worker = async (): Promise<void> => {
    // Workers share one generator; its `next()` calls queue, so each file is taken once.
    for (;;) {
      const next = await files.next();
      if (next.done || options.signal?.aborted) return;
      const source = next.value.relativePath;
      const linkTarget = next.value.outsideTarget;
      if (linkTarget !== undefined && !options.followLinks) {
        inputs.push({ kind: 'skipped', source, reason: outsideLinkReason(linkTarget), linkTarget });
        options.onProgress?.(++done);
        continue;
      }
      try {
        const file = await readHeader(next.value.path, stopAfterTag);
        if (isDicom(file)) inputs.push({ kind: 'dicom', source, values: valuesFrom(snapshotValues(file, selectors)) });
        else {
          const problem = file.issues.find((i) => i.severity === 'error')?.message;
          inputs.push({ kind: 'skipped', source, reason: problem ?? 'not a DICOM file (no DICM prefix and no SOP UIDs)' });
        }
      } catch (error) {
        // An error with a system code (EACCES, EIO…) means the bytes were never seen.
        const unreadable = typeof (error as NodeJS.ErrnoException).code === 'string';
        const reason = unreadable ? `cannot read: ${(error as Error).message}` : `not DICOM: ${(error as Error).message}`;
        inputs.push({ kind: 'skipped', source, reason, unreadable });
      }
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker));
  return inputs;
}
