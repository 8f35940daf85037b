/**
 * A multi-gigabyte image for tests and benchmarks: the header is written for real, the pixel
 * data is a hole (a sparse file), so the file has its full size on almost no disk.
 */
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import { identification, imagePixelModule } from '../fixtures/catalog/common';
import { writeDicom } from '../fixtures/writer';

/** Writes `file` with `pixelBytes` of 16-bit 1024×1024 pixel data; returns the file's size. */
export function writeSparseImage(file: string, name: string, pixelBytes: number): number {
  const frames = Math.max(1, Math.floor(pixelBytes / (1024 * 1024 * 2)));
  const { bytes } = writeDicom(
    [
      ...identification(name),
      ...imagePixelModule({ rows: 1024, columns: 1024, frames, bitsAllocated: 16 }),
      { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(0), declaredLength: pixelBytes },
    ].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0)),
    { transferSyntax: 'explicitLittle' },
  );
  const handle = openSync(file, 'w');
  writeSync(handle, bytes);
  closeSync(handle);
  truncateSync(file, bytes.length + pixelBytes);
  return bytes.length + pixelBytes;
}
