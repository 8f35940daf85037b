import type { FileAccess } from '../io';
import type { DicomElement } from '../model';
import { findElement, numbersOf, type ElementList } from './elementValues';
import { offsetText, tagText } from '../format/presentation';
import { PixelDataError } from './imageDescription';

/** A lookup table as PS3.3 C.11.1.1 describes it: entries, first input value mapped, bits per entry. */
export interface LookupTable {
  readonly firstMapped: number;
  readonly bits: number;
  readonly entries: Uint16Array;
  readonly explanation?: string;
}

/** A lookup table or palette that cannot be used; `code` names the case, the message the element and its offset. */
export class LutError extends PixelDataError {
  constructor(message: string, code: 'lut-missing' | 'lut-empty' | 'lut-past-end' | 'lut-too-short' | 'palette-missing' | 'palette-too-short' | 'segmented-palette-invalid') {
    super(message, code);
  }
}

/** "LUT Data (0028,3006) at 0x01A2": the element a LUT message is about. */
export function lutElementText(element: DicomElement): string {
  return `${element.keyword ?? 'LUT data'} ${tagText(element)} at ${offsetText(element.offset)}`;
}

/**
 * Words of a LUT Data element. Short US values may already be decoded in the model; OW data is
 * only summarised there, so it is read by byte range. Eight-bit entries may come packed two per
 * word (byte length equals the entry count) or one per word; the byte length tells which.
 */
export async function readLutWords(el: DicomElement, access: FileAccess, littleEndian: boolean, entryCount?: number, bits?: number): Promise<Uint16Array> {
  const decoded = numbersOf(el);
  if (el.vr === 'US' && decoded.length > 1 && decoded.every((n) => Number.isFinite(n))) return Uint16Array.from(decoded);
  const length = el.length ?? 0;
  if (length <= 0) throw new LutError(`${lutElementText(el)} is empty.`, 'lut-empty');
  const bytes = await access.read(el.valueOffset, length);
  if (bytes.length < length) throw new LutError(`${lutElementText(el)} declares ${length} bytes and runs past the end of the file.`, 'lut-past-end');
  if (bits === 8 && entryCount !== undefined && (length === entryCount || length === entryCount + 1)) {
    return Uint16Array.from(bytes.subarray(0, entryCount));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint16Array(length >> 1);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint16(i * 2, littleEndian);
  return words;
}

/** Descriptor values: entry count (0 means 65536), first mapped value (signed when it must be), bits. */
export function parseDescriptor(el: DicomElement | undefined, signedInput: boolean): { count: number; firstMapped: number; bits: number } | undefined {
  const [count, first, bits] = numbersOf(el);
  if (count === undefined || first === undefined || bits === undefined || [count, first, bits].some(Number.isNaN)) return undefined;
  // The first mapped value is US or SS; a US reading of a negative SS comes back above 32767.
  const firstMapped = signedInput && first > 32767 ? first - 65536 : first;
  return { count: count === 0 ? 65536 : count, firstMapped, bits };
}

/** Reads a LUT from an item or data set holding LUT Descriptor (0028,3002) and LUT Data (0028,3006). */
export async function readLookupTable(list: ElementList, access: FileAccess, littleEndian: boolean, signedInput: boolean): Promise<LookupTable> {
  const descriptor = parseDescriptor(findElement(list, '00283002'), signedInput);
  const data = findElement(list, '00283006');
  if (!descriptor || !data) {
    const present = findElement(list, '00283002') ?? data;
    const where = present ? ` (the item holding ${lutElementText(present)})` : '';
    throw new LutError(`LUT Descriptor (0028,3002) or LUT Data (0028,3006) is missing or malformed${where}.`, 'lut-missing');
  }
  const words = await readLutWords(data, access, littleEndian, descriptor.count, descriptor.bits);
  if (words.length < descriptor.count) {
    throw new LutError(`${lutElementText(data)} has ${words.length} entries; its LUT Descriptor declares ${descriptor.count}.`, 'lut-too-short');
  }
  const explanation = findElement(list, '00283003')?.value;
  return {
    firstMapped: descriptor.firstMapped,
    bits: effectiveBits(descriptor.bits, words.subarray(0, descriptor.count)),
    entries: words.slice(0, descriptor.count),
    explanation: typeof explanation === 'string' ? explanation : undefined,
  };
}

/** Some writers declare 16 bits for 8-bit tables or the reverse; the largest entry decides (as DCMTK does). */
export function effectiveBits(declared: number, entries: Uint16Array): number {
  let max = 0;
  for (let i = 0; i < entries.length; i++) if (entries[i] > max) max = entries[i];
  if (declared > 8 && max < 256) return 8;
  if (declared <= 8 && max > 255) return 16;
  return declared;
}

/** Looks a value up, clamping below the first mapped value to the first entry and above to the last. */
export function lookup(lut: LookupTable, value: number): number {
  const i = value - lut.firstMapped;
  const entries = lut.entries;
  return entries[i <= 0 ? 0 : i >= entries.length ? entries.length - 1 : i];
}
