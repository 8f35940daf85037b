import { convertBytes } from 'dicom-character-set';

/** VRs whose text uses the Specific Character Set; all other text VRs are the default repertoire. */
const CHARSET_VRS = new Set(['LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT']);
/** VRs that hold one value even when it contains a backslash. */
const SINGLE_VALUE_VRS = new Set(['LT', 'ST', 'UT', 'UR']);
/** VRs whose leading spaces are significant. */
const KEEP_LEADING_VRS = new Set(['LT', 'ST', 'UT']);

export const TEXT_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);

/** Plain ASCII with no ISO 2022 escape (ESC, 0x1B): the same text in every character set. */
function isPlainAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80 || bytes[i] === 0x1b) return false;
  return true;
}

export function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  if (to - from <= 64) {
    // Most values are short: a plain loop beats setting up a call with an argument list.
    let short = '';
    for (let i = from; i < to; i++) short += String.fromCharCode(bytes[i]);
    return short;
  }
  if (from !== 0 || to !== bytes.length) bytes = bytes.subarray(from, to);
  let text = '';
  // Chunked so that long values never exceed the argument limit of fromCharCode; `apply` on
  // the typed array avoids the iterator a spread would create (this is the hot path of parsing).
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return text;
}

const isPadding = (code: number) => code === 0x20 || code === 0x00 || (code >= 0x09 && code <= 0x0d);

const BACKSLASH = 0x5c;

/**
 * Text values straight from bytes that read the same in every character set (plain ASCII, or a
 * default-repertoire VR): split on backslashes and trimmed by byte position, one string each.
 * This is the parser's hottest path, so it makes no intermediate strings.
 */
export function asciiTextValues(bytes: Uint8Array, vr: string): string[] | null {
  if (CHARSET_VRS.has(vr) && !isPlainAscii(bytes)) return null;
  const single = SINGLE_VALUE_VRS.has(vr);
  const keepLeading = KEEP_LEADING_VRS.has(vr);
  const values: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && (single || bytes[i] !== BACKSLASH)) continue;
    let from = start;
    let to = i;
    while (to > from && isPadding(bytes[to - 1])) to--;
    if (!keepLeading) while (from < to && bytes[from] === 0x20) from++;
    values.push(latin1(bytes, from, to));
    start = i + 1;
  }
  return values;
}

/**
 * Decodes text bytes in the character set in force. ASCII bytes take a fast path; anything else
 * goes through dicom-character-set, which handles multi-valued sets and ISO 2022 escapes.
 */
export function decodeText(bytes: Uint8Array, vr: string, characterSet: string | undefined): string {
  if (isPlainAscii(bytes) || !CHARSET_VRS.has(vr)) return latin1(bytes);
  try {
    return convertBytes(characterSet ?? '', bytes, { vr });
  } catch {
    // An unknown or malformed Specific Character Set: show the bytes as Latin-1 rather than nothing.
    return latin1(bytes);
  }
}

/** Splits and trims decoded text into values the way PS3.5 6.2 pads and delimits them. */
export function splitTextValues(text: string, vr: string): string[] {
  const values = SINGLE_VALUE_VRS.has(vr) || !text.includes('\\') ? [text] : text.split('\\');
  const keepLeading = KEEP_LEADING_VRS.has(vr);
  return values.map((value) => {
    let end = value.length;
    while (end > 0 && isPadding(value.charCodeAt(end - 1))) end--;
    let start = 0;
    if (!keepLeading) while (start < end && value.charCodeAt(start) === 0x20) start++;
    return start === 0 && end === value.length ? value : value.slice(start, end);
  });
}
