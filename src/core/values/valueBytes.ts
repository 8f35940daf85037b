import type { FileAccess } from '../io';
import type { DicomElement } from '../model';

/**
 * Where an element's value lies in the bytes the model's offsets address: from its value
 * offset to its end (for encapsulated pixel data that includes the item headers of the
 * fragments). The model keeps only a summary of bulk values, so whoever needs the bytes
 * reads them through the file access by this range.
 */
export function valueRange(element: DicomElement): { offset: number; length: number } {
  const end = element.length === null ? element.end : Math.min(element.end, element.valueOffset + element.length);
  return { offset: element.valueOffset, length: Math.max(0, end - element.valueOffset) };
}

/** The value bytes of one element (bulk values included), read by range. */
export async function readValueBytes(element: DicomElement, source: FileAccess): Promise<Uint8Array> {
  const range = valueRange(element);
  return source.read(range.offset, range.length);
}

const WORD_SIZES: Record<string, number> = {
  OW: 2, US: 2, SS: 2, AT: 2, OF: 4, FL: 4, OL: 4, UL: 4, SL: 4, OD: 8, FD: 8, OV: 8, SV: 8, UV: 8,
};

/** Size of the words a value of this VR is made of, which a change of byte order reverses (1 for bytes). */
export function wordSize(vr: string): number {
  return WORD_SIZES[vr] ?? 1;
}
