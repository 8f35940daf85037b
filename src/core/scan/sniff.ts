/**
 * Is this file DICOM at all? Folder exports meet READMEs, thumbnails and `.DS_Store`; those
 * are skipped and counted, while a file that claims to be DICOM but cannot be read becomes an
 * error row. The check looks at the first bytes only.
 */

import { ByteWindow } from '../parse/byteWindow';
import { detectFileStart } from '../parse/fileStart';

export type SniffResult = 'part10' | 'bare' | 'none';

/** Bytes needed for a decision: preamble, `DICM`, and one element header after it. */
export const SNIFF_LENGTH = 140;

/**
 * `part10`: a `DICM` prefix (after a preamble, or at the start). `bare`: no prefix, but the
 * bytes start like a meta group or a data set (old ACR-NEMA style files). `none`: anything
 * else. The reader's own test of a file's start, so a job skips exactly the files the reader
 * would call "not a DICOM file".
 */
export function sniffDicom(head: Uint8Array): SniffResult {
  const start = detectFileStart(new ByteWindow(head, 0, head.length));
  if (start === null) return 'none';
  return start.prefix !== null ? 'part10' : 'bare';
}

/** Names that say "DICOM" even when the bytes do not: these become error rows, not skips. */
export function hasDicomExtension(path: string): boolean {
  return /\.(dcm|dicom|dic)$/i.test(path);
}
