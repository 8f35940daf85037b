import type { ByteSpan, TransferSyntaxInfo } from '../model';
import { transferSyntax } from '../dictionary/uids';
import { ByteWindow } from './byteWindow';
import { looksExplicit } from './elementHeader';

export const PREAMBLE_LENGTH = 128;
const DICM = [0x44, 0x49, 0x43, 0x4d];

export interface FileStart {
  readonly preamble: ByteSpan | null;
  readonly prefix: ByteSpan | null;
  /** Offset of the file meta group, or null when the file starts straight with the data set. */
  readonly metaOffset: number | null;
  /** Offset of the data set when there is no meta group. */
  readonly rawDataSetOffset: number;
}

function hasDicm(window: ByteWindow, at: number): boolean {
  if (!window.has(at, 4)) return false;
  return DICM.every((byte, i) => window.u8(at + i) === byte);
}

/** Even groups a data set can plausibly start with: meta, identifying, patient... */
function plausibleFirstGroup(group: number): boolean {
  return group % 2 === 0 && group >= 0x0002 && group <= 0x0010;
}

/**
 * Finds the preamble and prefix (PS3.10 7.1), or where a file without them starts its meta
 * group or data set. Returns null when the bytes look like neither.
 */
export function detectFileStart(window: ByteWindow): FileStart | null {
  if (hasDicm(window, PREAMBLE_LENGTH)) {
    return { preamble: { offset: 0, length: PREAMBLE_LENGTH }, prefix: { offset: PREAMBLE_LENGTH, length: 4 }, metaOffset: 132, rawDataSetOffset: 132 };
  }
  if (hasDicm(window, 0)) {
    return { preamble: null, prefix: { offset: 0, length: 4 }, metaOffset: 4, rawDataSetOffset: 4 };
  }
  if (!window.has(0, 8)) return null;
  const littleGroup = window.u16(0, true);
  const bigGroup = window.u16(0, false);
  if (littleGroup === 0x0002 && looksExplicit(window, 0)) {
    return { preamble: null, prefix: null, metaOffset: 0, rawDataSetOffset: 0 };
  }
  if (plausibleFirstGroup(littleGroup) || plausibleFirstGroup(bigGroup)) {
    return { preamble: null, prefix: null, metaOffset: null, rawDataSetOffset: 0 };
  }
  return null;
}

const IMPLICIT_LE_UID = '1.2.840.10008.1.2';
const EXPLICIT_LE_UID = '1.2.840.10008.1.2.1';
const EXPLICIT_BE_UID = '1.2.840.10008.1.2.2';

export function describeTransferSyntax(uid: string): TransferSyntaxInfo {
  const entry = transferSyntax(uid);
  if (entry) {
    return {
      uid, name: entry.name, explicitVr: entry.explicitVr, littleEndian: entry.littleEndian,
      deflated: entry.deflated, encapsulated: entry.encapsulated, known: true,
    };
  }
  // PS3.5 10: every transfer syntax other than the defaults is explicit VR little endian.
  return { uid, name: 'Unknown Transfer Syntax', explicitVr: true, littleEndian: true, deflated: false, encapsulated: true, known: false };
}

/**
 * Guesses the encoding of a data set that has no meta group, from its first element: the
 * byte order that gives a plausible group, and whether a VR follows the tag.
 */
export function guessRawTransferSyntax(window: ByteWindow, at: number): TransferSyntaxInfo {
  const littleGroup = window.has(at, 2) ? window.u16(at, true) : 0;
  const bigEndian = !plausibleFirstGroup(littleGroup) && window.has(at, 2) && plausibleFirstGroup(window.u16(at, false));
  const explicit = looksExplicit(window, at);
  const uid = bigEndian ? EXPLICIT_BE_UID : explicit ? EXPLICIT_LE_UID : IMPLICIT_LE_UID;
  return describeTransferSyntax(uid);
}
