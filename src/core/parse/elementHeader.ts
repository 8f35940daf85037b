import { implicitVr, lookupTag } from '../dictionary/dataDictionary';
import { ByteWindow } from './byteWindow';
import { ParseStop, hex, tagText } from './errors';
import { HeaderKind } from '../values/parsedElement';
import { KNOWN_VRS, LONG_HEADER_VRS, isUpperLetter } from './vr';

/** How a data set is encoded: the transfer syntax, or implicit LE inside an undefined-length UN. */
export interface Encoding {
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
}

export interface ElementHeader {
  tag: number;
  /** The VR (from the file, or from the dictionary when implicit) and the size of the header. */
  kind: HeaderKind;
  /** Raw length field; 0xFFFFFFFF means undefined. */
  length: number;
}

export function readTag(window: ByteWindow, pos: number, littleEndian: boolean): number {
  return ((window.u16(pos, littleEndian) << 16) | window.u16(pos + 2, littleEndian)) >>> 0;
}

/**
 * Header kinds of explicit VRs by their two letters ("AA" to "ZZ"), each made once: elements
 * share them rather than each holding its VR, explicitness and header length.
 */
const EXPLICIT_KINDS: HeaderKind[] = [];
/** Header kinds of implicit VR elements, by VR. */
const IMPLICIT_KINDS = new Map<string, HeaderKind>();

function explicitKind(b0: number, b1: number): HeaderKind {
  const index = (b0 - 0x41) * 26 + (b1 - 0x41);
  let kind = EXPLICIT_KINDS[index];
  if (kind === undefined) {
    const vr = String.fromCharCode(b0, b1);
    // PS3.5 7.1.2: VRs added after 2019 use the 12-byte header, so unknown VRs are read that way too.
    kind = new HeaderKind(vr, true, LONG_HEADER_VRS.has(vr) || !KNOWN_VRS.has(vr) ? 12 : 8);
    EXPLICIT_KINDS[index] = kind;
  }
  return kind;
}

/** The header kind of an implicit VR element whose VR is `vr` (from the dictionary). */
export function implicitKind(vr: string): HeaderKind {
  let kind = IMPLICIT_KINDS.get(vr);
  if (kind === undefined) {
    kind = new HeaderKind(vr, false, 8);
    IMPLICIT_KINDS.set(vr, kind);
  }
  return kind;
}

/**
 * Where readElementHeader writes: one object reused for every header, since a file may have
 * millions of elements and the caller reads the fields at once.
 */
const HEADER: ElementHeader = { tag: 0, kind: implicitKind('NONE'), length: 0 };

/**
 * Reads the tag, VR and length of the element at `pos` (PS3.5 7.1). The result is overwritten
 * by the next call: read its fields before reading another header.
 */
export function readElementHeader(window: ByteWindow, pos: number, encoding: Encoding): Readonly<ElementHeader> {
  window.need(pos, 8, 'an element header');
  const le = encoding.littleEndian;
  const tag = readTag(window, pos, le);
  const header = HEADER;
  header.tag = tag;
  // Items and delimiters have no VR in either encoding.
  if (tag >>> 16 === 0xfffe) {
    header.kind = implicitKind('NONE');
    header.length = window.u32(pos + 4, le);
    return header;
  }
  if (!encoding.explicitVr) {
    header.kind = implicitKind(implicitVr(tag));
    header.length = window.u32(pos + 4, le);
    return header;
  }
  const b0 = window.u8(pos + 4);
  const b1 = window.u8(pos + 5);
  if (!isUpperLetter(b0) || !isUpperLetter(b1)) {
    throw new ParseStop('invalid-vr', pos + 4, `invalid VR bytes 0x${b0.toString(16).padStart(2, '0')} 0x${b1.toString(16).padStart(2, '0')} for ${tagText(tag)} at ${hex(pos + 4)}`);
  }
  const kind = explicitKind(b0, b1);
  header.kind = kind;
  if (kind.headerLength === 12) {
    window.need(pos, 12, 'an element header');
    header.length = window.u32(pos + 8, le);
  } else {
    header.length = window.u16(pos + 6, le);
  }
  return header;
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
