/**
 * Overlay planes (groups 6000-601E, PS3.3 C.9.2): one-bit graphics drawn over the image, either
 * in Overlay Data (60xx,3000) (bits packed least significant first, frames one after another)
 * or, in older files, in an unused high bit of each Pixel Data word (Overlay Bits Allocated 16,
 * Overlay Bit Position naming the bit). Reading is pure: bytes come through FileAccess.
 */
import type { FileAccess } from '../io';
import type { DicomElement } from '../model';
import { findElement, numberAt, numbersOf, stringAt, type ElementList } from '../pixels/elementValues';
import type { ImageDescription } from '../pixels/imageDescription';
import { nativeFrameSpan } from '../pixels/imageDescription';

/** What the header says about one overlay plane. */
export interface OverlayPlane {
  /** The group, 0x6000 to 0x601E (even). */
  readonly group: number;
  readonly rows: number;
  readonly columns: number;
  /** 'G' graphics or 'R' region of interest. */
  readonly type: string;
  /** Image row and column (0-based) of the overlay's first pixel; may lie outside the image. */
  readonly top: number;
  readonly left: number;
  /** Frames of overlay data, and the image frame (0-based) the first applies to. */
  readonly frames: number;
  readonly firstImageFrame: number;
  /** Number of Frames in Overlay was absent: a single plane drawn on every frame. */
  readonly everyFrame: boolean;
  readonly description: string;
  /** Where the bits are: Overlay Data, or bit `bitPosition` of the Pixel Data words. */
  readonly source: { readonly kind: 'data'; readonly element: DicomElement } | { readonly kind: 'embedded'; readonly bitPosition: number };
}

/** One plane's bits for one image frame: rows x columns bytes of 0 or 1, placed at top/left. */
export interface OverlayBitmap {
  readonly group: number;
  readonly rows: number;
  readonly columns: number;
  readonly top: number;
  readonly left: number;
  readonly bits: Uint8Array;
}

const el = (group: number, element: number): string => ((group << 16) | element).toString(16).toUpperCase().padStart(8, '0');

/**
 * The overlay planes of a data set that can be drawn. A plane without rows, columns or bits is
 * left out (with nothing to draw there is nothing to show), as DCMTK and pydicom do.
 */
export function overlayPlanes(ds: ElementList, image?: Pick<ImageDescription, 'bitsAllocated' | 'transferSyntax' | 'pixelData'>): OverlayPlane[] {
  const planes: OverlayPlane[] = [];
  for (let group = 0x6000; group <= 0x601e; group += 2) {
    const rows = numberAt(ds, el(group, 0x0010));
    const columns = numberAt(ds, el(group, 0x0011));
    if (!rows || !columns || rows < 0 || columns < 0) continue;
    const origin = numbersOf(findElement(ds, el(group, 0x0050)));
    const bitsAllocated = numberAt(ds, el(group, 0x0100)) ?? 1;
    const bitPosition = numberAt(ds, el(group, 0x0102)) ?? 0;
    const data = findElement(ds, el(group, 0x3000));
    const framesValue = numberAt(ds, el(group, 0x0015));
    const frames = framesValue && framesValue > 0 ? Math.floor(framesValue) : 1;
    let source: OverlayPlane['source'];
    if (data && data.length) source = { kind: 'data', element: data };
    else if (bitsAllocated === 16 && image && image.bitsAllocated === 16 && !image.pixelData.fragments && bitPosition >= 0 && bitPosition < 16) {
      source = { kind: 'embedded', bitPosition };
    } else continue;
    planes.push({
      group,
      rows,
      columns,
      type: (stringAt(ds, el(group, 0x0040)) ?? 'G').toUpperCase(),
      top: Number.isFinite(origin[0]) ? origin[0] - 1 : 0,
      left: Number.isFinite(origin[1]) ? origin[1] - 1 : 0,
      frames,
      firstImageFrame: Math.max(0, (numberAt(ds, el(group, 0x0051)) ?? 1) - 1),
      everyFrame: framesValue === undefined,
      description: stringAt(ds, el(group, 0x0022)) ?? stringAt(ds, el(group, 0x1500)) ?? '',
      source,
    });
  }
  return planes;
}

/** Which frame of the plane's data goes with image frame `index`, or null when none does. */
export function overlayFrameFor(plane: OverlayPlane, index: number): number | null {
  if (plane.everyFrame) return 0;
  const f = index - plane.firstImageFrame;
  return f >= 0 && f < plane.frames ? f : null;
}

/** Unpacks `count` bits from `start` (bit index, least significant bit of each byte first). */
export function unpackBits(bytes: Uint8Array, start: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = start + i;
    const byte = bytes[bit >> 3];
    out[i] = byte === undefined ? 0 : (byte >> (bit & 7)) & 1;
  }
  return out;
}

/** Packs 0/1 bytes into bits, least significant bit first (the inverse of unpackBits). */
export function packBits(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i]) out[i >> 3] |= 1 << (i & 7);
  return out;
}

/** The part of a plane inside the image (planes may be larger than it or start outside it). */
interface Clip {
  readonly r0: number;
  readonly c0: number;
  readonly rows: number;
  readonly columns: number;
}

function clipToImage(plane: OverlayPlane, image: Pick<ImageDescription, 'rows' | 'columns'>): Clip | null {
  const r0 = Math.max(0, -plane.top);
  const c0 = Math.max(0, -plane.left);
  const rows = Math.min(plane.rows, image.rows - plane.top) - r0;
  const columns = Math.min(plane.columns, image.columns - plane.left) - c0;
  return rows > 0 && columns > 0 ? { r0, c0, rows, columns } : null;
}

/**
 * The bitmap of each plane for image frame `index`, cut to the image: a plane's declared size
 * (up to 65535 x 65535) never sizes a buffer beyond the image's. Overlay Data shorter than its
 * frames reads as zeros past its end (never past the element); embedded bits are read from the
 * frame's Pixel Data words (native 16-bit data only).
 */
export async function readOverlays(planes: readonly OverlayPlane[], index: number, access: FileAccess, image: ImageDescription): Promise<OverlayBitmap[]> {
  const out: OverlayBitmap[] = [];
  for (const plane of planes) {
    const f = overlayFrameFor(plane, index);
    const clip = clipToImage(plane, image);
    if (f === null || !clip) continue;
    const bits = plane.source.kind === 'data' ? await dataBits(plane, plane.source.element, f, clip, access) : await embeddedBits(plane, plane.source.bitPosition, index, clip, access, image);
    out.push({ group: plane.group, rows: clip.rows, columns: clip.columns, top: plane.top + clip.r0, left: plane.left + clip.c0, bits });
  }
  return out;
}

/** The clipped rows of overlay frame `f` from Overlay Data, reading only the bytes they span. */
async function dataBits(plane: OverlayPlane, element: DicomElement, f: number, clip: Clip, access: FileAccess): Promise<Uint8Array> {
  const frameStart = f * plane.rows * plane.columns;
  const firstBit = frameStart + clip.r0 * plane.columns + clip.c0;
  const lastBit = frameStart + (clip.r0 + clip.rows - 1) * plane.columns + clip.c0 + clip.columns; // one past
  const firstByte = Math.floor(firstBit / 8);
  const available = Math.max(0, (element.length ?? 0) - firstByte);
  const wanted = Math.min(available, Math.ceil(lastBit / 8) - firstByte);
  const bytes = wanted > 0 ? await access.read(element.valueOffset + firstByte, wanted) : new Uint8Array(0);
  const bits = new Uint8Array(clip.rows * clip.columns);
  for (let r = 0; r < clip.rows; r++) {
    const row = unpackBits(bytes, firstBit - firstByte * 8 + r * plane.columns, clip.columns);
    bits.set(row, r * clip.columns);
  }
  return bits;
}

/** Bit `bitPosition` of each 16-bit Pixel Data word of the frame, for the clipped overlay area. */
async function embeddedBits(plane: OverlayPlane, bitPosition: number, index: number, clip: Clip, access: FileAccess, image: ImageDescription): Promise<Uint8Array> {
  const span = nativeFrameSpan(image, index);
  const bytes = await access.read(span.offset, span.declaredBytes);
  const little = image.transferSyntax.littleEndian;
  const bits = new Uint8Array(clip.rows * clip.columns);
  for (let r = 0; r < clip.rows; r++) {
    const y = plane.top + clip.r0 + r;
    for (let c = 0; c < clip.columns; c++) {
      const x = plane.left + clip.c0 + c;
      const at = (y * image.columns + x) * image.samplesPerPixel * 2;
      if (at + 1 >= bytes.length) continue;
      const word = little ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
      bits[r * clip.columns + c] = (word >> bitPosition) & 1;
    }
  }
  return bits;
}

/**
 * Sets every pixel an overlay covers to `value` (dcmj2pnm's default "Replace" mode with
 * foreground density 1 draws white): `data` holds `channels` bytes per pixel, width x height.
 */
export function burnOverlays(data: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number, bitmaps: readonly OverlayBitmap[], value = 255): void {
  for (const b of bitmaps) {
    for (let r = 0; r < b.rows; r++) {
      const y = b.top + r;
      if (y < 0 || y >= height) continue;
      for (let c = 0; c < b.columns; c++) {
        const x = b.left + c;
        if (x < 0 || x >= width || !b.bits[r * b.columns + c]) continue;
        const at = (y * width + x) * channels;
        for (let k = 0; k < channels; k++) data[at + k] = value;
      }
    }
  }
}
