/**
 * Siemens CSA headers: the private elements (0029,xx10) "CSA Image Header Info" and
 * (0029,xx20) "CSA Series Header Info" of creator "SIEMENS CSA HEADER", which hold most of an
 * MR acquisition's parameters in Siemens' own little-endian layout.
 *
 * Layout (as GDCM's CSAHeader and nibabel's csareader read it): "SV10", 04 03 02 01, element
 * count, 77; or, in the older layout without a signature, element count and 77. Then per
 * element a 64-byte NUL-terminated name, VM, a 4-byte VR, SyngoDT, item count and 77 or 205;
 * then per item four 32-bit words whose second is the item's length, the item's bytes, and
 * padding to a multiple of four.
 *
 * Written by hand because no maintained JavaScript library reads it. Every loop consumes at
 * least 16 bytes of the value, so a hostile count cannot make it hang or allocate.
 */
import type { CsaElement, CsaHeader, DicomElement, Issue } from '../model';
import { latin1 } from '../values/text';
import { hex } from '../parse/errors';

const CREATOR = 'SIEMENS CSA HEADER';
const SIGNATURE = 'SV10';
const NAME_LENGTH = 64;
const ELEMENT_HEADER_LENGTH = 84;
const ITEM_HEADER_LENGTH = 16;
/** The filler words Siemens writes ('M' and 0xCD). */
const FILLERS = new Set([77, 205]);

/** True for (0029,xx10) and (0029,xx20) of SIEMENS CSA HEADER. */
export function isCsaHeaderElement(element: Pick<DicomElement, 'group' | 'element' | 'privateCreator'>): boolean {
  const low = element.element & 0xff;
  return element.privateCreator === CREATOR && element.group === 0x0029 && element.element >= 0x1000 && (low === 0x10 || low === 0x20);
}

export interface CsaReadResult {
  /** Null when the value holds no CSA header (empty, zeroed by an anonymiser, another layout). */
  readonly header: CsaHeader | null;
  readonly issues: Issue[];
}

/** Text up to the first NUL. */
function cString(bytes: Uint8Array, from: number, length: number): string {
  const end = bytes.subarray(from, from + length).indexOf(0);
  return latin1(bytes, from, end === -1 ? from + length : from + end);
}

/**
 * Decodes a CSA header from the value `bytes`, whose first byte is at file offset `at`.
 * Problems become issues with their offset; the elements read before a problem are kept.
 */
export function readCsaHeader(bytes: Uint8Array, at: number): CsaReadResult {
  const issues: Issue[] = [];
  const problem = (code: Issue['code'], offset: number, message: string, severity: Issue['severity'] = 'warning'): void => {
    issues.push({ code, severity, offset: at + offset, message: `CSA header at ${hex(at)}: ${message}` });
  };
  if (bytes.every((byte) => byte === 0)) return { header: null, issues };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signed = (pos: number): number => view.getInt32(pos, true);
  const format = bytes.length >= 4 && latin1(bytes, 0, 4) === SIGNATURE ? 'SV10' : 'CSA1';
  let pos = format === 'SV10' ? 8 : 0;
  if (pos + 8 > bytes.length) {
    problem('csa-truncated', 0, `${bytes.length} bytes are too few for a CSA header`);
    return { header: null, issues };
  }
  const count = view.getUint32(pos, true);
  const filler = view.getUint32(pos + 4, true);
  if (filler !== 77) {
    if (format === 'CSA1') {
      problem('csa-not-decoded', 0, 'neither the SV10 nor the older CSA layout (no "SV10" signature, no 77 after the element count); not decoded', 'info');
      return { header: null, issues };
    }
    problem('csa-invalid', pos + 4, `expected 77 after the element count at ${hex(at + pos + 4)}, found ${filler}`);
  }
  pos += 8;
  const elements: CsaElement[] = [];
  let fillerReported = false;
  read: for (let index = 0; index < count; index++) {
    const start = pos;
    if (start + ELEMENT_HEADER_LENGTH > bytes.length) {
      problem('csa-truncated', start, `element ${index} of ${count} at ${hex(at + start)} needs ${ELEMENT_HEADER_LENGTH} bytes, ${bytes.length - start} left`);
      break;
    }
    const name = cString(bytes, start, NAME_LENGTH);
    const vm = signed(start + 64);
    const vr = cString(bytes, start + 68, 4);
    const syngoDt = signed(start + 72);
    const itemCount = signed(start + 76);
    if (!FILLERS.has(view.getUint32(start + 80, true)) && !fillerReported) {
      fillerReported = true;
      problem('csa-invalid', start + 80, `element "${name}" at ${hex(at + start)} does not end with 77 or 205`);
    }
    if (itemCount < 0) {
      problem('csa-invalid', start + 76, `element "${name}" at ${hex(at + start)} declares ${itemCount} items`);
      break;
    }
    pos = start + ELEMENT_HEADER_LENGTH;
    const values: string[] = [];
    for (let item = 0; item < itemCount; item++) {
      if (pos + ITEM_HEADER_LENGTH > bytes.length) {
        problem('csa-truncated', pos, `item ${item} of "${name}" at ${hex(at + pos)} runs past the end of the value`);
        elements.push({ offset: at + start, end: at + Math.min(pos, bytes.length), name, vr, vm, syngoDt, itemCount, values });
        break read;
      }
      const length = signed(pos + 4);
      const data = pos + ITEM_HEADER_LENGTH;
      if (length < 0 || data + length > bytes.length) {
        problem('csa-invalid', pos + 4, `item ${item} of "${name}" at ${hex(at + pos)} declares ${length} bytes, past the end of the value at ${hex(at + bytes.length)}`);
        elements.push({ offset: at + start, end: at + pos, name, vr, vm, syngoDt, itemCount, values });
        break read;
      }
      if (length > 0) values.push(cString(bytes, data, length).trimEnd());
      pos = Math.min(bytes.length, data + length + ((4 - (length % 4)) % 4));
    }
    elements.push({ offset: at + start, end: at + pos, name, vr, vm, syngoDt, itemCount, values });
  }
  return { header: { format, elements }, issues };
}
