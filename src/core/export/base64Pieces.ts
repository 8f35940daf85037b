/** Bytes per piece: a multiple of 3, so the pieces' base64 joined is the base64 of the whole (and few enough to pass as arguments). */
const PIECE_BYTES = 3 * 0x2000;

/**
 * Base64 of `bytes`, a piece at a time (a binary value of hundreds of MB never becomes one
 * string), with the global `btoa` (Node and browsers alike; the core does not use Buffer).
 */
export function* base64Pieces(bytes: Uint8Array): Generator<string, void, undefined> {
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    yield btoa(String.fromCharCode(...bytes.subarray(at, Math.min(bytes.length, at + PIECE_BYTES))));
  }
}
