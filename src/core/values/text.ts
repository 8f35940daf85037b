import { convertBytes } from 'dicom-character-set';

/** VRs whose text uses the Specific Character Set; all other text VRs are the default repertoire. */
const CHARSET_VRS = new Set(['LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT']);
/** VRs that hold one value even when it contains a backslash. */
const SINGLE_VALUE_VRS = new Set(['LT', 'ST', 'UT', 'UR']);
/** VRs whose leading spaces are significant. */
const KEEP_LEADING_VRS = new Set(['LT', 'ST', 'UT']);

export const TEXT_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  // Chunked so that long values never exceed the argument limit of fromCharCode.
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return text;
}

/**
 * Decodes text bytes in the character set in force. ASCII bytes take a fast path; anything else
 * goes through dicom-character-set, which handles multi-valued sets and ISO 2022 escapes.
 */
export function decodeText(bytes: Uint8Array, vr: string, characterSet: string | undefined): string {
  if (isAscii(bytes) || !CHARSET_VRS.has(vr)) return latin1(bytes);
  try {
    return convertBytes(characterSet ?? '', bytes, { vr });
  } catch {
    // An unknown or malformed Specific Character Set: show the bytes as Latin-1 rather than nothing.
    return latin1(bytes);
  }
}

/** Splits and trims decoded text into values the way PS3.5 6.2 pads and delimits them. */
export function splitTextValues(text: string, vr: string): string[] {
  const values = SINGLE_VALUE_VRS.has(vr) ? [text] : text.split('\\');
  const keepLeading = KEEP_LEADING_VRS.has(vr);
  return values.map((value) => {
    const end = value.replace(/[\s\0]+$/u, '');
    return keepLeading ? end : end.replace(/^ +/, '');
  });
}
