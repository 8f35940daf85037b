import type { Fragment, Issue } from '../model';
import { ParseStop, hex, tagText } from './errors';
import { ParsedFragment } from '../values/parsedNodes';
import type { NodeBudget } from './nodeBudget';
import { UNDEFINED_LENGTH } from './vr';

const ITEM = 0xfffee000;
const SEQUENCE_DELIMITER = 0xfffee0dd;
/** A BOT longer than this many entries is not read into the model (4 bytes per frame). */
export const MAX_BOT_ENTRIES = 1 << 20;

/**
 * Interprets the items of encapsulated pixel data one header at a time (PS3.5 A.4): the first
 * item is the Basic Offset Table, the others are fragments, a Sequence Delimitation Item ends
 * them. It only sees headers, so the same logic serves reads from memory and by byte range.
 */
export class FragmentCollector {
  botItem: Fragment | null = null;
  readonly fragments: Fragment[] = [];
  delimiterOffset: number | null = null;
  /** Offset one past the last byte consumed so far. */
  end: number;

  constructor(private readonly start: number, private readonly streamSize: number, private readonly issues: Issue[], private readonly budget: NodeBudget) {
    this.end = start;
  }

  /** Takes the item header at `pos`; returns the offset of the next header, or null when done. */
  accept(pos: number, tag: number, length: number): number | null {
    if (tag === SEQUENCE_DELIMITER) {
      if (length !== 0) {
        this.issues.push({ code: 'delimiter-nonzero-length', severity: 'warning', offset: pos + 4, message: `Sequence Delimitation Item at ${hex(pos)} has length ${length}, expected 0 (ignored)` });
      }
      this.delimiterOffset = pos;
      this.end = pos + 8;
      return null;
    }
    if (tag !== ITEM) {
      throw new ParseStop('expected-item', pos, `expected an Item (FFFE,E000) in encapsulated pixel data at ${hex(pos)}, found ${tagText(tag)}`);
    }
    if (length === UNDEFINED_LENGTH) {
      throw new ParseStop('fragment-undefined-length', pos + 4, `pixel data fragment at ${hex(pos)} has undefined length`);
    }
    if (pos + 8 + length > this.streamSize) {
      throw new ParseStop('fragment-past-end', pos + 4, `pixel data fragment at ${hex(pos)} declares ${length} bytes, past the end of the file at ${hex(this.streamSize)}`);
    }
    const item = new ParsedFragment(pos, length);
    if (this.botItem === null && pos === this.start) this.botItem = item;
    else {
      this.budget.spendNode(pos);
      this.fragments.push(item);
    }
    this.end = pos + 8 + length;
    return this.end;
  }
}

/** Decodes Basic Offset Table bytes into offsets (little endian per PS3.5 A.4). */
export function readOffsets(bytes: Uint8Array, littleEndian: boolean): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.min(Math.floor(bytes.length / 4), MAX_BOT_ENTRIES);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(view.getUint32(i * 4, littleEndian));
  return offsets;
}
