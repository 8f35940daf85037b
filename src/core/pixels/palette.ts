import type { FileAccess } from '../io';
import { findElement, Tags, type ElementList } from './elementValues';
import { effectiveBits, LutError, lutElementText, parseDescriptor, readLutWords, type LookupTable } from './lutData';

/** The three tables of a PALETTE COLOR image (PS3.3 C.7.6.3.1.5-6, C.7.9). */
export interface Palette {
  readonly red: LookupTable;
  readonly green: LookupTable;
  readonly blue: LookupTable;
}

const CHANNELS = [
  ['red', Tags.RedPaletteDescriptor, Tags.RedPaletteData, Tags.SegmentedRedPaletteData],
  ['green', Tags.GreenPaletteDescriptor, Tags.GreenPaletteData, Tags.SegmentedGreenPaletteData],
  ['blue', Tags.BluePaletteDescriptor, Tags.BluePaletteData, Tags.SegmentedBluePaletteData],
] as const;

/** Reads the palette, plain or segmented; throws LutError naming what does not match. */
export async function readPalette(ds: ElementList, access: FileAccess, littleEndian: boolean, signedInput: boolean): Promise<Palette> {
  const tables: Partial<Record<'red' | 'green' | 'blue', LookupTable>> = {};
  for (const [name, descriptorTag, dataTag, segmentedTag] of CHANNELS) {
    const descriptorElement = findElement(ds, descriptorTag);
    const descriptor = parseDescriptor(descriptorElement, signedInput);
    if (!descriptor) {
      const where = descriptorElement ? ` (${lutElementText(descriptorElement)})` : '';
      throw new LutError(`The ${name} palette descriptor is missing or malformed${where}.`, 'palette-missing');
    }
    const plain = findElement(ds, dataTag);
    const segmented = findElement(ds, segmentedTag);
    let entries: Uint16Array;
    if (plain) {
      entries = await readLutWords(plain, access, littleEndian, descriptor.count, descriptor.bits);
    } else if (segmented) {
      try {
        entries = expandSegmentedLut(await readLutWords(segmented, access, littleEndian), descriptor.count);
      } catch (problem) {
        if (!(problem instanceof LutError)) throw problem;
        throw new LutError(`${problem.message.replace(/\.$/, '')} (${lutElementText(segmented)}).`, problem.code as 'segmented-palette-invalid');
      }
    } else {
      throw new LutError(`The ${name} palette has no data, plain or segmented (its descriptor: ${lutElementText(descriptorElement!)}).`, 'palette-missing');
    }
    if (entries.length < descriptor.count) {
      throw new LutError(`The ${name} palette ${lutElementText(plain ?? segmented!)} has ${entries.length} entries; its descriptor declares ${descriptor.count}.`, 'palette-too-short');
    }
    entries = entries.slice(0, descriptor.count);
    tables[name] = { firstMapped: descriptor.firstMapped, bits: effectiveBits(descriptor.bits, entries), entries };
  }
  return { red: tables.red!, green: tables.green!, blue: tables.blue! };
}

/**
 * Expands segmented palette data (PS3.3 C.7.9.2): discrete segments (opcode 0), linear
 * segments from the previous value (1), and indirect segments that replay earlier ones (2).
 * `limit` caps the output so a malformed table cannot allocate without bound.
 */
export function expandSegmentedLut(words: Uint16Array, limit: number): Uint16Array {
  const out: number[] = [];
  expandSegments(words, 0, Infinity, out, limit, 0);
  return Uint16Array.from(out.slice(0, limit));
}

function expandSegments(words: Uint16Array, start: number, maxSegments: number, out: number[], limit: number, depth: number): void {
  if (depth > 4) throw new LutError('Segmented palette: indirect segments nest too deeply.', 'segmented-palette-invalid');
  let i = start;
  let segments = 0;
  while (i < words.length && segments < maxSegments && out.length < limit) {
    const opcode = words[i];
    const length = words[i + 1] ?? 0;
    if (opcode === 0) {
      for (let k = 0; k < length && i + 2 + k < words.length; k++) out.push(words[i + 2 + k]);
      i += 2 + length;
    } else if (opcode === 1) {
      if (out.length === 0) throw new LutError('Segmented palette: a linear segment comes first, with no value to start from.', 'segmented-palette-invalid');
      const y0 = out[out.length - 1];
      const y1 = words[i + 2] ?? y0;
      for (let k = 1; k <= length; k++) out.push(Math.round(y0 + ((y1 - y0) * k) / length));
      i += 3;
    } else if (opcode === 2) {
      if (out.length === 0) throw new LutError('Segmented palette: an indirect segment comes first.', 'segmented-palette-invalid');
      // The offset is a byte offset into the segmented data, low 16 bits first.
      const byteOffset = (words[i + 2] ?? 0) + (words[i + 3] ?? 0) * 65536;
      expandSegments(words, byteOffset >> 1, length, out, limit, depth + 1);
      i += 4;
    } else {
      throw new LutError(`Segmented palette: unknown segment type ${opcode} at word ${i}.`, 'segmented-palette-invalid');
    }
    segments++;
  }
}
