/**
 * Building the DICOM Explorer's index: each file's header read up to the last tag a summary
 * needs, summarised and put in the index, a few files at a time through the pool every folder
 * job reads through. Shared by the extension's workspace index (files from `findFiles` and the
 * file watcher) and the indexing benchmark, so the benchmark measures the code that runs.
 */
import { summarizeInstance, SUMMARY_LAST_TAG } from '../core/explorer/instanceSummary';
import type { StudyIndex } from '../core/explorer/studyIndex';
import { mapOrdered } from '../core/scan/orderedPool';
import { readHeaderFromFile } from './fileAccess';

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

async function* each<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Indexes every target (stops taking new ones when `signal` aborts); returns the number done. */
export async function indexFiles(index: StudyIndex, targets: Iterable<IndexTarget> | AsyncIterable<IndexTarget>, options: IndexOptions): Promise<number> {
  let done = 0;
  for await (const _ of mapOrdered(each(targets), (target) => indexFile(index, target), { concurrency: options.concurrency, signal: options.signal })) {
    done++;
    options.onProgress?.(done);
  }
  return done;
}
