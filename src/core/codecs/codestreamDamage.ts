/**
 * Where a JPEG or JPEG 2000 codestream is broken, found by walking its marker segments. The
 * codecs report failures without a position (the WASM builds throw bare numbers, the lossless
 * JPEG decoder a TypeError), so when a decode fails this walk names the first structural
 * problem and its byte in the codestream. It reads lengths only and never allocates from them.
 */

export interface CodestreamDamage {
  /** Byte of the codestream (the frame's fragments joined) the problem was found at. */
  readonly offset: number;
  readonly message: string;
}

const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number) => b[at] * 2 ** 24 + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const markerName = (m: number) => `FF${m.toString(16).toUpperCase().padStart(2, '0')}`;

/** The first structural problem of the codestream, or undefined when its markers look whole. */
export function findCodestreamDamage(bytes: Uint8Array): CodestreamDamage | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegDamage(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0x4f) return j2kDamage(bytes);
  return undefined;
}

function jpegDamage(b: Uint8Array): CodestreamDamage | undefined {
  const huffman = new Set<string>(); // "dc0", "ac1", ... defined so far
  let lossless = false;
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) return { offset: at, message: `a marker was expected at byte ${at}, found ${b[at].toString(16).padStart(2, '0')}` };
    const m = b[at + 1];
    if (m === 0xff) {
      at++; // fill byte
      continue;
    }
    if (m === 0xd9) return undefined;
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) return { offset: at, message: `the marker segment ${markerName(m)} at byte ${at} is cut off by the end of the codestream` };
    const length = u16(b, at + 2);
    if (length < 2) return { offset: at + 2, message: `the marker segment ${markerName(m)} at byte ${at} has length ${length}` };
    if (at + 2 + length > b.length) {
      return { offset: at + 2, message: `the marker segment ${markerName(m)} at byte ${at} declares ${length} bytes, past the end of the codestream (${b.length} bytes)` };
    }
    if (m === 0xc3) lossless = true;
    if (m === 0xc4) {
      // DHT: one or more tables, each class/id byte, 16 counts, then the codes.
      let t = at + 4;
      while (t < at + 2 + length) {
        huffman.add(`${b[t] >> 4 ? 'ac' : 'dc'}${b[t] & 15}`);
        let count = 0;
        for (let k = 1; k <= 16; k++) count += b[t + k];
        t += 17 + count;
      }
    }
    if (m === 0xda) {
      // Lossless JPEG uses only DC tables, and no decoder here has default ones.
      if (lossless) {
        for (let c = 0; c < b[at + 4]; c++) {
          const table = b[at + 6 + c * 2] >> 4;
          if (!huffman.has(`dc${table}`)) return { offset: at, message: `the scan at byte ${at} uses Huffman table ${table}, which no DHT segment before it defines` };
        }
      }
      const next = nextMarkerAfterScan(b, at + 2 + length);
      if (next === undefined) return { offset: at, message: `the scan data after the SOS marker at byte ${at} runs to the end of the codestream with no EOI marker: the data is truncated` };
      at = next;
      continue;
    }
    at += 2 + length;
  }
  return { offset: b.length, message: `the codestream ends at byte ${b.length} without its EOI marker (FFD9)` };
}

/**
 * The first marker after entropy-coded data: FF then C0 or above, other than a restart marker.
 * JPEG stuffs FF 00 inside the data and JPEG-LS follows FF with a byte below 80, so neither is
 * taken for a marker.
 */
function nextMarkerAfterScan(b: Uint8Array, from: number): number | undefined {
  for (let i = b.indexOf(0xff, from); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    const n = b[i + 1];
    if (n >= 0xc0 && n !== 0xff && !(n >= 0xd0 && n <= 0xd7)) return i;
  }
  return undefined;
}

function j2kDamage(b: Uint8Array): CodestreamDamage | undefined {
  let at = 2;
  // Main header: marker segments up to the first tile-part.
  while (at + 4 <= b.length && u16(b, at) !== 0xff90) {
    if (b[at] !== 0xff) return { offset: at, message: `a main-header marker was expected at byte ${at}, found ${b[at].toString(16).padStart(2, '0')}` };
    const length = u16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) {
      return { offset: at + 2, message: `the marker segment ${markerName(b[at + 1])} at byte ${at} declares ${length} bytes, past the end of the codestream (${b.length} bytes)` };
    }
    at += 2 + length;
  }
  if (at + 4 > b.length) return { offset: at, message: `the codestream ends at byte ${b.length} before its first tile-part (SOT)` };
  while (at + 2 <= b.length) {
    const marker = u16(b, at);
    if (marker === 0xffd9) return undefined;
    if (marker !== 0xff90) return { offset: at, message: `a tile-part (SOT) or the end marker was expected at byte ${at}, found ${markerName(b[at + 1])}` };
    if (at + 12 > b.length) return { offset: at, message: `the tile-part header at byte ${at} is cut off by the end of the codestream` };
    const psot = u32(b, at + 6);
    if (psot === 0) return undefined; // the last tile-part runs to the end of the codestream
    if (at + psot > b.length) return { offset: at + 6, message: `the tile-part at byte ${at} declares ${psot} bytes (Psot), past the end of the codestream (${b.length} bytes): the data is truncated` };
    at += psot;
  }
  return { offset: b.length, message: `the codestream ends at byte ${b.length} without its end marker (FFD9)` };
}
