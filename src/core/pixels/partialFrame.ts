/**
 * Frames whose bytes end early (a truncated file, or a Pixel Data value declared too short):
 * what is there is decoded, the rest is zero, and the frame says from which row on it is
 * missing, so a viewer can draw the rows that exist and mark the others.
 */
import type { ImageDescription } from './imageDescription';

export interface PartialFrame {
  /** Rows wholly present in every sample plane; rows from this one on hold zeros. */
  readonly completeRows: number;
  readonly presentBytes: number;
  readonly neededBytes: number;
  readonly message: string;
}

/**
 * Rows of a native frame that lie wholly inside its first `presentBits` bits. Interleaved
 * data (planar configuration 0) fills rows one after another; by-plane data (1) completes a
 * row only once the last plane reaches it.
 */
export function completeRows(image: ImageDescription, presentBits: number): number {
  const planes = image.planarConfiguration === 1 && image.samplesPerPixel > 1 ? image.samplesPerPixel : 1;
  const planeBits = image.frameBits / planes;
  const rowBits = planeBits / image.rows;
  const inLastPlane = presentBits - (planes - 1) * planeBits;
  return Math.max(0, Math.min(image.rows, Math.floor(inLastPlane / rowBits)));
}

/** The frame's present bytes followed by zeros up to its full length. */
export function padFrameBytes(present: Uint8Array, length: number): Uint8Array {
  const padded = new Uint8Array(length);
  padded.set(present.subarray(0, length));
  return padded;
}

export function describePartialFrame(image: ImageDescription, index: number, presentBytes: number, neededBytes: number, bitOffset: number, cause: string): PartialFrame {
  const rows = completeRows(image, presentBytes * 8 - bitOffset);
  const missing = rows === image.rows - 1 ? `row ${image.rows}` : `rows ${rows + 1}–${image.rows}`;
  return {
    completeRows: rows,
    presentBytes,
    neededBytes,
    message: `Frame ${index + 1} is cut short: ${presentBytes} of its ${neededBytes} bytes are there (${cause}); ${missing} of ${image.rows} are missing.`,
  };
}
