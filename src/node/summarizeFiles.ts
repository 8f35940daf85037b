/**
 * Instance summaries of DICOM files (the DICOM Explorer's index, and consistency checks outside
 * VS Code) read through the one folder scan, and a content digest for duplicate SOP Instance UIDs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { summarizeInstance, SUMMARY_LAST_TAG, type InstanceSummary } from '../core/explorer/instanceSummary';
import { readDicom } from '../core/parse/readDicom';
import { pacer, scanFiles, type ScanEntry, type ScanIo } from '../core/scan/folderScan';
import { localScanIo } from './localScan';
import { walkFiles } from './walk';

export interface SummaryScanOptions<E extends ScanEntry> {
  /** Files read at once. */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** What a summary names its file by (default: the entry's `path`). */
  readonly source?: (entry: E) => string;
}

/**
 * Each listed file with its summary (null: not DICOM, unreadable, or not an instance), in
 * listing order; the header is read up to the last tag a summary needs.
 */
export async function* summarizeEntries<E extends ScanEntry>(io: ScanIo<E>, options: SummaryScanOptions<E>): AsyncGenerator<{ readonly entry: E; readonly summary: InstanceSummary | null }> {
  const source = options.source ?? ((entry: E) => entry.path);
  const read = async (access: Parameters<typeof readDicom>[0], entry: E, firstRead: number) =>
    summarizeInstance(await readDicom(access, { headerOnly: true, initialReadBytes: firstRead, stopAfterTag: SUMMARY_LAST_TAG }), source(entry));
  const pace = pacer();
  for await (const result of scanFiles(io, read, { concurrency: options.concurrency, signal: options.signal })) {
    yield { entry: result.entry, summary: result.kind === 'read' ? result.value : null };
    await pace();
  }
}

/** Summaries of the DICOM files under `root`, sources relative to it. */
export async function summarizeFolder(root: string, options: { readonly signal?: AbortSignal } = {}): Promise<InstanceSummary[]> {
  const summaries: InstanceSummary[] = [];
  const io = localScanIo(() => walkFiles(root, { skipHidden: true, signal: options.signal }), { blocking: true });
  const scan = summarizeEntries(io, { concurrency: 1, signal: options.signal, source: (entry) => entry.relativePath });
  for await (const { summary } of scan) if (summary) summaries.push(summary);
  return summaries;
}

/** SHA-256 of a file's bytes: whether two files with one SOP Instance UID hold the same content. */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
