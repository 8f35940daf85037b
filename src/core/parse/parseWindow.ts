import type { DicomElement, DicomFile, Issue, IssueCode, TransferSyntaxInfo } from '../model';
import { ByteWindow } from './byteWindow';
import { NOTHING_INHERITED, PIXEL_DATA, newLevel, readDataSet, readLevel, type ReaderState } from './dataSetReader';
import type { Level } from './level';
import { looksExplicit, type Encoding } from './elementHeader';
import { NeedMoreData, ParseStop, hex } from './errors';
import { describeTransferSyntax, detectFileStart, guessRawTransferSyntax, type FileStart } from './fileStart';
import { inflateRawCapped } from './inflate';
import { NodeBudget } from './nodeBudget';
import { IssueCap } from './issueCap';
import { checkImagePixelModule, checkNativePixelDataLength } from './pixelDataCheck';
import { checkMetaGroupLength } from './metaGroupCheck';

export interface ParseOptions {
  /** Stop before the value of the top-level Pixel Data (default true). */
  readonly headerOnly?: boolean;
  /** Cap on the size of an inflated (deflated transfer syntax) data set; default 256 MiB. */
  readonly maxInflatedBytes?: number;
  /** Deepest sequence nesting read; default 128. */
  readonly maxDepth?: number;
  /**
   * Stop before the first top-level data set element whose tag ("GGGGEEEE") sorts after this
   * one, as DCMTK's `+st` and pydicom's `specific_tags` do: a sort or an export that needs a few
   * attributes reads no further. The file meta group is always read whole.
   */
  readonly stopAfterTag?: string;
  /**
   * Record where each value lies and decode it only when it is read (see LazyElement), as
   * pydicom does: for jobs that read a few attributes of many files (sort, a CSV of chosen
   * columns, an index). Elements then read the same, and the issues found are the same.
   */
  readonly lazyValues?: boolean;
  /**
   * Most elements, items and fragments read into the model (default 3,000,000), and most decoded
   * values of multi-valued text (default 24,000,000): see NodeBudget. Past either, reading stops
   * with an error at that offset.
   */
  readonly maxNodes?: number;
  readonly maxValues?: number;
}

export interface WindowParse {
  readonly file: DicomFile;
  /** The stream the offsets refer to, when it is not the file itself (deflated files). */
  readonly inflatedStream: Uint8Array | null;
  /** Set when a header-only read stopped at the top-level Pixel Data: what is left to read by range. */
  readonly pending: PendingRead | null;
}

/**
 * The rest of a header-only read: the items of encapsulated pixel data still to be scanned,
 * then the elements after the Pixel Data value, read into the same top level.
 */
export interface PendingRead {
  readonly pixelData: DicomElement;
  readonly level: Level;
  readonly maxDepth: number;
  readonly stopAfterTag: number | null;
  readonly lazyValues: boolean;
  readonly budget: NodeBudget;
  readonly issueCap: IssueCap;
}

const META_GROUP = 0x0002;
const TRANSFER_SYNTAX_TAG = '00020010';
const DEFAULT_MAX_INFLATED = 256 * 1024 * 1024;

/**
 * Parses a prefix of a file (`bytes` = its first bytes, `fileSize` = its full size). Throws
 * NeedMoreData when the prefix is too short for the header; every other problem becomes an
 * issue, and what was read before it stays in the result.
 */
export function parseWindow(bytes: Uint8Array, fileSize: number, options: ParseOptions = {}): WindowParse {
  const issues: Issue[] = [];
  let window = new ByteWindow(bytes, 0, fileSize);
  const start = detectFileStart(window);
  if (!start) {
    if (!window.complete && bytes.length < 132) throw new NeedMoreData(Math.min(fileSize, 132));
    return notDicom(fileSize, issues);
  }
  const state: ReaderState = {
    window, issues, maxDepth: options.maxDepth ?? 128, stopAtPixelData: options.headerOnly !== false, pixelData: null,
    stopAfterTag: options.stopAfterTag === undefined ? null : parseInt(options.stopAfterTag, 16), stoppedAfterTag: false,
    lazyValues: options.lazyValues ?? false, budget: new NodeBudget(options.maxNodes, options.maxValues), issueCap: new IssueCap(),
  };
  const meta: DicomElement[] = [];
  let dataSetOffset = start.rawDataSetOffset;
  if (start.metaOffset !== null) {
    const metaOffset = start.metaOffset;
    dataSetOffset = guarded(state, () => readDataSet(state, metaOffset, fileSize, 0, { explicitVr: true, littleEndian: true }, NOTHING_INHERITED, meta, true, META_GROUP).end, -1);
    if (dataSetOffset < 0) dataSetOffset = meta.length > 0 ? meta[meta.length - 1].end : metaOffset;
  }
  const syntax = chooseTransferSyntax(window, start, meta, dataSetOffset, issues);
  let inflatedStream: Uint8Array | null = null;
  let readerState = state;
  if (syntax.deflated && dataSetOffset < fileSize) {
    window.need(0, fileSize, 'the deflated data set');
    inflatedStream = inflateDataSet(bytes, dataSetOffset, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED, issues);
    window = new ByteWindow(inflatedStream, 0, inflatedStream.length);
    // Everything is in memory once inflated, so there is nothing to gain by stopping early.
    readerState = { ...state, window, stopAtPixelData: false };
  }
  const encoding = dataSetEncoding(window, dataSetOffset, syntax, issues);
  const dataSet: DicomElement[] = [];
  const topLevel = newLevel(dataSet, 0, encoding, NOTHING_INHERITED, true);
  if (dataSetOffset < window.streamSize) {
    guarded(readerState, () => readLevel(readerState, topLevel, dataSetOffset, window.streamSize).end, 0);
  }
  // A header-only read lists its counted issues when the rest has been read (readAfterPixelData).
  if (readerState.pixelData === null) issues.push(...readerState.issueCap.closingIssues());
  checkNativePixelDataLength(dataSet, issues);
  checkImagePixelModule(dataSet, issues);
  checkMetaGroupLength(meta, dataSetOffset, issues);
  const pending = readerState.pixelData;
  const file: DicomFile = {
    size: fileSize, preamble: start.preamble, prefix: start.prefix, dataSetOffset,
    transferSyntax: syntax, deflated: syntax.deflated, meta, dataSet, issues,
    characterSet: characterSetOf(dataSet), stoppedBeforePixelData: pending !== null,
    ...(readerState.stoppedAfterTag ? { stoppedAfterTag: options.stopAfterTag } : {}),
  };
  return { file, inflatedStream, pending: pending && { pixelData: pending, level: topLevel, maxDepth: readerState.maxDepth, stopAfterTag: readerState.stopAfterTag, lazyValues: readerState.lazyValues, budget: readerState.budget, issueCap: readerState.issueCap } };
}

/** Runs a read and turns whatever stops it (other than a request for more data) into an issue. */
export function guarded(state: ReaderState, read: () => number, fallback: number): number {
  try {
    return read();
  } catch (problem) {
    if (problem instanceof NeedMoreData) throw problem;
    if (problem instanceof ParseStop) {
      state.issues.push({ code: problem.code, severity: 'error', offset: problem.offset, message: problem.message });
    } else if (problem instanceof RangeError) {
      state.issues.push({ code: 'reading-stopped', severity: 'error', offset: null, message: `reading stopped: ${problem.message}` });
    } else {
      const message = problem instanceof Error ? problem.message : String(problem);
      state.issues.push({ code: 'internal-error', severity: 'error', offset: null, message: `internal error while reading: ${message}` });
    }
    return fallback;
  }
}

function chooseTransferSyntax(window: ByteWindow, start: FileStart, meta: DicomElement[], dataSetOffset: number, issues: Issue[]): TransferSyntaxInfo {
  if (start.metaOffset === null) {
    const guess = guessRawTransferSyntax(window, dataSetOffset);
    issues.push({ code: 'raw-data-set', severity: 'warning', offset: 0, message: `no preamble, DICM prefix or file meta group: read as a raw data set in ${guess.name} (guessed from the first element)` });
    return guess;
  }
  if (start.preamble === null) {
    issues.push({ code: 'no-preamble', severity: 'warning', offset: 0, message: 'no 128-byte preamble and DICM prefix; the file starts with the file meta group' });
  }
  const element = meta.find((e) => e.tag === TRANSFER_SYNTAX_TAG);
  const uid = typeof element?.value === 'string' ? element.value : null;
  if (!uid) {
    const guess = guessRawTransferSyntax(window, dataSetOffset);
    issues.push({ code: 'missing-transfer-syntax', severity: 'error', offset: start.metaOffset, message: `file meta group has no Transfer Syntax UID (0002,0010); data set read as ${guess.name} (guessed)` });
    return guess;
  }
  const syntax = describeTransferSyntax(uid);
  if (!syntax.known) {
    issues.push({ code: 'unknown-transfer-syntax', severity: 'warning', offset: element!.valueOffset, message: `unknown transfer syntax ${uid}; read as explicit VR little endian` });
  }
  return syntax;
}

/** The transfer syntax says how the data set is encoded; if its first element disagrees, follow the bytes as DCMTK does. */
function dataSetEncoding(window: ByteWindow, at: number, syntax: TransferSyntaxInfo, issues: Issue[]): Encoding {
  if (!window.has(at, 6)) return { explicitVr: syntax.explicitVr, littleEndian: syntax.littleEndian };
  const explicit = looksExplicit(window, at);
  if (explicit !== syntax.explicitVr) {
    issues.push({ code: 'vr-encoding-mismatch', severity: 'warning', offset: at, message: `transfer syntax ${syntax.uid} says ${syntax.explicitVr ? 'explicit' : 'implicit'} VR but the data set at ${hex(at)} is ${explicit ? 'explicit' : 'implicit'} VR; read as it is encoded` });
  }
  return { explicitVr: explicit, littleEndian: syntax.littleEndian };
}

function inflateDataSet(bytes: Uint8Array, dataSetOffset: number, cap: number, issues: Issue[]): Uint8Array {
  const result = inflateRawCapped(bytes.subarray(dataSetOffset), cap, bytes.subarray(0, dataSetOffset));
  const inflated = result.inflatedLength;
  if (result.error) issues.push({ code: 'deflate-corrupt', severity: 'error', offset: dataSetOffset, message: `deflated data set at ${hex(dataSetOffset)} is corrupt after ${inflated} inflated bytes: ${result.error}` });
  if (result.capped) issues.push({ code: 'deflate-too-large', severity: 'error', offset: dataSetOffset, message: `deflated data set at ${hex(dataSetOffset)} inflates to more than ${cap} bytes; only the first ${cap} were read` });
  issues.push({ code: 'deflated-offsets', severity: 'info', offset: dataSetOffset, message: `deflated data set: offsets from ${hex(dataSetOffset)} on are positions in the inflated stream (meta group + ${inflated} inflated bytes)` });
  return result.data;
}

function characterSetOf(dataSet: DicomElement[]): string[] {
  // By number: the tag string of a private element is made when read.
  const element = dataSet.find((e) => e.group === 0x0008 && e.element === 0x0005);
  if (!element || element.value === null) return [];
  return Array.isArray(element.value) ? element.value.map(String) : [String(element.value)];
}

/** Why a file of `fileSize` bytes whose start the reader does not recognise is not DICOM (folder jobs say the same). */
export function notDicomMessage(fileSize: number): string {
  return fileSize < 132
    ? `not a DICOM file: ${fileSize} bytes, fewer than the 132 of a preamble and DICM prefix, and no data set at offset 0`
    : 'not a DICOM file: no DICM prefix at offset 0x0080 and no data set at offset 0x0000';
}

function notDicom(fileSize: number, issues: Issue[]): WindowParse {
  const message = notDicomMessage(fileSize);
  issues.push({ code: 'not-dicom', severity: 'error', offset: fileSize < 132 ? 0 : 128, message });
  const file: DicomFile = {
    size: fileSize, preamble: null, prefix: null, dataSetOffset: 0, transferSyntax: null, deflated: false,
    meta: [], dataSet: [], issues, characterSet: [], stoppedBeforePixelData: false, notDicom: true,
  };
  return { file, inflatedStream: null, pending: null };
}

export { PIXEL_DATA };
