/**
 * The CSV export, independent of where files come from and where text goes: the CLI backs
 * it with `fs`, the extension with its progress and cancellation, tests with memory.
 *
 * Union columns need every file's tags before the header row can be written: the first pass
 * (the census) holds rows within a memory budget and files past the budget are read again
 * afterwards (see rowBuffer.ts), so memory stays bounded whatever the number of files while a
 * typical folder is parsed once. Chosen columns and the long form make one pass.
 */
import type { FileAccess } from '../io';
import type { DicomFile } from '../model';
import { lastTopLevelTag, type AttributeSelector } from '../query/selector';
import { readDicom } from '../parse/readDicom';
import type { ElementPathStep } from '../query/path';
import { TagCensus, type ColumnPlan } from './columns';
import { RowBuffer } from './rowBuffer';
import { CsvWriter } from './csvWriter';
import { errorText, HEAD_LENGTH, pacer, scanFiles, type ScanResult } from '../scan/folderScan';
import { isValidDelimiter } from './rfc4180';
import { columnCount, errorRow, headerFields, longRows, longRowsFor, topLevel, wideRow } from './rows';
import { issuesCell } from './cells';
import { hasDicomExtension } from '../scan/sniff';

export { HEAD_LENGTH };

export interface CsvFileEntry {
  /** What `open` takes. */
  readonly path: string;
  /** The first column: the path relative to the exported folder. */
  readonly relativePath: string;
  /** Named by the user one by one: a non-DICOM file is then an error row, not a skip. */
  readonly explicit?: boolean;
}

export interface CsvExportIo {
  /** Lists the files; called once per pass. */
  listFiles(): AsyncIterable<CsvFileEntry>;
  open(path: string): Promise<FileAccess & { close(): Promise<void> }>;
  /**
   * Header-only read: `readCsvHeader(access, firstRead, stopAfterTag)`. The first `firstRead`
   * bytes are already in memory (read for sniffing). `path` is the listed file's, so a front
   * that already holds the file's parse can give it instead. `stopAfterTag` is the last
   * top-level tag the columns need (chosen columns only): the read may stop after it.
   */
  readHeader(access: FileAccess, firstRead: number, path: string, stopAfterTag?: string): Promise<DicomFile>;
  /** Appends text to the output; awaiting it applies back-pressure. */
  write(text: string): Promise<void> | void;
}

export type CsvColumns =
  | { readonly kind: 'union' }
  | { readonly kind: 'selected'; readonly selectors: readonly AttributeSelector[] }
  /**
   * One row per element. `only`: just these elements of each file (paths from the top level,
   * the last step the element itself; the tag tree's selection), with their contents.
   */
  | { readonly kind: 'long'; readonly only?: readonly (readonly ElementPathStep[])[] };

export interface CsvProgress {
  /** `census` while collecting union columns, `rows` while writing. */
  readonly phase: 'census' | 'rows';
  readonly done: number;
  /** Known in the rows phase of a union export (from the census). */
  readonly total: number | null;
  readonly skipped: number;
  readonly errors: number;
}

export interface CsvExportOptions {
  readonly columns: CsvColumns;
  readonly delimiter?: string;
  readonly bom?: boolean;
  /** Header reads in flight at once. */
  readonly concurrency?: number;
  /** Memory for rows held during a union census (default 32 MiB); files past it are read twice. */
  readonly rowBufferBytes?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CsvProgress) => void;
}

export interface CsvExportSummary {
  /** Files with a row (including error rows). */
  readonly files: number;
  /** Non-DICOM files left out. */
  readonly skipped: number;
  /** Files whose row carries an error. */
  readonly errors: number;
  readonly columns: number;
  readonly cancelled: boolean;
}

type Outcome = ScanResult<CsvFileEntry, DicomFile>;

const FLUSH_AT = 64 * 1024;
const DEFAULT_ROW_BUFFER = 32 * 1024 * 1024;

/**
 * Parsed headers waiting for an earlier file are held up to this many bytes of header: a few
 * files with headers of tens of MB must not be read sixteen at a time.
 */
const MAX_HEADER_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** Bytes of header a parsed file stands for (where its last top-level element starts). */
function heldBytes(outcome: Outcome): number {
  if (outcome.kind !== 'read') return 0;
  const last = outcome.value.dataSet[outcome.value.dataSet.length - 1];
  return last?.offset ?? outcome.value.dataSetOffset;
}

/** A file that is not DICOM is left out, unless the user named it or its name says DICOM: then it is an error row. */
function notDicomError(outcome: Extract<Outcome, { kind: 'not-dicom' }>): string | null {
  const { entry, length } = outcome;
  if (!entry.explicit && !hasDicomExtension(entry.path)) return null;
  return length < 132 ? `not a DICOM file (only ${length} bytes)` : 'not a DICOM file (no DICM prefix)';
}

/** What a file gives the CSV: its header, nothing (skipped), or an error row. */
type FileRow =
  | { readonly kind: 'file'; readonly entry: CsvFileEntry; readonly file: DicomFile }
  | { readonly kind: 'skip'; readonly entry: CsvFileEntry }
  | { readonly kind: 'error'; readonly entry: CsvFileEntry; readonly message: string };

function fileRow(outcome: Outcome): FileRow {
  const { entry } = outcome;
  if (outcome.kind === 'read') return { kind: 'file', entry, file: outcome.value };
  if (outcome.kind === 'failed') return { kind: 'error', entry, message: errorText(outcome.error) };
  const message = notDicomError(outcome);
  return message === null ? { kind: 'skip', entry } : { kind: 'error', entry, message };
}

/**
 * The header read an export needs: header-only, up to the last tag its columns need, and each
 * value decoded only when a cell asks for it (a CSV of ten columns reads ten values a file).
 */
export function readCsvHeader(access: FileAccess, firstRead: number, stopAfterTag?: string): Promise<DicomFile> {
  return readDicom(access, { headerOnly: true, initialReadBytes: firstRead, stopAfterTag, lazyValues: true });
}

/** Each file's header, in listing order, through the one folder scan. */
async function* scan(io: CsvExportIo, listing: AsyncIterable<CsvFileEntry>, options: Pick<CsvExportOptions, 'concurrency' | 'signal'>, stopAfterTag?: string): AsyncGenerator<FileRow> {
  const results = scanFiles<CsvFileEntry, DicomFile>(
    { list: () => listing, open: (path) => io.open(path) },
    (access, entry, firstRead) => io.readHeader(access, firstRead, entry.path, stopAfterTag),
    { concurrency: options.concurrency ?? 8, signal: options.signal, maxBytesInFlight: MAX_HEADER_BYTES_IN_FLIGHT, sizeOf: heldBytes },
  );
  for await (const outcome of results) yield fileRow(outcome);
}

function longRowsOf(relativePath: string, file: DicomFile, columns: CsvColumns): Iterable<string[]> {
  return columns.kind === 'long' && columns.only !== undefined ? longRowsFor(relativePath, columns.only) : longRows(relativePath, file);
}

function hasErrors(file: DicomFile): boolean {
  return file.issues.some((issue) => issue.severity === 'error');
}

/** Skips the first `count` entries of a listing (files whose rows were held in the census). */
async function* skipFirst<T>(entries: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  let seen = 0;
  for await (const entry of entries) if (seen++ >= count) yield entry;
}

interface CensusResult {
  readonly census: TagCensus;
  readonly cancelled: boolean;
  /** Rows held for the first `heldEntries` listed entries (skipped files included). */
  readonly held: RowBuffer | null;
  readonly heldEntries: number;
  /** Files with a row (DICOM files and error rows). */
  readonly rows: number;
  readonly skipped: number;
  readonly errors: number;
}

async function runCensus(io: CsvExportIo, options: Pick<CsvExportOptions, 'concurrency' | 'signal' | 'onProgress'>, held: RowBuffer | null): Promise<CensusResult> {
  const census = new TagCensus();
  let done = 0;
  let skipped = 0;
  let errors = 0;
  let heldEntries = 0;
  let holding = held !== null;
  const pace = pacer();
  for await (const outcome of scan(io, io.listFiles(), options)) {
    await pace();
    if (outcome.kind === 'skip') skipped++;
    else done++;
    if (outcome.kind === 'error' || (outcome.kind === 'file' && hasErrors(outcome.file))) errors++;
    if (outcome.kind === 'file') {
      const elements = topLevel(outcome.file);
      const ids = census.add(elements);
      if (holding) holding = held!.holdFile(outcome.entry.relativePath, elements, ids, issuesCell(outcome.file.issues));
    } else if (outcome.kind === 'error' && holding) {
      holding = held!.holdError(outcome.entry.relativePath, outcome.message);
    }
    if (holding) heldEntries++;
    options.onProgress?.({ phase: 'census', done, total: null, skipped, errors });
  }
  return { census, cancelled: options.signal?.aborted ?? false, held, heldEntries, rows: done, skipped, errors };
}

/** Header-only census of the files' top-level tags (for the column picker). */
export async function censusFiles(io: CsvExportIo, options: Pick<CsvExportOptions, 'concurrency' | 'signal' | 'onProgress'>): Promise<{ census: TagCensus; cancelled: boolean }> {
  const { census, cancelled } = await runCensus(io, options, null);
  return { census, cancelled };
}

export async function exportCsv(io: CsvExportIo, options: CsvExportOptions): Promise<CsvExportSummary> {
  const delimiter = options.delimiter ?? ',';
  if (!isValidDelimiter(delimiter)) throw new Error(`Unsupported CSV delimiter ${JSON.stringify(delimiter)}`);
  let plan: ColumnPlan;
  let total: number | null = null;
  let census: CensusResult | null = null;
  if (options.columns.kind === 'union') {
    census = await runCensus(io, options, new RowBuffer(options.rowBufferBytes ?? DEFAULT_ROW_BUFFER));
    if (census.cancelled) return { files: 0, skipped: 0, errors: 0, columns: 0, cancelled: true };
    plan = { kind: 'union', columns: census.census.columns() };
    total = census.rows;
  } else {
    plan = options.columns;
  }

  const out = new CsvWriter(io.write, delimiter, options.bom !== false, FLUSH_AT);
  await out.record(headerFields(plan));
  let files = 0;
  let skipped = 0;
  let errors = 0;
  let listing = io.listFiles();
  const pace = pacer();
  if (census !== null && census.held !== null) {
    for (const row of census.held.drain(census.census)) {
      if (options.signal?.aborted) break;
      const wrote = await out.record(row);
      files++;
      if (wrote || out.full) {
        await out.flush();
        options.onProgress?.({ phase: 'rows', done: files, total, skipped: census.skipped, errors: census.errors });
      }
      await pace();
    }
    listing = skipFirst(listing, census.heldEntries);
  }
  // Chosen columns need the header only up to their last top-level tag.
  const stopAfterTag = plan.kind === 'selected' ? lastTopLevelTag(plan.selectors) : undefined;
  // Files not held (or every file, for chosen columns and the long form).
  for await (const outcome of scan(io, listing, options, stopAfterTag)) {
    await pace();
    if (outcome.kind === 'skip') {
      skipped++;
    } else {
      files++;
      if (outcome.kind === 'error') {
        errors++;
        await out.record(errorRow(outcome.entry.relativePath, outcome.message, plan));
      } else {
        if (hasErrors(outcome.file)) errors++;
        if (plan.kind === 'long') {
          // One file can give hundreds of thousands of rows (a multi-frame file's per-frame
          // groups): they are written and the loop is given back as they come.
          for (const row of longRowsOf(outcome.entry.relativePath, outcome.file, options.columns)) {
            await out.record(row);
            if (out.full) await out.flush();
            await pace();
          }
        } else await out.record(wideRow(outcome.entry.relativePath, outcome.file, plan));
      }
    }
    if (out.full) await out.flush();
    options.onProgress?.({ phase: 'rows', done: files, total, skipped, errors });
  }
  await out.flush();
  const cancelled = options.signal?.aborted ?? false;
  // The census saw every file, so its counts hold for a union export (the second pass sees only some).
  if (census !== null && !cancelled) return { files: census.rows, skipped: census.skipped, errors: census.errors, columns: columnCount(plan), cancelled };
  return { files, skipped, errors, columns: columnCount(plan), cancelled };
}
