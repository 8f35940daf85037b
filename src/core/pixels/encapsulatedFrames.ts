import type { FileAccess } from '../io';
import type { Fragment } from '../model';
import type { EncodedFrame } from './decoders/types';
import { checkFrameIndex, PixelDataError, type ImageDescription } from './imageDescription';

/**
 * Which fragments make up frame `index` of encapsulated pixel data (PS3.5 A.4): from the Basic
 * Offset Table when it has entries, else one fragment per frame when the counts agree, else
 * all fragments for a single-frame image. Other cases need codestream knowledge and are left
 * to a decoder's own `locateFrame`.
 */
export function fragmentsOfFrame(image: ImageDescription, index: number): Fragment[] {
  checkFrameIndex(image, index);
  const fragments = image.pixelData.fragments ?? [];
  if (fragments.length === 0) throw new PixelDataError('Encapsulated Pixel Data has no fragments.');
  const bot = image.pixelData.basicOffsetTable?.offsets ?? [];
  if (bot.length > 0) {
    if (bot.length !== image.numberOfFrames) {
      throw new PixelDataError(`The Basic Offset Table lists ${bot.length} frames; Number of Frames is ${image.numberOfFrames}.`);
    }
    // Offsets count from the first byte of the first fragment's item tag.
    const base = fragments[0].offset;
    const start = bot[index];
    const end = index + 1 < bot.length ? bot[index + 1] : Infinity;
    const found = fragments.filter((f) => f.offset - base >= start && f.offset - base < end);
    if (found.length === 0) throw new PixelDataError(`No fragment starts at Basic Offset Table offset ${start} for frame ${index + 1}.`);
    return found;
  }
  if (image.numberOfFrames === 1) return fragments;
  if (fragments.length === image.numberOfFrames) return [fragments[index]];
  throw new PixelDataError(
    `${fragments.length} fragments for ${image.numberOfFrames} frames and no Basic Offset Table: frame boundaries cannot be found for ${image.transferSyntax.name}.`,
  );
}

/** Reads the fragments' values by byte range. A fragment running past the end fails this frame only. */
export async function readFragments(fragments: readonly Fragment[], source: FileAccess, index: number): Promise<EncodedFrame> {
  const parts: Uint8Array[] = [];
  for (const f of fragments) {
    const bytes = await source.read(f.valueOffset, f.length);
    if (bytes.length < f.length) {
      throw new PixelDataError(`Frame ${index + 1}: the fragment at offset ${f.offset} runs past the end of the file (${bytes.length} of ${f.length} bytes).`);
    }
    parts.push(bytes);
  }
  return { kind: 'encapsulated', fragments: parts };
}
