import type { DicomElement, DicomFile } from '../model';
import { memoryFileAccess, type FileAccess } from '../io';
import { applyFragments } from './encapsulated';
import { NeedMoreData, ParseStop, hex } from './errors';
import { FragmentCollector, MAX_BOT_ENTRIES } from './fragments';
import { parseWindow, type ParseOptions } from './parseWindow';

export type ReadOptions = ParseOptions & {
  /** Size of the first read; grown (doubled) while the header is longer. Default 64 KiB. */
  readonly initialReadBytes?: number;
};

export interface OpenedDicom {
  readonly file: DicomFile;
  /**
   * The bytes the model's offsets refer to: the file itself, or for a deflated file the meta
   * group followed by the inflated data set. Frames are read from here by byte range.
   */
  readonly source: FileAccess;
}

const DEFAULT_FIRST_READ = 64 * 1024;
/** Item headers are read in chunks this big while scanning encapsulated pixel data by range. */
const SCAN_CHUNK = 64 * 1024;

/**
 * Reads a DICOM file through `access`: the first 64 KiB, more while the header needs it, and
 * (header-only, the default) never the pixel data itself: encapsulated pixel data is scanned
 * item header by item header, so memory does not grow with the file.
 */
export async function openDicom(access: FileAccess, options: ReadOptions = {}): Promise<OpenedDicom> {
  const size = await access.size();
  let length = Math.min(size, options.initialReadBytes ?? DEFAULT_FIRST_READ);
  for (;;) {
    const bytes = await access.read(0, length);
    try {
      const parsed = parseWindow(bytes, size, options);
      if (parsed.pendingPixelData) await scanEncapsulated(access, parsed.pendingPixelData, size, parsed.file);
      const source = parsed.inflatedStream ? memoryFileAccess(parsed.inflatedStream) : access;
      return { file: parsed.file, source };
    } catch (problem) {
      if (!(problem instanceof NeedMoreData) || length >= size) throw problem;
      length = Math.min(size, Math.max(length * 2, problem.neededEnd + DEFAULT_FIRST_READ));
    }
  }
}

export async function readDicom(access: FileAccess, options: ReadOptions = {}): Promise<DicomFile> {
  return (await openDicom(access, options)).file;
}

/** Parses a whole file already in memory, pixel data included unless told otherwise. */
export function parseDicomBytes(bytes: Uint8Array, options: ParseOptions = {}): DicomFile {
  return parseWindow(bytes, bytes.length, { headerOnly: false, ...options }).file;
}

async function scanEncapsulated(access: FileAccess, element: DicomElement, size: number, file: DicomFile): Promise<void> {
  const collector = new FragmentCollector(element.valueOffset, size, file.issues);
  let chunkStart = -1;
  let chunk: Uint8Array = new Uint8Array();
  let lastLength = 0;
  const header = async (pos: number): Promise<DataView | null> => {
    if (pos + 8 > size) return null;
    if (pos < chunkStart || pos + 8 > chunkStart + chunk.length) {
      chunkStart = pos;
      // Small fragments: one read brings many headers. Large ones: read just the header.
      chunk = await access.read(pos, lastLength > SCAN_CHUNK / 4 ? 8 : SCAN_CHUNK);
    }
    return new DataView(chunk.buffer, chunk.byteOffset + (pos - chunkStart), 8);
  };
  let pos: number | null = element.valueOffset;
  try {
    while (pos !== null) {
      const view = await header(pos);
      if (!view) {
        throw new ParseStop('no-sequence-delimiter', pos, `encapsulated pixel data at ${hex(element.offset)} has no Sequence Delimitation Item before the end of the file`);
      }
      const tag = ((view.getUint16(0, true) << 16) | view.getUint16(2, true)) >>> 0;
      lastLength = view.getUint32(4, true);
      pos = collector.accept(pos, tag, lastLength);
    }
  } catch (problem) {
    if (!(problem instanceof ParseStop)) throw problem;
    file.issues.push({ code: problem.code, severity: 'error', offset: problem.offset, message: problem.message });
  }
  const bot = collector.botItem;
  const botBytes = bot ? await access.read(bot.valueOffset, Math.min(bot.length, MAX_BOT_ENTRIES * 4)) : undefined;
  applyFragments(element as Parameters<typeof applyFragments>[0], collector, null, botBytes);
}
