import { transferSyntax, type PixelCodecName } from '../dictionary/uids';
import type { FileAccess } from '../io';
import type { DicomElement, Fragment } from '../model';
import { hex } from '../parse/errors';
import { forEachRange, readRanges } from './batchedReads';
import type { EncodedFrame } from './decoders/types';
import { checkFrameIndex, PixelDataError, type ImageDescription } from './imageDescription';

/**
 * Which fragments make up frame `index` of encapsulated pixel data (PS3.5 A.4), when the
 * header alone tells: from the Basic Offset Table when it has entries, else one fragment per
 * frame when the counts agree (always so with an Extended Offset Table, which requires one
 * fragment per frame), else all fragments for a single-frame image. Otherwise returns
 * undefined: the boundaries must be found in the codestreams (locateEncapsulatedFrame).
 */
export function fragmentsFromHeader(image: ImageDescription, index: number): Fragment[] | undefined {
  checkFrameIndex(image, index);
  const fragments = image.pixelData.fragments ?? [];
  if (fragments.length === 0) throw new PixelDataError('Encapsulated Pixel Data has no fragments.');
  const bot = image.pixelData.basicOffsetTable?.offsets ?? [];
  if (bot.length > 0) return fragmentsByOffsets(fragments, bot, image.numberOfFrames, index, 'Basic Offset Table');
  if (image.numberOfFrames === 1) return fragments;
  if (fragments.length === image.numberOfFrames) return [fragments[index]];
  return undefined;
}

/** As fragmentsFromHeader, throwing when codestream markers would be needed. */
export function fragmentsOfFrame(image: ImageDescription, index: number): Fragment[] {
  const found = fragmentsFromHeader(image, index);
  if (found) return found;
  throw new PixelDataError(
    `${image.pixelData.fragments?.length} fragments for ${image.numberOfFrames} frames and no Basic Offset Table: frame boundaries cannot be found for ${image.transferSyntax.name}.`,
  );
}

/**
 * Frame `index` from a table of offsets (the Basic Offset Table, or the Extended Offset Table
 * (7FE0,0001) read as numbers): offsets count from the first byte of the first fragment's item tag.
 */
export function fragmentsByOffsets(fragments: readonly Fragment[], offsets: readonly number[], frames: number, index: number, table: string): Fragment[] {
  if (offsets.length !== frames) throw new PixelDataError(`The ${table} lists ${offsets.length} frames; Number of Frames is ${frames}.`);
  const base = fragments[0].offset;
  const start = offsets[index];
  const end = index + 1 < offsets.length ? offsets[index + 1] : Infinity;
  const found = fragments.filter((f) => f.offset - base >= start && f.offset - base < end);
  if (found.length === 0 || found[0].offset - base !== start) {
    const last = fragments[fragments.length - 1];
    if (start >= last.valueOffset + last.length - base) {
      // The parser keeps only whole fragments: a frame past them was cut off by the file's end.
      throw new PixelDataError(`Frame ${index + 1} starts at ${table} offset ${start}, past the end of the last complete fragment: the file ends before this frame's data.`);
    }
    throw new PixelDataError(`No fragment starts at ${table} offset ${start} for frame ${index + 1}.`);
  }
  return found;
}

/**
 * Reads the fragments' values, neighbours in one read, joined into the frame's codestream as
 * they arrive (no view per fragment: a frame may have a million). A fragment running past the
 * end fails this frame only.
 */
export async function readFragments(fragments: readonly Fragment[], source: FileAccess, index: number): Promise<EncodedFrame> {
  const count = fragments.length;
  const starts = new Float64Array(count);
  const valueOffsets = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) {
    starts[k] = total;
    valueOffsets[k] = fragments[k].valueOffset;
    total += fragments[k].length;
  }
  // One fragment: its read is the codestream, no copy.
  let bytes: Uint8Array = count === 1 ? new Uint8Array() : new Uint8Array(total);
  await forEachRange(source, count, (k) => fragments[k].valueOffset, (k) => fragments[k].length, (k, part) => {
    const f = fragments[k];
    if (part.length < f.length) {
      throw new PixelDataError(`Frame ${index + 1}: the fragment at offset ${hex(f.offset)} runs past the end of the file (${part.length} of ${f.length} bytes).`, 'fragment-past-end');
    }
    if (count === 1) bytes = part;
    else bytes.set(part, starts[k]);
  });
  return { kind: 'encapsulated', bytes, fragmentStarts: starts, offset: fragments[0]?.offset ?? 0, index, valueOffsets };
}

/** Frame `index`'s fragments, found from the header or else from codestream markers, and read. */
export async function locateEncapsulatedFrame(image: ImageDescription, index: number, source: FileAccess): Promise<EncodedFrame> {
  const fromHeader = fragmentsFromHeader(image, index);
  if (fromHeader) return readFragments(fromHeader, source, index);
  const frames = await framesFromMarkers(image, source);
  if (index >= frames.length) {
    // Fewer frames were found than declared: the parser keeps only whole fragments, so the
    // missing ones were cut off by the end of the file (or never written).
    throw new PixelDataError(`Frame ${index + 1}: the Pixel Data holds only ${frames.length} of ${image.numberOfFrames} frames; the file ends before this frame's data.`);
  }
  return readFragments(frames[index], source, index);
}

/** How a frame's codestream starts and ends, by transfer syntax family. */
interface CodestreamMarkers {
  readonly family: string;
  starts(head: Uint8Array): boolean;
}

const JPEG_FAMILY: CodestreamMarkers = { family: 'JPEG', starts: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff };
const J2K_FAMILY: CodestreamMarkers = {
  family: 'JPEG 2000',
  // A raw codestream (SOC then SIZ) or a JP2 file (signature box).
  starts: (h) => (h[0] === 0xff && h[1] === 0x4f && h[2] === 0xff && h[3] === 0x51) || (h[0] === 0 && h[1] === 0 && h[2] === 0 && h[3] === 0x0c && h[4] === 0x6a && h[5] === 0x50),
};

const MARKERS: Partial<Record<PixelCodecName, CodestreamMarkers>> = {
  'jpeg-dct': JPEG_FAMILY,
  'jpeg-lossless': JPEG_FAMILY,
  'jpeg-ls': JPEG_FAMILY,
  jpeg2000: J2K_FAMILY,
  htj2k: J2K_FAMILY,
};

function markersFor(uid: string): CodestreamMarkers | undefined {
  const pixels = transferSyntax(uid)?.pixels;
  return typeof pixels === 'string' ? MARKERS[pixels] : undefined;
}

/** Both families end with FFD9 (EOI / EOC); a pad byte (00, from some writers FF) may follow. */
function endsCodestream(tail: Uint8Array): boolean {
  const n = tail.length;
  return (n >= 2 && tail[n - 2] === 0xff && tail[n - 1] === 0xd9) || (n >= 3 && tail[n - 3] === 0xff && tail[n - 2] === 0xd9);
}

const scanned = new WeakMap<DicomElement, Promise<Fragment[][]>>();

/**
 * Groups fragments into frames when there is no offset table and more fragments than frames:
 * a fragment starts a frame when it begins with the codestream's start marker and the one
 * before it ends with the end marker (falling back to the start marker alone). Reads a few
 * bytes at each end of every fragment once per image.
 */
export function framesFromMarkers(image: ImageDescription, source: FileAccess): Promise<Fragment[][]> {
  let pending = scanned.get(image.pixelData);
  if (!pending) {
    pending = scanFragments(image, source);
    pending.catch(() => scanned.delete(image.pixelData));
    scanned.set(image.pixelData, pending);
  }
  return pending;
}

async function scanFragments(image: ImageDescription, source: FileAccess): Promise<Fragment[][]> {
  const fragments = image.pixelData.fragments ?? [];
  const markers = markersFor(image.transferSyntax.uid);
  const problem = `${fragments.length} fragments for ${image.numberOfFrames} frames and no offset table`;
  if (!markers) throw new PixelDataError(`${problem}: frame boundaries cannot be found for ${image.transferSyntax.name}.`);
  // The first 6 and last 3 bytes of every fragment, in few reads; a fragment cut short by the
  // end of the file simply reads shorter here.
  const ranges = fragments.flatMap((f) => [
    { offset: f.valueOffset, length: Math.min(6, f.length) },
    { offset: f.valueOffset + Math.max(0, f.length - 3), length: Math.min(3, f.length) },
  ]);
  const edges = await readRanges(source, ranges);
  const starts = fragments.map((_, k) => markers.starts(edges[2 * k]));
  const ends = fragments.map((f, k) => f.length >= 2 && endsCodestream(edges[2 * k + 1]));
  const strict = group(fragments, (k) => starts[k] && ends[k - 1]);
  if (strict.length === image.numberOfFrames) return strict;
  const loose = group(fragments, (k) => starts[k]);
  if (loose.length === image.numberOfFrames) return loose;
  // Fewer frames than declared, each cleanly delimited: the ones present can still be shown.
  if (strict.length < image.numberOfFrames && strict.length === loose.length && starts[0]) return strict;
  throw new PixelDataError(`${problem}: the ${markers.family} start markers give ${strict.length} frames, not ${image.numberOfFrames}.`);
}

function group(fragments: readonly Fragment[], startsFrame: (k: number) => boolean): Fragment[][] {
  const frames: Fragment[][] = [];
  fragments.forEach((f, k) => {
    if (k === 0 || startsFrame(k)) frames.push([f]);
    else frames[frames.length - 1].push(f);
  });
  return frames;
}
