/**
 * Recognising a DICOM Part 10 file from its first bytes: a 128-byte preamble followed by
 * "DICM". Pure (no `vscode`).
 */

export const DICOM_HEAD_LENGTH = 132;
const PREFIX = [0x44, 0x49, 0x43, 0x4d]; // "DICM"

export function looksLikeDicom(head: Uint8Array): boolean {
  if (head.length < DICOM_HEAD_LENGTH) return false;
  return PREFIX.every((byte, i) => head[128 + i] === byte);
}
