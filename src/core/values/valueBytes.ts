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
