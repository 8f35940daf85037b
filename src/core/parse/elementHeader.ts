import { implicitVr, lookupTag } from '../dictionary/dataDictionary';
import { ByteWindow } from './byteWindow';
import { ParseStop, hex, tagText } from './errors';
import { KNOWN_VRS, LONG_HEADER_VRS, isUpperLetter } from './vr';

/** How a data set is encoded: the transfer syntax, or implicit LE inside an undefined-length UN. */
export interface Encoding {
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
}

export interface ElementHeader {
  readonly tag: number;
  readonly vr: string;
  readonly explicitVr: boolean;
  /** Size of tag + VR + length fields: 8, or 12 for explicit VRs with a 32-bit length. */
  readonly headerLength: number;
  /** Raw length field; 0xFFFFFFFF means undefined. */
  readonly length: number;
}

export function readTag(window: ByteWindow, pos: number, littleEndian: boolean): number {
  return ((window.u16(pos, littleEndian) << 16) | window.u16(pos + 2, littleEndian)) >>> 0;
}

/** VR strings by their two letters, each made once ("AA" to "ZZ"). */
const VR_STRINGS: string[] = [];

/**
 * The VR of two upper-case letters. Shared rather than made per element: a fresh two-letter
 * string costs 24 bytes or more, and a file may have millions of elements.
 */
function vrString(b0: number, b1: number): string {
  return (VR_STRINGS[(b0 - 0x41) * 26 + (b1 - 0x41)] ??= String.fromCharCode(b0, b1));
}

/** Reads the tag, VR and length of the element at `pos` (PS3.5 7.1). */
export function readElementHeader(window: ByteWindow, pos: number, encoding: Encoding): ElementHeader {
  window.need(pos, 8, 'an element header');
  const le = encoding.littleEndian;
  const tag = readTag(window, pos, le);
  // Items and delimiters have no VR in either encoding.
  if (tag >>> 16 === 0xfffe) {
    return { tag, vr: 'NONE', explicitVr: false, headerLength: 8, length: window.u32(pos + 4, le) };
  }
  if (!encoding.explicitVr) {
    return { tag, vr: implicitVr(tag), explicitVr: false, headerLength: 8, length: window.u32(pos + 4, le) };
  }
  const b0 = window.u8(pos + 4);
  const b1 = window.u8(pos + 5);
  if (!isUpperLetter(b0) || !isUpperLetter(b1)) {
    throw new ParseStop('invalid-vr', pos + 4, `invalid VR bytes 0x${b0.toString(16).padStart(2, '0')} 0x${b1.toString(16).padStart(2, '0')} for ${tagText(tag)} at ${hex(pos + 4)}`);
  }
  const vr = vrString(b0, b1);
  // PS3.5 7.1.2: VRs added after 2019 use the 12-byte header, so unknown VRs are read that way too.
  if (LONG_HEADER_VRS.has(vr) || !KNOWN_VRS.has(vr)) {
    window.need(pos, 12, 'an element header');
    return { tag, vr, explicitVr: true, headerLength: 12, length: window.u32(pos + 8, le) };
  }
  return { tag, vr, explicitVr: true, headerLength: 8, length: window.u16(pos + 6, le) };
}

/**
 * True when the element at `pos` looks explicit VR: two letters forming a known VR after the
 * tag. Used at the start of a data set to catch files whose transfer syntax lies about it.
 */
export function looksExplicit(window: ByteWindow, pos: number): boolean {
  if (!window.has(pos, 6)) return true;
  const vr = String.fromCharCode(window.u8(pos + 4), window.u8(pos + 5));
  return KNOWN_VRS.has(vr);
}

export { lookupTag };
