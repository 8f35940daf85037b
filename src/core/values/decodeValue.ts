import type { BulkSummary, ElementValue, PersonName } from '../model';
import { parsePersonName } from './personName';
import { TEXT_VRS, asciiTextValues, decodeText, splitTextValues } from './text';

/** Numeric arrays longer than this are cut in the model (the bytes stay in the file). */
export const MAX_NUMERIC_VALUES = 256;
const BULK_HEAD_BYTES = 16;

/** Every field is always present (undefined when unused): one object shape keeps the hot path fast. */
export interface DecodedValue {
  readonly value: ElementValue;
  readonly vm: number;
  readonly personNames: PersonName[] | undefined;
  readonly bulk: BulkSummary | undefined;
  /** Set when the value bytes do not fit the VR, e.g. a US value of odd length. */
  readonly problem: string | undefined;
}

function decoded(value: ElementValue, vm: number, personNames?: PersonName[], bulk?: BulkSummary, problem?: string): DecodedValue {
  return { value, vm, personNames, bulk, problem };
}

/**
 * Size of one number of a binary number VR, 0 for other VRs. A switch rather than a table:
 * it is asked for every element a reader meets, and a keyed lookup by many different VRs is
 * the slower of the two.
 */
function numberSize(vr: string): number {
  switch (vr) {
    case 'US': case 'SS': return 2;
    case 'UL': case 'SL': case 'FL': case 'AT': return 4;
    case 'FD': case 'SV': case 'UV': return 8;
    default: return 0;
  }
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function bulkSummary(bytes: Uint8Array, size: number): BulkSummary {
  const count = Math.min(bytes.length, BULK_HEAD_BYTES);
  let head = count > 0 ? HEX_PAIRS[bytes[0]] : '';
  for (let i = 1; i < count; i++) head += ' ' + HEX_PAIRS[bytes[i]];
  return { size, head };
}

function readNumber(view: DataView, at: number, vr: string, le: boolean): number | string {
  switch (vr) {
    case 'US': return view.getUint16(at, le);
    case 'SS': return view.getInt16(at, le);
    case 'UL': return view.getUint32(at, le);
    case 'SL': return view.getInt32(at, le);
    case 'FL': return view.getFloat32(at, le);
    case 'FD': return view.getFloat64(at, le);
    case 'SV': return safe(view.getBigInt64(at, le));
    case 'UV': return safe(view.getBigUint64(at, le));
    case 'AT': {
      const group = view.getUint16(at, le).toString(16).toUpperCase().padStart(4, '0');
      const element = view.getUint16(at + 2, le).toString(16).toUpperCase().padStart(4, '0');
      return group + element;
    }
    default: throw new Error(`not a numeric VR: ${vr}`);
  }
}

/** 64-bit integers stay exact: numbers when they fit, decimal strings when they do not. */
function safe(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function decodeNumbers(bytes: Uint8Array, vr: string, le: boolean, size: number): DecodedValue {
  const count = Math.floor(bytes.length / size);
  const shown = Math.min(count, MAX_NUMERIC_VALUES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: (number | string)[] = [];
  for (let i = 0; i < shown; i++) values.push(readNumber(view, i * size, vr, le));
  return decoded(count === 1 ? values[0] : count === 0 ? null : values, count, undefined, count > MAX_NUMERIC_VALUES ? bulkSummary(bytes, bytes.length) : undefined, lengthProblem(vr, bytes.length));
}

/**
 * What is wrong with a value of `length` bytes for `vr` before any byte is read: a binary
 * number VR whose length is not a multiple of the number's size. A reader that decodes values
 * later (lazily) still reports it while reading, from the length alone.
 */
export function lengthProblem(vr: string, length: number): string | undefined {
  const size = numberSize(vr);
  if (size === 0 || length % size === 0) return undefined;
  return `length ${length} is not a multiple of ${size}, the size of a ${vr} value`;
}

/**
 * Decodes a value per its VR (PS3.5 6.2). `bytes` is the whole value; `characterSet` is the
 * Specific Character Set in force (backslash-separated terms, or undefined for the default).
 */
export function decodeValue(bytes: Uint8Array, vr: string, littleEndian: boolean, characterSet: string | undefined): DecodedValue {
  if (bytes.length === 0) return decoded(null, 0);
  const size = numberSize(vr);
  if (size !== 0) return decodeNumbers(bytes, vr, littleEndian, size);
  if (TEXT_VRS.has(vr)) {
    const values = asciiTextValues(bytes, vr) ?? splitTextValues(decodeText(bytes, vr, characterSet), vr);
    const vm = values.length === 1 && values[0] === '' ? 0 : values.length;
    const value = vm === 0 ? '' : values.length === 1 ? values[0] : values;
    return decoded(value, vm, vr === 'PN' ? values.map(parsePersonName) : undefined);
  }
  return decoded(null, 1, undefined, bulkSummary(bytes, bytes.length));
}
