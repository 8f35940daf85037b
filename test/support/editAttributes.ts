/**
 * Edits the top-level attributes of a real DICOM file at the byte level, the way a careless
 * writer would: an attribute removed, emptied, or given a value its VR does not allow. Only
 * top-level data set elements are edited, so no enclosing item or sequence length needs fixing.
 * Values are written in the file's byte order and padded to even length with a space.
 */
import type { DicomElement, DicomFile } from '../../src/core/model';

export type AttributeEdit =
  | { readonly kind: 'remove'; readonly tag: string }
  | { readonly kind: 'empty'; readonly tag: string }
  | { readonly kind: 'set'; readonly tag: string; readonly text: string };

function lengthField(element: DicomElement): { at: number; size: 2 | 4 } {
  const header = element.valueOffset - element.offset;
  if (element.explicitVr && header === 8) return { at: element.offset + 6, size: 2 };
  return { at: element.valueOffset - 4, size: 4 };
}

function encode(text: string): Uint8Array {
  const padded = text.length % 2 === 1 ? text + ' ' : text;
  return Uint8Array.from(padded, (ch) => ch.charCodeAt(0) & 0xff);
}

/** Applies `edits` (each to one top-level element of `file`, which `bytes` was parsed into). */
export function editAttributes(bytes: Uint8Array, file: DicomFile, edits: readonly AttributeEdit[]): Uint8Array {
  if (file.deflated) throw new Error('deflated files cannot be edited byte by byte');
  const littleEndian = file.transferSyntax?.littleEndian ?? true;
  // From the last element to the first, so earlier offsets stay valid.
  const targets = edits
    .map((edit) => ({ edit, element: file.dataSet.find((e) => e.tag === edit.tag) }))
    .filter((t): t is { edit: AttributeEdit; element: DicomElement } => t.element !== undefined && t.element.length !== null)
    .sort((a, b) => b.element.offset - a.element.offset);
  let out = bytes;
  for (const { edit, element } of targets) {
    if (edit.kind === 'remove') {
      const next = new Uint8Array(out.length - (element.end - element.offset));
      next.set(out.subarray(0, element.offset), 0);
      next.set(out.subarray(element.end), element.offset);
      out = next;
      continue;
    }
    const value = edit.kind === 'empty' ? new Uint8Array(0) : encode(edit.text);
    const head = out.slice(element.offset, element.valueOffset);
    const field = lengthField(element);
    const view = new DataView(head.buffer);
    if (field.size === 2) view.setUint16(field.at - element.offset, value.length, littleEndian);
    else view.setUint32(field.at - element.offset, value.length, littleEndian);
    const next = new Uint8Array(out.length - (element.end - element.offset) + head.length + value.length);
    next.set(out.subarray(0, element.offset), 0);
    next.set(head, element.offset);
    next.set(value, element.offset + head.length);
    next.set(out.subarray(element.end), element.offset + head.length + value.length);
    out = next;
  }
  return out;
}
