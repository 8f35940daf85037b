/**
 * Safe path components from untrusted text (patient names, descriptions, UIDs).
 *
 * Sorting builds folder and file names from values anyone could have written into a file, so
 * every component is forced through an allow-list rather than a block-list: letters, marks and
 * digits of any script (after NFC normalisation), `-`, `_` and `.`; everything else becomes `_`.
 * On top of that: no `.`/`..`, no leading dot (hidden files), no trailing dots or spaces
 * (Windows drops them silently, which would merge names), no Windows device names, and a byte
 * cap with a short stable hash so that two long values that share a prefix stay apart.
 */

/** Characters the pydicom sorting script replaces in `clean_text`. */
const SCRIPT_FORBIDDEN = /[*.,"\\/|[\]:; ]/g;

/**
 * The cleaning of the well-known pydicom sorting script: forbidden symbols and spaces become
 * `_`, and the text is lower-cased, so that `Head CT, w/o` and `HEAD CT W/O` sort alike.
 */
export function cleanValue(text: string): string {
  return text.replace(SCRIPT_FORBIDDEN, '_').toLowerCase();
}

const NOT_ALLOWED = /[^\p{L}\p{M}\p{N}._-]/gu;
const HAS_NOT_ALLOWED = /[^\p{L}\p{M}\p{N}._-]/u;

/**
 * Device names Windows reserves in every folder, with or without an extension (`con.dcm` is
 * as bad as `CON`). The superscript digits are reserved too; `\p{N}` lets them through.
 */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$/i;

/** 255 bytes is the per-component limit of ext4, APFS and NTFS; stay well below it so that
 *  a suffix such as `~12` and the temporary names still fit. */
export const DEFAULT_MAX_COMPONENT_BYTES = 120;

/** Used when a value sanitises to nothing; the pydicom script writes `NA` for missing values. */
export const EMPTY_COMPONENT = 'NA';

const encoder = new TextEncoder();

/** UTF-8 byte count without encoding (this runs for every component of every file). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** FNV-1a (32 bits) over UTF-8: small, stable across platforms and runs, no dependency. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, cut between code points. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

function trimEnds(text: string): string {
  return text.replace(/[. ]+$/, '').replace(/^\.+/, (dots) => '_'.repeat(dots.length));
}

export interface SafeComponentOptions {
  readonly maxBytes?: number;
  /** Keep a short extension (such as `.dcm`) when the component has to be cut. */
  readonly isFileName?: boolean;
}

export function safeComponent(text: string, options: SafeComponentOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_COMPONENT_BYTES;
  let name = trimEnds(text.normalize('NFC').trim().replace(NOT_ALLOWED, '_'));
  if (name === '') name = EMPTY_COMPONENT;
  if (WINDOWS_RESERVED.test(name)) name = '_' + name;
  if (utf8Length(name) <= maxBytes) return name;

  const hash = shortHash(name);
  const dot = name.lastIndexOf('.');
  const extension = options.isFileName && dot > 0 && name.length - dot <= 8 ? name.slice(dot) : '';
  const room = maxBytes - utf8Length(extension) - hash.length - 1;
  const head = trimEnds(truncateUtf8(name.slice(0, name.length - extension.length), Math.max(0, room)));
  return `${head}_${hash}${extension}`;
}

/** True when `name` is something `safeComponent` could have produced, used to check targets. */
export function isSafeComponent(name: string, maxBytes = DEFAULT_MAX_COMPONENT_BYTES): boolean {
  return (
    name !== '' &&
    name === name.normalize('NFC') &&
    !HAS_NOT_ALLOWED.test(name.replace(/~\d+(?=\.[^.]*$|$)/, '')) &&
    !name.startsWith('.') &&
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED.test(name) &&
    utf8Length(name) <= maxBytes + 8
  );
}
