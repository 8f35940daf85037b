/**
 * Overlay planes read from the writer's fixtures, against pydicom's overlay_array (Overlay Data)
 * and a numpy bit extraction from the raw Pixel Data words (embedded overlays, which pydicom does
 * not unpack), run on the same files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { burnOverlays, overlayPlanes, readOverlays, unpackBits } from '../../src/core/display/overlays';
import { memoryFileAccess } from '../../src/core/io';
import { describeImage } from '../../src/core/pixels/imageDescription';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { fixtureByName } from '../fixtures/catalog';
import { nativeImage } from '../fixtures/catalog/common';
import { overlayPattern, overlayPlaneElements, packOverlayBits } from '../fixtures/catalog/overlays';
import { writeDicom } from '../fixtures/writer';
import { compareWithDcmtk, hasDcmtk } from './renderDcmtkSupport';

const PYTHON = '/usr/bin/python3';

function hasPydicom(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import pydicom, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const skip = hasPydicom() || process.env.CI ? false : 'pydicom and numpy are not installed for /usr/bin/python3';

/** Per group: overlay frames as lists of rows of 0/1 (pydicom), or the embedded bit from numpy. */
const PYDICOM_OVERLAYS = `
import json, sys
import numpy as np
import pydicom
ds = pydicom.dcmread(sys.argv[1])
out = {}
for group in range(0x6000, 0x6020, 2):
    if (group, 0x0010) not in ds:
        continue
    if (group, 0x3000) in ds:
        a = ds.overlay_array(group)
        if a.ndim == 2:
            a = a[np.newaxis]
        out[hex(group)] = a.astype(int).tolist()
    else:
        words = np.frombuffer(ds.PixelData, dtype='<u2').reshape(ds.Rows, ds.Columns)
        bit = int(ds[group, 0x0102].value)
        out[hex(group)] = [((words >> bit) & 1).astype(int).tolist()]
print(json.dumps(out))
`;

function pydicomOverlays(bytes: Uint8Array): Record<string, number[][][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'overlays-'));
  try {
    const file = path.join(dir, 'f.dcm');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(PYTHON, ['-c', PYDICOM_OVERLAYS, file]).toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ours(bytes: Uint8Array, frame: number) {
  const file = parseDicomBytes(bytes);
  const image = describeImage(file);
  return readOverlays(overlayPlanes(file.dataSet, image), frame, memoryFileAccess(bytes), image);
}

const rowsOf = (bits: Uint8Array, columns: number): number[][] => Array.from({ length: bits.length / columns }, (_, r) => Array.from(bits.subarray(r * columns, (r + 1) * columns)));

test('Overlay Data planes match pydicom overlay_array, with their origin', { skip }, async () => {
  const bytes = fixtureByName('overlay-data').build().bytes;
  const reference = pydicomOverlays(bytes);
  const bitmaps = await ours(bytes, 0);
  assert.deepEqual(bitmaps.map((b) => b.group), [0x6000, 0x6002]);
  for (const b of bitmaps) assert.deepEqual(rowsOf(b.bits, b.columns), reference[`0x${b.group.toString(16)}`][0]);
  assert.deepEqual({ top: bitmaps[0].top, left: bitmaps[0].left, rows: bitmaps[0].rows, columns: bitmaps[0].columns }, { top: 4, left: 8, rows: 20, columns: 30 });
  assert.ok(bitmaps[0].bits.some((v) => v === 1), 'the plane has set bits');
});

test('a multi-frame overlay goes with the image frames from its Image Frame Origin', { skip }, async () => {
  const bytes = fixtureByName('overlay-multiframe').build().bytes;
  const reference = pydicomOverlays(bytes)['0x6000'];
  assert.equal(reference.length, 2);
  assert.deepEqual(await ours(bytes, 0), [], 'image frame 1 comes before the overlay');
  for (const frame of [1, 2]) {
    const [b] = await ours(bytes, frame);
    assert.deepEqual(rowsOf(b.bits, b.columns), reference[frame - 1], `image frame ${frame + 1}`);
  }
  assert.notDeepEqual(reference[0], reference[1]);
});

test('an overlay embedded in bit 12 of the Pixel Data matches numpy on the raw words', { skip }, async () => {
  const bytes = fixtureByName('overlay-embedded').build().bytes;
  const reference = pydicomOverlays(bytes)['0x6000'][0];
  const [b] = await ours(bytes, 0);
  assert.deepEqual(rowsOf(b.bits, b.columns), reference);
  assert.ok(b.bits.some((v) => v === 1));
});

test('bits unpack least significant first from any bit offset; truncated data reads as zeros', () => {
  assert.deepEqual(Array.from(unpackBits(Uint8Array.of(0b00000101, 0b10000000), 0, 16)), [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(Array.from(unpackBits(Uint8Array.of(0b00000101), 2, 4)), [1, 0, 0, 0]);
  assert.deepEqual(Array.from(unpackBits(Uint8Array.of(0xff), 6, 4)), [1, 1, 0, 0]);
});

test('burning overlays sets covered pixels and clips at the image edges', () => {
  const data = new Uint8Array(4 * 3);
  burnOverlays(data, 4, 3, 1, [{ group: 0x6000, rows: 2, columns: 2, top: -1, left: 3, bits: Uint8Array.of(1, 1, 1, 1) }]);
  assert.deepEqual(Array.from(data), [0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
});

const skipDcmtk = hasDcmtk() || process.env.CI ? false : 'DCMTK (dcmj2pnm) is not installed';

for (const name of ['overlay-data', 'overlay-multiframe', 'overlay-embedded']) {
  test(`render draws overlays as dcmj2pnm does by default, and leaves them out as its -O does: ${name}`, { skip: skipDcmtk }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'overlay-render-'));
    try {
      const file = path.join(dir, `${name}.dcm`);
      writeFileSync(file, fixtureByName(name).build().bytes);
      const frames = name === 'overlay-multiframe' ? [1, 2, 3] : [1];
      for (const frame of frames) {
        const drawn = await compareWithDcmtk(file, { frame });
        // Within one grey level, as every render comparison with dcmj2pnm (min-max rounding).
        assert.ok(drawn.maxDifference <= 1, `frame ${frame} with overlays: ${JSON.stringify(drawn)}`);
        const without = await compareWithDcmtk(file, { frame, extra: { ours: ['--no-overlays'], dcmtk: ['-O'] } });
        assert.ok(without.maxDifference <= 1, `frame ${frame} without overlays: ${JSON.stringify(without)}`);
        // The overlay must show: with and without differ wherever a plane goes with the frame.
        const mixed = await compareWithDcmtk(file, { frame, extra: { ours: ['--no-overlays'], dcmtk: [] } });
        assert.equal(mixed.differingSamples > 0, !(name === 'overlay-multiframe' && frame === 1), `frame ${frame}: overlay visible`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a plane reaching outside the image is cut to it, matching the same part of pydicom overlay_array', { skip }, async () => {
  const shape = { rows: 32, columns: 48, frames: 1, bitsAllocated: 16 } as const;
  const bits = overlayPattern(20, 30, 2);
  const bytes = writeDicom(nativeImage('overlay-clipped', shape, true, overlayPlaneElements(0x6000, { rows: 20, columns: 30, origin: [-3, 40], data: packOverlayBits(bits) })), { transferSyntax: 'explicitLittle' }).bytes;
  const full = pydicomOverlays(bytes)['0x6000'][0];
  const [b] = await ours(bytes, 0);
  // Origin (-3, 40) is 1-based: rows 4.. and columns ..8 of the plane fall inside the 32 x 48 image.
  assert.deepEqual({ top: b.top, left: b.left, rows: b.rows, columns: b.columns }, { top: 0, left: 39, rows: 16, columns: 9 });
  assert.deepEqual(rowsOf(b.bits, b.columns), full.slice(4).map((row) => row.slice(0, 9)));
});

test('a plane declared 65535 x 65535 with a few bytes of data reads as the image-sized part, quickly', async () => {
  const shape = { rows: 16, columns: 16, frames: 1, bitsAllocated: 16 } as const;
  const data = Uint8Array.from({ length: 16 }, () => 0xff);
  const bytes = writeDicom(nativeImage('overlay-huge', shape, true, overlayPlaneElements(0x6000, { rows: 65535, columns: 65535, origin: [1, 1], data })), { transferSyntax: 'explicitLittle' }).bytes;
  const started = Date.now();
  const [b] = await ours(bytes, 0);
  assert.ok(Date.now() - started < 1000);
  assert.deepEqual({ rows: b.rows, columns: b.columns }, { rows: 16, columns: 16 });
  // The 128 bits of data fill the first plane row (65535 wide) only as far as they go.
  assert.deepEqual(Array.from(b.bits.subarray(0, 16)), new Array(16).fill(1));
  assert.equal(b.bits.subarray(16).reduce((n, v) => n + v, 0), 0);
});
