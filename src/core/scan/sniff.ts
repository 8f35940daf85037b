/**
 * Is this file DICOM at all? Folder exports meet READMEs, thumbnails and `.DS_Store`; those
 * are skipped and counted, while a file that claims to be DICOM but cannot be read becomes an
 * error row. The check looks at the first bytes only.
 */

export type SniffResult = 'part10' | 'bare' | 'none';

/** Bytes needed for a decision: preamble, `DICM`, and one element header after it. */
export const SNIFF_LENGTH = 140;

const EXPLICIT_VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);

/**
 * `part10`: a preamble and `DICM` prefix. `bare`: no prefix, but the bytes start like a data
 * set of groups 0002 or 0008 (old ACR-NEMA style files). `none`: anything else.
 */
export function sniffDicom(head: Uint8Array): SniffResult {
  if (head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d) return 'part10';
  if (head.length < 8) return 'none';
  const group = head[0] | (head[1] << 8);
  const element = head[2] | (head[3] << 8);
  if ((group !== 0x0002 && group !== 0x0008) || element > 0x00ff) return 'none';
  const vr = String.fromCharCode(head[4], head[5]);
  if (EXPLICIT_VRS.has(vr)) return 'bare';
  // Implicit VR: a 32-bit length; a header element is short.
  const length = (head[4] | (head[5] << 8) | (head[6] << 16)) + head[7] * 0x1000000;
  return length < 0x10000 ? 'bare' : 'none';
}

/** Names that say "DICOM" even when the bytes do not: these become error rows, not skips. */
export function hasDicomExtension(path: string): boolean {
  return /\.(dcm|dicom|dic)$/i.test(path);
}
