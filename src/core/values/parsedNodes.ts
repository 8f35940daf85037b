/**
 * Items and fragments as the reader makes them: the value offset, eight bytes after the item
 * tag, is derived rather than kept (and a fragment's end too), and items without elements share
 * one empty list, so that a sequence of a million items or a frame of a million fragments stays
 * small. Like ParsedElement, a spread or structured clone does not see the derived fields: use
 * `plainElements` for plain copies.
 */
import type { DicomElement, DicomItem, Fragment } from '../model';

/** Size of an item header: the tag (FFFE,E000) and the 32-bit length. */
const ITEM_HEADER = 8;

/** The element list of every item that has none. Frozen: nothing may be added to it. */
export const NO_ELEMENTS: DicomElement[] = Object.freeze([]) as unknown as DicomElement[];

export class ParsedItem implements DicomItem {
  elements: DicomElement[];
  delimiterOffset: number | null;
  end: number;

  constructor(readonly offset: number, readonly length: number | null) {
    this.elements = NO_ELEMENTS;
    this.delimiterOffset = null;
    this.end = offset + ITEM_HEADER;
  }

  get valueOffset(): number {
    return this.offset + ITEM_HEADER;
  }

  toJSON(): DicomItem {
    return { offset: this.offset, valueOffset: this.valueOffset, length: this.length, elements: this.elements, delimiterOffset: this.delimiterOffset, end: this.end };
  }
}

export class ParsedFragment implements Fragment {
  constructor(readonly offset: number, readonly length: number) {}

  get valueOffset(): number {
    return this.offset + ITEM_HEADER;
  }

  get end(): number {
    return this.offset + ITEM_HEADER + this.length;
  }

  toJSON(): Fragment {
    return { offset: this.offset, valueOffset: this.valueOffset, length: this.length, end: this.end };
  }
}
