/**
 * Just enough of the JPEG (ISO 10918 / 14495) and JPEG 2000 (ISO 15444) main headers to
 * check a codestream against the DICOM header and to know its colour model before decoding.
 * Written here because the codec packages decode but do not report these marker fields.
 */

export interface JpegHeader {
  /** SOF marker code (0xC0 baseline, 0xC1 extended, 0xC3 lossless, 0xF7 JPEG-LS). */
  readonly sof: number;
  readonly precision: number;
  readonly rows: number;
  readonly columns: number;
  readonly componentIds: readonly number[];
  /** Horizontal and vertical sampling factors of each component. */
  readonly sampling: readonly (readonly [number, number])[];
  readonly jfif: boolean;
  /** Adobe APP14 colour transform flag (0 none, 1 YCbCr, 2 YCCK), when present. */
  readonly adobeTransform?: number;
}

export interface J2kHeader {
  readonly rows: number;
  readonly columns: number;
  readonly components: number;
  readonly precision: number;
  readonly signed: boolean;
  /** Multiple component transform of the COD marker: 0 none, 1 ICT or RCT, 2 Part 2 array-based. */
  readonly mct: number;
  /** Wavelet of the first COD: true for the reversible 5-3 filter (so the MCT is RCT). */
  readonly reversible: boolean;
  /** True when a CAP marker announces Part 15 (HTJ2K) block coding. */
  readonly htj2k: boolean;
}

const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];

function isSof(marker: number): boolean {
  return (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
}

/** Reads the markers before the first scan; undefined when the bytes do not start a JPEG stream. */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  let jfif = false;
  let adobeTransform: number | undefined;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = u16(bytes, at + 2);
    const body = at + 4;
    if (marker === 0xe0 && bytes[body] === 0x4a && bytes[body + 1] === 0x46 && bytes[body + 2] === 0x49 && bytes[body + 3] === 0x46) jfif = true;
    // libjpeg reads the flag only from a complete segment (12 data bytes after the length).
    if (marker === 0xee && length >= 14 && String.fromCharCode(...bytes.subarray(body, body + 5)) === 'Adobe') adobeTransform = bytes[body + 11];
    if (isSof(marker)) {
      if (body + 6 > bytes.length) return undefined;
      const count = bytes[body + 5];
      const componentIds: number[] = [];
      const sampling: [number, number][] = [];
      for (let c = 0; c < count && body + 6 + c * 3 + 2 < bytes.length; c++) {
        componentIds.push(bytes[body + 6 + c * 3]);
        const factors = bytes[body + 7 + c * 3];
        sampling.push([factors >> 4, factors & 15]);
      }
      return { sof: marker, precision: bytes[body], rows: u16(bytes, body + 1), columns: u16(bytes, body + 3), componentIds, sampling, jfif, adobeTransform };
    }
    if (marker === 0xda) return undefined; // a scan before any frame header
    at += 2 + length;
  }
  return undefined;
}

/** Start of the J2K codestream: at 0, or inside the jp2c box of a JP2 file. */
export function j2kStart(bytes: Uint8Array): number | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0x4f) return 0;
  let at = 0;
  while (at + 8 <= bytes.length) {
    let size = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1) {
      size = u32(bytes, at + 12) + u32(bytes, at + 8) * 2 ** 32;
      header = 16;
    }
    if (type === 'jp2c') return at + header;
    if (size < header) return undefined;
    at += size;
  }
  return undefined;
}

/** Reads SIZ, COD and CAP of the main header; undefined when the bytes are not JPEG 2000. */
export function readJ2kHeader(bytes: Uint8Array): J2kHeader | undefined {
  const start = j2kStart(bytes);
  if (start === undefined || bytes[start + 2] !== 0xff || bytes[start + 3] !== 0x51) return undefined;
  const siz = start + 4;
  // Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz, four tile fields, Csiz, then Ssiz of component 0.
  if (siz + 39 > bytes.length) return undefined;
  const columns = u32(bytes, siz + 4) - u32(bytes, siz + 12);
  const rows = u32(bytes, siz + 8) - u32(bytes, siz + 16);
  const components = u16(bytes, siz + 36);
  const ssiz = bytes[siz + 38];
  let at = siz + u16(bytes, siz);
  let mct = 0;
  let reversible = false;
  let htj2k = false;
  // Main header markers up to the first tile-part (SOT).
  while (at + 4 <= bytes.length && bytes[at] === 0xff && bytes[at + 1] !== 0x90) {
    const marker = bytes[at + 1];
    const length = u16(bytes, at + 2);
    if (marker === 0x52) {
      mct = bytes[at + 8];
      reversible = bytes[at + 13] === 1;
    }
    if (marker === 0x50) htj2k = true;
    at += 2 + length;
  }
  return { rows, columns, components, precision: (ssiz & 0x7f) + 1, signed: (ssiz & 0x80) !== 0, mct, reversible, htj2k };
}
