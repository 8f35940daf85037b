/**
 * Building the DICOM Explorer's index: each file's header read up to the last tag a summary
 * needs, summarised and put in the index, a few files at a time through the pool every folder
 * job reads through. Shared by the extension's workspace index (files from `findFiles` and the
 * file watcher) and the indexing benchmark, so the benchmark measures the code that runs.
 */
import { summarizeInstance, SUMMARY_LAST_TAG } from '../core/explorer/instanceSummary';
import type { StudyIndex } from '../core/explorer/studyIndex';
import { readHeaderFromFile } from './fileAccess';
import { localScanIo } from './localScan';
import { summarizeEntries } from './summarizeFiles';

export interface IndexTarget {
  /** Where to read the file. */
  readonly path: string;
  /** The index key of the file (InstanceSummary.source: the URI in the extension). */
  readonly key: string;
}

export interface IndexOptions {
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** Called after each file with the number of files done. */
  readonly onProgress?: (done: number) => void;
  /** Blocking reads (a benchmark or command-line process; never the extension host). */
  readonly blocking?: boolean;
}

/** Indexes one file; false when it is not a DICOM instance (its old entry, if any, is dropped). */
export async function indexFile(index: StudyIndex, target: IndexTarget): Promise<boolean> {
  try {
    const summary = summarizeInstance(await readHeaderFromFile(target.path, { stopAfterTag: SUMMARY_LAST_TAG }), target.key);
    if (summary) {
      index.set(summary);
      return true;
    }
  } catch {
    // Unreadable, or a folder: not a DICOM file of the workspace.
  }
  index.delete(target.key);
  return false;
}

/** The targets as the folder scan's listing (the key names a file in progress and errors). */
async function* listing(targets: Iterable<IndexTarget> | AsyncIterable<IndexTarget>): AsyncGenerator<IndexTarget & { readonly relativePath: string }> {
  for await (const target of targets) yield { ...target, relativePath: target.key };
}

/** Indexes every target through the one folder scan (stops taking new ones when `signal` aborts); returns the number done. */
export async function indexFiles(index: StudyIndex, targets: Iterable<IndexTarget> | AsyncIterable<IndexTarget>, options: IndexOptions): Promise<number> {
  let done = 0;
  const io = localScanIo(() => listing(targets), { blocking: options.blocking });
  for await (const { entry, summary } of summarizeEntries(io, { concurrency: options.concurrency, signal: options.signal, source: (target) => target.key })) {
    if (summary) index.set(summary);
    else index.delete(entry.key);
    done++;
    options.onProgress?.(done);
  }
  return done;
}
