import { Inflate } from 'fflate';
import { memoryFileAccess, type FileAccess } from '../io';
import type { DicomFile } from '../model';
import { PixelDataError } from './imageDescription';

/** Largest inflated data set we build in memory; a small deflated file can expand to gigabytes. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
const CHUNK = 1 << 20;

/**
 * A FileAccess addressed the way the element model is: file positions, except that in a
 * deflated file positions from `dataSetOffset` on are `dataSetOffset` + inflated position.
 * For ordinary files that is the file itself, so frames are read by byte range; a deflated data
 * set has no byte ranges to seek to and is inflated once (with a size cap).
 */
export async function openPixelSource(access: FileAccess, file: DicomFile, maxInflated = MAX_INFLATED_BYTES): Promise<FileAccess> {
  if (!file.deflated) return access;
  const size = await access.size();
  const head = await access.read(0, file.dataSetOffset);
  const chunks: Uint8Array[] = [head];
  let total = head.length;
  let tooBig = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxInflated) tooBig = true;
    else chunks.push(chunk);
  });
  for (let at = file.dataSetOffset; at < size && !tooBig; at += CHUNK) {
    const part = await access.read(at, Math.min(CHUNK, size - at));
    try {
      inflate.push(part, at + part.length >= size);
    } catch (e) {
      throw new PixelDataError(`The deflated data set could not be inflated at file offset ${at}: ${(e as Error).message}`);
    }
  }
  if (tooBig) throw new PixelDataError(`The deflated data set inflates to more than ${maxInflated} bytes; it is not shown.`);
  const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  return memoryFileAccess(whole);
}
