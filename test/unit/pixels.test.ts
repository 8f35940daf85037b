import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { decodeRleFrame, RleError } from '../../src/core/pixels/rleLossless';
import { unpackNativeFrame, type NativeLayout } from '../../src/core/pixels/nativeUnpack';
import { expandSegmentedLut } from '../../src/core/pixels/palette';
import { ybrFullToRgb8 } from '../../src/core/pixels/colour';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { findFrameDecoder } from '../../src/core/pixels/decoderRegistry';
import { PixelDataError } from '../../src/core/pixels/imageDescription';
import { packSamples, writeImage, type ImageSpec } from './renderFixtures';
import { runCli } from '../support/runCli';

const layout = (over: Partial<NativeLayout>): NativeLayout => ({
  width: 2, height: 2, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 16, highBit: 15, signed: false,
  littleEndian: true, planarConfiguration: 0, ybr422: false, ...over,
});

test('16-bit little and big endian words', () => {
  const le = unpackNativeFrame(Uint8Array.of(0x01, 0x02, 0xff, 0xff, 0x00, 0x80, 0x34, 0x12), layout({}));
  assert.deepEqual([...le], [0x0201, 0xffff, 0x8000, 0x1234]);
  const be = unpackNativeFrame(Uint8Array.of(0x01, 0x02, 0xff, 0xff, 0x00, 0x80, 0x34, 0x12), layout({ littleEndian: false, signed: true }));
  assert.deepEqual([...be], [0x0102, -1, 128, 0x3412]);
});

test('Bits Stored below Bits Allocated: masked from High Bit, sign-extended', () => {
  // 12 bits stored at bits 0-11; bits 12-15 hold garbage that must be ignored.
  const words = packSamples([0xf800, 0x07ff, 0xa123, 0x0fff], 16, true);
  assert.deepEqual([...unpackNativeFrame(words, layout({ bitsStored: 12, highBit: 11, signed: true }))], [-2048, 2047, 0x123, -1]);
  assert.deepEqual([...unpackNativeFrame(words, layout({ bitsStored: 12, highBit: 11 }))], [0x800, 0x7ff, 0x123, 0xfff]);
  // High bit 15: the stored bits are the top 12.
  const high = packSamples([0x800, 0x7ff, 1, 0], 16, true, 4);
  assert.deepEqual([...unpackNativeFrame(high, layout({ bitsStored: 12, highBit: 15, signed: true }))], [-2048, 2047, 1, 0]);
});

test('8-bit and 32-bit samples, signed and unsigned', () => {
  assert.deepEqual([...unpackNativeFrame(Uint8Array.of(0, 127, 128, 255), layout({ bitsAllocated: 8, bitsStored: 8, highBit: 7, signed: true }))], [0, 127, -128, -1]);
  const w32 = packSamples([0, 1, 0xffffffff, 0x80000000], 32, true);
  assert.deepEqual([...unpackNativeFrame(w32, layout({ bitsAllocated: 32, bitsStored: 32, highBit: 31 }))], [0, 1, 0xffffffff, 0x80000000]);
  assert.deepEqual([...unpackNativeFrame(w32, layout({ bitsAllocated: 32, bitsStored: 32, highBit: 31, signed: true }))], [0, 1, -1, -2147483648]);
  const big = packSamples([0x01020304], 32, false);
  assert.deepEqual([...unpackNativeFrame(big, layout({ width: 1, height: 1, bitsAllocated: 32, bitsStored: 32, highBit: 31, littleEndian: false }))], [0x01020304]);
});

test('1-bit data is packed least significant bit first and frames may start mid-byte', () => {
  const bytes = Uint8Array.of(0b10110010, 0b00000001);
  assert.deepEqual([...unpackNativeFrame(bytes, layout({ bitsAllocated: 1, bitsStored: 1, highBit: 0 }))], [0, 1, 0, 0]);
  assert.deepEqual([...unpackNativeFrame(bytes, layout({ bitsAllocated: 1, bitsStored: 1, highBit: 0, bitOffset: 6 }))], [0, 1, 1, 0]);
});

test('planar configuration 1 is interleaved; native YBR_FULL_422 pairs are expanded', () => {
  const planes = Uint8Array.of(1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 150, 250);
  const rgb = unpackNativeFrame(planes, layout({ samplesPerPixel: 3, bitsAllocated: 8, bitsStored: 8, highBit: 7, planarConfiguration: 1 }));
  assert.deepEqual([...rgb], [1, 10, 100, 2, 20, 200, 3, 30, 150, 4, 40, 250]);
  const packed = Uint8Array.of(50, 60, 128, 129, 70, 80, 1, 2);
  const ybr = unpackNativeFrame(packed, layout({ samplesPerPixel: 3, bitsAllocated: 8, bitsStored: 8, highBit: 7, ybr422: true }));
  assert.deepEqual([...ybr], [50, 128, 129, 60, 128, 129, 70, 1, 2, 80, 1, 2]);
});

test('too few bytes for a frame is an error, not a partial image', () => {
  assert.throws(() => unpackNativeFrame(new Uint8Array(7), layout({})), RangeError);
});

test('RLE: PackBits literal and replicate runs, most significant byte segment first', () => {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  // Two segments for 4 pixels of 16 bits: high bytes then low bytes.
  const high = Uint8Array.of(0xfd, 0x12, 0x80); // replicate 0x12 four times, then a no-op
  const low = Uint8Array.of(0x03, 1, 2, 3, 4); // literal run of 4
  view.setUint32(0, 2, true);
  view.setUint32(4, 64, true);
  view.setUint32(8, 64 + high.length, true);
  const frame = new Uint8Array([...header, ...high, ...low]);
  const out = decodeRleFrame(frame, { pixels: 4, samplesPerPixel: 1, bitsAllocated: 16 });
  assert.deepEqual([...new Uint16Array(out.buffer)], [0x1201, 0x1202, 0x1203, 0x1204]);
  view.setUint32(0, 3, true);
  assert.throws(() => decodeRleFrame(new Uint8Array([...header, ...high, ...low]), { pixels: 4, samplesPerPixel: 1, bitsAllocated: 16 }), RleError);
  assert.throws(() => decodeRleFrame(frame.subarray(0, 66), { pixels: 4, samplesPerPixel: 1, bitsAllocated: 16 }), RleError);
});

test('segmented palette: discrete, linear and indirect segments (PS3.3 C.7.9.2)', () => {
  const words = Uint16Array.of(0, 2, 10, 20, 1, 4, 60, 2, 1, 0, 0);
  // discrete 10 20; linear to 60 over 4 entries: 30 40 50 60; indirect: replay the discrete segment.
  assert.deepEqual([...expandSegmentedLut(words, 100)], [10, 20, 30, 40, 50, 60, 10, 20]);
  assert.equal(expandSegmentedLut(words, 3).length, 3);
});

test('YBR_FULL to RGB: neutral chroma gives grey, pure values follow PS3.3 C.7.6.3.1.2', () => {
  const rgb = ybrFullToRgb8(Uint8Array.of(128, 128, 128, 76, 85, 255, 255, 128, 128));
  // DCMTK truncates each term separately, which can cost green one level; we follow DCMTK.
  for (const v of rgb.subarray(0, 3)) assert.ok(Math.abs(v - 128) <= 1, `${[...rgb.subarray(0, 3)]}`);
  // Y 76, Cb 85, Cr 255 is (nearly) pure red.
  assert.ok(rgb[3] >= 253 && rgb[4] <= 1 && rgb[5] <= 1, `${[...rgb.subarray(3, 6)]}`);
  for (const v of rgb.subarray(6, 9)) assert.ok(v >= 254, `${[...rgb.subarray(6, 9)]}`);
});

async function reader(spec: ImageSpec) {
  const { file, source } = await openDicom(memoryFileAccess(writeImage(spec)));
  return openPixelReader(file, source);
}

test('frames of a native multi-frame file are read at valueOffset + i * frameSize', async () => {
  const r = await reader({ rows: 2, columns: 2, frames: 3, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23] });
  assert.deepEqual([...(await r.readFrame(2)).samples], [20, 21, 22, 23]);
  await assert.rejects(r.readFrame(3), PixelDataError);
});

test('RLE frames are located through the Basic Offset Table', async () => {
  const frameBytes = (v: number) => {
    const h = new Uint8Array(64);
    new DataView(h.buffer).setUint32(0, 1, true);
    new DataView(h.buffer).setUint32(4, 64, true);
    return new Uint8Array([...h, 0xfd, v]); // four bytes of v
  };
  const r = await reader({
    rows: 2, columns: 2, frames: 2, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, samples: [], transferSyntax: 'rleLossless',
    encapsulatedFrames: [[frameBytes(7)], [frameBytes(9)]],
  });
  assert.deepEqual([...(await r.readFrame(1)).samples], [9, 9, 9, 9]);
  assert.deepEqual([...(await r.readFrame(0)).samples], [7, 7, 7, 7]);
});

test('bad image descriptions are reported with what is wrong', async () => {
  const base: ImageSpec = { rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, samples: [1, 2, 3, 4] };
  await assert.rejects(reader({ ...base, bitsStored: 12 }), /Bits Stored 12 is not between 1 and Bits Allocated 8/);
  await assert.rejects(reader({ ...base, rows: 0 }), /Rows or Columns/);
  const short = await reader({ ...base, rows: 4 });
  await assert.rejects(short.readFrame(0), /too short for frame 1/);
  await assert.rejects(reader({ ...base, photometric: 'PALETTE COLOR' }), /palette descriptor is missing/);
});

test('the transfer-syntax registry names the decoder of each syntax, or why there is none', () => {
  const name = (uid: string) => {
    const found = findFrameDecoder(uid);
    return 'unsupported' in found ? `unsupported: ${found.unsupported}` : found.name;
  };
  assert.equal(name('1.2.840.10008.1.2.5'), 'RLE Lossless');
  assert.equal(name('1.2.840.10008.1.2.2'), 'Native (uncompressed)');
  assert.equal(name('1.2.840.10008.1.2.4.50'), 'JPEG (DCT)');
  assert.equal(name('1.2.840.10008.1.2.4.203'), 'HTJ2K');
  assert.match(name('1.2.840.10008.1.2.4.102'), /unsupported: video/);
  assert.match(name('1.2.840.10008.1.2.4.94'), /unsupported: .*JPIP server/);
  assert.match(name('9.9.9'), /unsupported: it is not a transfer syntax of the DICOM standard/);
});

test('a LUT or palette shorter than its descriptor is refused with a code, the element and its offset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-lut-short-'));
  const short = new Uint8Array(2);
  const voi: ImageSpec = {
    rows: 2, columns: 2, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: [0, 1, 2, 3],
    extra: [{ tag: 0x00283010, vr: 'SQ', items: [{ elements: [{ tag: 0x00283002, vr: 'US', value: [0, 0, 16] }, { tag: 0x00283006, vr: 'OW', value: short }] }] }],
  };
  const palette: ImageSpec = {
    rows: 2, columns: 2, photometric: 'PALETTE COLOR', bitsAllocated: 8, bitsStored: 8, samples: [0, 1, 2, 3],
    extra: [
      { tag: 0x00281101, vr: 'US', value: [0, 0, 16] }, { tag: 0x00281102, vr: 'US', value: [0, 0, 16] }, { tag: 0x00281103, vr: 'US', value: [0, 0, 16] },
      { tag: 0x00281201, vr: 'OW', value: short }, { tag: 0x00281202, vr: 'OW', value: short }, { tag: 0x00281203, vr: 'OW', value: short },
    ],
  };
  for (const [name, spec, expected] of [
    ['voi.dcm', voi, /\[lut-too-short\]: LUTData \(0028,3006\) at 0x[0-9A-F]{4,} has 1 entries; its LUT Descriptor declares 65536/],
    ['palette.dcm', palette, /\[palette-too-short\]: The red palette RedPaletteColorLookupTableData \(0028,1201\) at 0x[0-9A-F]{4,} has 1 entries/],
  ] as const) {
    const file = join(dir, name);
    writeFileSync(file, writeImage(spec));
    const { code, stderr } = await runCli('render', file, '--out', join(dir, `${name}.png`));
    assert.equal(code, 1, stderr);
    assert.match(stderr, expected);
  }
});

test('an RLE frame that cannot be decoded is refused with a code and the file offset of the problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-rle-bad-'));
  const frame = new Uint8Array(64 + 80);
  const view = new DataView(frame.buffer);
  view.setUint32(0, 2, true);
  view.setUint32(4, 64, true);
  view.setUint32(8, 64, true);
  const bytes = writeImage({ rows: 8, columns: 8, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, samples: new Array(64).fill(0), transferSyntax: 'rleLossless', encapsulatedFrames: [[frame]] });
  const file = join(dir, 'rle.dcm');
  writeFileSync(file, bytes);
  const reader = await openPixelReader((await openDicom(memoryFileAccess(bytes))).file, memoryFileAccess(bytes));
  const fragmentValue = reader.image.pixelData.fragments![0].valueOffset;
  const { code, stderr } = await runCli('render', file, '--out', join(dir, 'rle.png'));
  assert.equal(code, 1, stderr);
  assert.match(stderr, /\[rle-invalid\]: Frame 1: RLE header lists 2 segments; 1 samples of 8 bits need 1 \(file offset 0x[0-9A-F]+\)\./);
  assert.equal(Number.parseInt(/file offset 0x([0-9A-F]+)/.exec(stderr)![1], 16), fragmentValue);
});
