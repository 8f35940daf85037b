/**
 * Header-only reading must not depend on the file size: a 2 GB multi-frame file (simulated by a
 * FileAccess that serves the writer's header and zeros after it, so nothing is allocated) is
 * read with a few kilobytes, and the Pixel Data element is still recorded at the writer's
 * offsets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileAccess } from '../../src/core/io';
import { readDicom } from '../../src/core/parse/readDicom';
import { plainFragment } from '../../src/core/values/plainElements';
import { byTag, identification, imagePixelModule } from '../fixtures/catalog/common';
import { writeDicom } from '../fixtures/writer';
import { compareWithLayout } from '../support/compareLayout';

const FRAMES = 2000;
const SHAPE = { rows: 512, columns: 1024, frames: FRAMES, bitsAllocated: 16 } as const;
const PIXEL_BYTES = SHAPE.rows * SHAPE.columns * 2 * FRAMES; // 2,097,152,000 bytes

/** Serves `head` and then `size - head.length` zeros, counting what is read. */
function virtualFile(head: Uint8Array, size: number): FileAccess & { readonly bytesRead: () => number } {
  let total = 0;
  return {
    size: async () => size,
    read: async (offset, length) => {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      if (offset < head.length) out.set(head.subarray(offset, Math.min(head.length, end)));
      total += out.length;
      return out;
    },
    bytesRead: () => total,
  };
}

/** Serves `head`, then `count` fragment items of `length` zero bytes, then a Sequence
 * Delimitation Item, generating item headers on demand. */
function virtualFragments(head: Uint8Array, count: number, length: number): FileAccess {
  const stride = 8 + length;
  const itemsEnd = head.length + count * stride;
  const size = itemsEnd + 8;
  const itemHeader = Uint8Array.of(0xfe, 0xff, 0x00, 0xe0, length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff, length >>> 24);
  const delimiter = Uint8Array.of(0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0);
  const place = (out: Uint8Array, offset: number, at: number, bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      const target = at + i - offset;
      if (target >= 0 && target < out.length) out[target] = bytes[i];
    }
  };
  return {
    size: async () => size,
    read: async (offset, len) => {
      const end = Math.min(size, offset + len);
      const out = new Uint8Array(Math.max(0, end - offset));
      if (offset < head.length) out.set(head.subarray(offset, Math.min(head.length, end)));
      const first = Math.max(0, Math.floor((offset - head.length) / stride));
      for (let k = first; k < count && head.length + k * stride < end; k++) place(out, offset, head.length + k * stride, itemHeader);
      place(out, offset, itemsEnd, delimiter);
      return out;
    },
  };
}

test('header-only read of 2 GB of encapsulated fragments lists every fragment by range reads', async () => {
  const frames = 2048;
  const fragmentLength = 1024 * 1024;
  const written = writeDicom(byTag([
    ...identification('large-encapsulated'),
    ...imagePixelModule({ ...SHAPE, frames }),
    { tag: 0x7fe00010, vr: 'OB', encapsulated: { frames: [], basicOffsetTable: false } },
  ]), { transferSyntax: 'jpegLsLossless' });
  const head = written.bytes.subarray(0, written.bytes.length - 8); // without its delimiter
  const file = await readDicom(virtualFragments(head, frames, fragmentLength));
  assert.deepEqual(file.issues.filter((i) => i.severity === 'error'), []);
  const pixelData = file.dataSet.find((e) => e.tag === '7FE00010');
  assert.ok(pixelData?.fragments, 'Pixel Data with fragments');
  assert.equal(pixelData.fragments.length, frames);
  assert.deepEqual(plainFragment(pixelData.fragments.at(-1)!), {
    offset: head.length + (frames - 1) * (8 + fragmentLength),
    valueOffset: head.length + (frames - 1) * (8 + fragmentLength) + 8,
    length: fragmentLength,
    end: head.length + frames * (8 + fragmentLength),
  });
  assert.equal(pixelData.sequenceDelimiterOffset, head.length + frames * (8 + fragmentLength));
});

test('header-only read of a 2 GB multi-frame file reads a few KiB and records Pixel Data', async () => {
  const header = writeDicom(byTag([
    ...identification('large-multiframe'),
    ...imagePixelModule(SHAPE),
    // Only the header is written: the value is the zeros the virtual file serves.
    { tag: 0x7fe00010, vr: 'OW', declaredLength: PIXEL_BYTES },
  ]), { transferSyntax: 'explicitLittle' });
  const size = header.bytes.length + PIXEL_BYTES;
  const access = virtualFile(header.bytes, size);
  const started = process.memoryUsage().heapUsed;
  const file = await readDicom(access);
  assert.deepEqual(file.issues.filter((i) => i.severity === 'error'), []);
  assert.equal(file.size, size);
  assert.equal(file.stoppedBeforePixelData, true);
  const layout = header.layout.dataSet.map((e) => (e.tag === '7FE00010' ? { ...e, end: e.valueOffset + PIXEL_BYTES } : e));
  assert.deepEqual(compareWithLayout(file.dataSet, layout, { vr: true }), []);
  assert.ok(access.bytesRead() <= 256 * 1024, `read ${access.bytesRead()} bytes of a ${size}-byte file`);
  assert.ok(process.memoryUsage().heapUsed - started < 64 * 1024 * 1024, 'heap grew by less than 64 MiB');
});
