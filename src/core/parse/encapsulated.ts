import type { DicomElement } from '../model';
import { ByteWindow } from './byteWindow';
import type { Mutable, ReaderState } from './dataSetReader';
import { readTag, type Encoding } from './elementHeader';
import { ParseStop, hex } from './errors';
import { FragmentCollector, readOffsets } from './fragments';

/** Reads encapsulated pixel data that is in memory: Basic Offset Table, fragments, delimiter. */
export function readEncapsulated(state: ReaderState, element: Mutable<DicomElement>, encoding: Encoding): void {
  const window = state.window;
  const collector = new FragmentCollector(element.valueOffset, window.streamSize, state.issues, state.budget);
  let pos: number | null = element.valueOffset;
  try {
    while (pos !== null) {
      if (window.complete && pos + 8 > window.streamSize) {
        throw new ParseStop('no-sequence-delimiter', pos, `encapsulated pixel data at ${hex(element.offset)} has no Sequence Delimitation Item before the end of the file`);
      }
      window.need(pos, 8, 'a pixel data item header');
      pos = collector.accept(pos, readTag(window, pos, encoding.littleEndian), window.u32(pos + 4, encoding.littleEndian));
    }
  } finally {
    applyFragments(element, collector, window);
  }
}

export function applyFragments(element: Mutable<DicomElement>, collector: FragmentCollector, window: ByteWindow | null, botBytes?: Uint8Array): void {
  element.fragments = collector.fragments;
  element.sequenceDelimiterOffset = collector.delimiterOffset;
  element.end = collector.end;
  const bot = collector.botItem;
  if (bot) {
    const bytes = botBytes ?? (window && window.has(bot.valueOffset, bot.length) ? window.slice(bot.valueOffset, bot.length) : new Uint8Array());
    element.basicOffsetTable = { item: bot, offsets: readOffsets(bytes, true) };
  }
  const size = collector.fragments.reduce((sum, f) => sum + f.length, 0);
  element.bulk = { size, head: '' };
  element.vm = 1;
}
