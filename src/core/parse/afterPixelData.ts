/**
 * The second half of a header-only read: the items of encapsulated pixel data, scanned header by
 * header, then the elements that follow the Pixel Data value (Data Set Trailing Padding, digital
 * signatures, vendor groups), read by byte range so the pixel bytes themselves are never loaded.
 */
import type { DicomElement, DicomFile, Issue } from '../model';
import type { FileAccess } from '../io';
import { ByteWindow } from './byteWindow';
import { readLevel, type Mutable, type ReaderState } from './dataSetReader';
import { applyFragments } from './encapsulated';
import { NeedMoreData, ParseStop, hex } from './errors';
import { FragmentCollector, MAX_BOT_ENTRIES } from './fragments';
import { guarded, type PendingRead } from './parseWindow';
import type { NodeBudget } from './nodeBudget';
import type { IssueCap } from './issueCap';

/** Item headers are read in chunks this big while scanning encapsulated pixel data by range. */
const SCAN_CHUNK = 64 * 1024;
/** First read of the elements after the pixel data; doubled while they need more. */
const TRAILING_FIRST_READ = 64 * 1024;

/** Completes `file` from what `pending` left to read; returns the completed file. */
export async function readAfterPixelData(access: FileAccess, pending: PendingRead, file: DicomFile): Promise<DicomFile> {
  const pixelData = pending.pixelData;
  const withClosing = (read: DicomFile, cap: IssueCap): DicomFile => {
    const closing = cap.closingIssues();
    return closing.length === 0 ? read : { ...read, issues: [...read.issues, ...closing] };
  };
  if (pixelData.length === null && !(await scanEncapsulated(access, pixelData, file, pending.budget))) return withClosing(file, pending.issueCap);
  if (pixelData.end >= file.size) return withClosing(file, pending.issueCap);
  const trailing = await readTrailing(access, pending, pixelData.end, file.size);
  return withClosing({
    ...file,
    dataSet: [...file.dataSet, ...trailing.elements],
    issues: [...file.issues, ...trailing.issues],
    ...(trailing.stoppedAfterTag ? { stoppedAfterTag: pending.stopAfterTag!.toString(16).toUpperCase().padStart(8, '0') } : {}),
  }, trailing.issueCap);
}

interface TrailingRead {
  readonly elements: DicomElement[];
  readonly issues: Issue[];
  readonly stoppedAfterTag: boolean;
  /** The issues counted through this read (the header's, then the trailing elements'). */
  readonly issueCap: IssueCap;
}

/**
 * Reads top-level elements from `start` to the end of the file into a copy of the top level,
 * so that a read that needs a longer window starts again from a clean state.
 */
async function readTrailing(access: FileAccess, pending: PendingRead, start: number, size: number): Promise<TrailingRead> {
  let length = Math.min(size - start, TRAILING_FIRST_READ);
  for (;;) {
    const window = new ByteWindow(await access.read(start, length), start, size);
    const elements: DicomElement[] = [];
    const issues: Issue[] = [];
    const level = { ...pending.level, out: elements, creators: new Map(pending.level.creators) };
    const state: ReaderState = {
      window, issues, maxDepth: pending.maxDepth, stopAtPixelData: false, pixelData: null,
      stopAfterTag: pending.stopAfterTag, stoppedAfterTag: false, lazyValues: pending.lazyValues,
      // A copy each try: a try that needs a longer window starts counting again.
      budget: pending.budget.copy(),
      issueCap: pending.issueCap.copy(),
    };
    try {
      guarded(state, () => readLevel(state, level, start, size).end, start);
      return { elements, issues, stoppedAfterTag: state.stoppedAfterTag, issueCap: state.issueCap };
    } catch (problem) {
      if (!(problem instanceof NeedMoreData) || start + length >= size) throw problem;
      length = Math.min(size - start, Math.max(length * 2, problem.neededEnd - start + TRAILING_FIRST_READ));
    }
  }
}

/**
 * Scans the items of encapsulated pixel data by range; true when it reached the Sequence
 * Delimitation Item, so that what follows can be read as elements.
 */
async function scanEncapsulated(access: FileAccess, element: DicomElement, file: DicomFile, budget: NodeBudget): Promise<boolean> {
  const size = file.size;
  const collector = new FragmentCollector(element.valueOffset, size, file.issues, budget);
  let chunkStart = 0;
  let chunk: Uint8Array = new Uint8Array();
  let lastLength = 0;
  let pos: number | null = element.valueOffset;
  let complete = true;
  try {
    while (pos !== null) {
      if (pos + 8 > size) {
        throw new ParseStop('no-sequence-delimiter', pos, `encapsulated pixel data at ${hex(element.offset)} has no Sequence Delimitation Item before the end of the file`);
      }
      if (pos < chunkStart || pos + 8 > chunkStart + chunk.length) {
        chunkStart = pos;
        // Small fragments: one read brings many headers. Large ones: read just the header.
        chunk = await access.read(pos, lastLength > SCAN_CHUNK / 4 ? 8 : SCAN_CHUNK);
        if (chunk.length < 8) throw new ParseStop('unexpected-end-of-file', pos, `the file ends at ${hex(pos + chunk.length)} inside the item header at ${hex(pos)}`);
      }
      // Every header in the chunk is taken without awaiting: a frame of a million tiny
      // fragments is a million headers, and a promise each would cost more than the reading.
      while (pos !== null && pos >= chunkStart && pos + 8 <= chunkStart + chunk.length) {
        const at = pos - chunkStart;
        const tag = (((chunk[at] | (chunk[at + 1] << 8)) << 16) | (chunk[at + 2] | (chunk[at + 3] << 8))) >>> 0;
        lastLength = (chunk[at + 4] | (chunk[at + 5] << 8) | (chunk[at + 6] << 16)) + chunk[at + 7] * 0x1000000;
        pos = collector.accept(pos, tag, lastLength);
      }
    }
  } catch (problem) {
    if (!(problem instanceof ParseStop)) throw problem;
    complete = false;
    file.issues.push({ code: problem.code, severity: 'error', offset: problem.offset, message: problem.message });
  }
  const bot = collector.botItem;
  const botBytes = bot ? await access.read(bot.valueOffset, Math.min(bot.length, MAX_BOT_ENTRIES * 4)) : undefined;
  applyFragments(element as Mutable<DicomElement>, collector, null, botBytes);
  return complete;
}
