import type { DicomFile } from '../model';
import { memoryFileAccess, type FileAccess } from '../io';
import { readAfterPixelData } from './afterPixelData';
import { NeedMoreData } from './errors';
import { withIssueLocations } from '../locate/issueLocation';
import { parseWindow, type ParseOptions } from './parseWindow';

export type ReadOptions = ParseOptions & {
  /**
   * Size of the first read; grown four-fold while the header is longer (each growth parses again
   * from the start, so a header of millions of elements is parsed about 1.3 times, not twice).
   * Default 64 KiB.
   */
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

/**
 * Reads a DICOM file through `access`: the first 64 KiB, more while the header needs it, and
 * (header-only, the default) never the pixel data itself: encapsulated pixel data is scanned
 * item header by item header and the elements after the pixel data are read by range, so
 * memory does not grow with the file.
 */
export async function openDicom(access: FileAccess, options: ReadOptions = {}): Promise<OpenedDicom> {
  const size = await access.size();
  let length = Math.min(size, options.initialReadBytes ?? DEFAULT_FIRST_READ);
  for (;;) {
    const bytes = await access.read(0, length);
    try {
      const parsed = parseWindow(bytes, size, options);
      const file = withIssueLocations(parsed.pending ? await readAfterPixelData(access, parsed.pending, parsed.file) : parsed.file);
      const source = parsed.inflatedStream ? memoryFileAccess(parsed.inflatedStream) : access;
      return { file, source };
    } catch (problem) {
      if (!(problem instanceof NeedMoreData) || length >= size) throw problem;
      length = Math.min(size, Math.max(length * 4, problem.neededEnd + DEFAULT_FIRST_READ));
    }
  }
}

export async function readDicom(access: FileAccess, options: ReadOptions = {}): Promise<DicomFile> {
  return (await openDicom(access, options)).file;
}

/** Parses a whole file already in memory, pixel data included unless told otherwise. */
export function parseDicomBytes(bytes: Uint8Array, options: ParseOptions = {}): DicomFile {
  return withIssueLocations(parseWindow(bytes, bytes.length, { headerOnly: false, ...options }).file);
}
