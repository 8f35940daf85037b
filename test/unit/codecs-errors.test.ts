/**
 * Unsupported and corrupt compressed data give errors naming the transfer syntax and the
 * reason; header/codestream colour disagreements follow the codestream with a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { CodecError, decodeCompressedFrame, readJ2kHeader, readJpegHeader, type CompressedFrameInfo } from '../../src/core/codecs';
import { j2kColour, jpegDctColour } from '../../src/core/codecs/colourModel';
import type { JpegHeader } from '../../src/core/codecs/codestreamHeaders';
import { memoryFileAccess } from '../../src/core/io';
import { hex } from '../../src/core/parse/errors';
import { openDicom, parseDicomBytes } from '../../src/core/parse/readDicom';
import { describeImage, PixelDataError } from '../../src/core/pixels/imageDescription';
import { locateEncapsulatedFrame } from '../../src/core/pixels/encapsulatedFrames';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { writeImage } from './renderFixtures';
import { openFileAccess } from '../../src/node/fileAccess';
import { ENCAPSULATED, warningText } from './codecsReference';

async function firstCodestream(name: string): Promise<Uint8Array> {
  const access = await openFileAccess(path.join(ENCAPSULATED, name));
  try {
    const { file, source } = await openDicom(access);
    const fragment = file.dataSet.find((e) => e.tag === '7FE00010')?.fragments?.[0];
    assert.ok(fragment);
    return await source.read(fragment.valueOffset, fragment.length);
  } finally {
    await access.close();
  }
}

/** Frame 1's codestream, its fragments joined (a fresh copy). */
async function wholeFirstFrame(name: string): Promise<Uint8Array> {
  const access = await openFileAccess(path.join(ENCAPSULATED, name));
  try {
    const { file, source } = await openDicom(access);
    const frame = await locateEncapsulatedFrame(describeImage(file), 0, source);
    assert.equal(frame.kind, 'encapsulated');
    return (frame.kind === 'encapsulated' ? frame.bytes : new Uint8Array()).slice();
  } finally {
    await access.close();
  }
}

const CT: CompressedFrameInfo = {
  rows: 512,
  columns: 512,
  samplesPerPixel: 1,
  bitsAllocated: 16,
  bitsStored: 16,
  pixelRepresentation: 0,
  photometricInterpretation: 'MONOCHROME2',
  planarConfiguration: 0,
};

const JPEG_LS = '1.2.840.10008.1.2.4.80';

async function rejects(uid: string, bytes: Uint8Array, info: CompressedFrameInfo, reason: RegExp): Promise<void> {
  await assert.rejects(decodeCompressedFrame(uid, bytes, info), (problem: unknown) => {
    assert.ok(problem instanceof CodecError, String(problem));
    assert.ok(problem.message.includes(uid), `names the transfer syntax: ${problem.message}`);
    assert.match(problem.message, reason);
    return true;
  });
}

test('an unsupported transfer syntax is named', async () => {
  await rejects('1.2.840.10008.1.2.4.100', new Uint8Array(16), CT, /not a compressed syntax this viewer decodes/);
});

test('data that is not a codestream of the syntax says so', async () => {
  const ls = await firstCodestream('multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm');
  await rejects('1.2.840.10008.1.2.4.90', ls, CT, /not a JPEG 2000 codestream/);
  await rejects('1.2.840.10008.1.2.4.201', ls, CT, /not a HTJ2K codestream/);
  await rejects('1.2.840.10008.1.2.4.50', Uint8Array.from({ length: 500 }, (_, i) => (i * 31) & 0xff), CT, /not a JPEG codestream/);
});

test('a codestream of a sibling syntax is decoded as its markers say, with a warning', async () => {
  const ls = await firstCodestream('multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm');
  const asLs = await decodeCompressedFrame(JPEG_LS, ls, CT);
  for (const uid of ['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.70']) {
    const decoded = await decodeCompressedFrame(uid, ls, CT);
    assert.match(warningText(decoded.warnings), /the codestream is JPEG-LS; it was decoded as the codestream says/);
    assert.deepEqual([...decoded.pixels], [...asLs.pixels]);
  }
});

test('corrupt and truncated codestreams are errors with a reason, not crashes or hangs', async () => {
  const ls = await firstCodestream('multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm');
  // Refused from the marker walk, before CharLS spends minutes on it; the message says where.
  await rejects(JPEG_LS, ls.subarray(0, ls.length >> 1), CT, /the scan data after the SOS marker at byte 30 runs to the end of the codestream with no EOI marker: the data is truncated/);
  const garbled = ls.slice();
  for (let i = 200; i < garbled.length; i += 7) garbled[i] ^= 0x5a;
  await rejects(JPEG_LS, garbled, CT, /a marker was expected at byte \d+, found/);
  // The codec still works after failures (each decoder is freed, the module stays usable).
  const fine = await decodeCompressedFrame(JPEG_LS, ls, CT);
  assert.equal(fine.pixels.length, 512 * 512);
});

test('a damaged lossless JPEG says what is broken and where, in the codestream and in the file', async () => {
  const zeroed = await wholeFirstFrame('multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm');
  zeroed.fill(0, 20, 300);
  await rejects('1.2.840.10008.1.2.4.70', zeroed, CT, /a marker was expected at byte 20, found 00/);
  // Through the pixel reader the byte is placed in the file, with a stable code.
  const file = writeImage({ rows: 512, columns: 512, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: [], transferSyntax: 'jpegLossless', encapsulatedFrames: [[zeroed.subarray(0, 100), zeroed.subarray(100)]] });
  const parsed = parseDicomBytes(file);
  const first = parsed.dataSet.find((e) => e.tag === '7FE00010')?.fragments?.[0];
  assert.ok(first);
  const reader = await openPixelReader(parsed, memoryFileAccess(file));
  await assert.rejects(reader.readFrame(0), (problem: unknown) => {
    assert.ok(problem instanceof PixelDataError);
    assert.equal(problem.code, 'codestream-undecodable');
    assert.match(problem.message, /^Frame 1: JPEG Lossless .*a marker was expected at byte 20, found 00/);
    assert.ok(problem.message.includes(`(file offset ${hex(first.valueOffset + 20)})`), problem.message);
    return true;
  });
});

test('a codestream whose size or components disagree with the header is an error', async () => {
  const ls = await firstCodestream('multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm');
  await rejects(JPEG_LS, ls, { ...CT, rows: 256 }, /512 × 512 pixels but Columns × Rows is 512 × 256/);
  await rejects(JPEG_LS, ls, { ...CT, samplesPerPixel: 3, photometricInterpretation: 'RGB' }, /1 components but Samples per Pixel is 3/);
});

test('a codestream cut before its end marker decodes with a warning when the codec allows it', async () => {
  // The first 8 KiB fragment of a frame split by DCMTK into many.
  const part = await firstCodestream('multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm');
  const decoded = await decodeCompressedFrame('1.2.840.10008.1.2.4.70', part, CT);
  assert.match(warningText(decoded.warnings), /does not end with its end marker/);
});

const header = (ids: number[], extra: Partial<JpegHeader> = {}): JpegHeader => ({
  sof: 0xc0,
  precision: 8,
  rows: 8,
  columns: 8,
  componentIds: ids,
  sampling: ids.map(() => [1, 1] as const),
  jfif: false,
  ...extra,
});

test('JPEG colour follows the header (as DCMTK and pydicom), warning when the codestream says otherwise', () => {
  const converted = { photometric: 'RGB', warnings: [], ycbcr: true };
  const asIs = { photometric: 'RGB', warnings: [], ycbcr: false };
  assert.deepEqual(jpegDctColour(header([1, 2, 3], { jfif: true }), 'YBR_FULL_422'), converted);
  assert.deepEqual(jpegDctColour(header([1, 2, 3]), 'YBR_FULL'), converted);
  assert.deepEqual(jpegDctColour(header([0x52, 0x47, 0x42]), 'RGB'), asIs);
  assert.deepEqual(jpegDctColour(header([1, 2, 3], { adobeTransform: 0 }), 'RGB'), asIs);
  assert.deepEqual(jpegDctColour(header([0, 1, 2]), 'RGB'), asIs);
  const jfifRgb = jpegDctColour(header([1, 2, 3], { jfif: true }), 'RGB');
  assert.equal(jfifRgb.ycbcr, false);
  assert.match(jfifRgb.warnings[0].message, /RGB but the JPEG codestream is marked as YCbCr \(JFIF marker\)/);
  const adobeYbr = jpegDctColour(header([1, 2, 3], { adobeTransform: 0 }), 'YBR_FULL_422');
  assert.equal(adobeYbr.ycbcr, true);
  assert.match(adobeYbr.warnings[0].message, /YBR_FULL_422 but the JPEG codestream is marked as RGB/);
  const subsampled = header([1, 2, 3], { sampling: [[2, 2], [1, 1], [1, 1]] });
  assert.match(jpegDctColour(subsampled, 'RGB').warnings[0].message, /subsampled chroma, so it probably holds YCbCr/);
  assert.deepEqual(jpegDctColour(header([1]), 'MONOCHROME2'), { photometric: 'MONOCHROME2', warnings: [], ycbcr: false });
});

test('JPEG 2000 colour follows the codestream transform', () => {
  const j2k = { rows: 8, columns: 8, components: 3, precision: 8, signed: false, htj2k: false };
  assert.deepEqual(j2kColour({ ...j2k, mct: 1, reversible: true }, 'YBR_RCT'), { photometric: 'RGB', warnings: [] });
  assert.deepEqual(j2kColour({ ...j2k, mct: 1, reversible: false }, 'YBR_ICT'), { photometric: 'RGB', warnings: [] });
  assert.match(j2kColour({ ...j2k, mct: 1, reversible: false }, 'YBR_RCT').warnings[0].message, /irreversible \(ICT\)/);
  assert.deepEqual(j2kColour({ ...j2k, mct: 0, reversible: true }, 'YBR_FULL'), { photometric: 'YBR_FULL', warnings: [] });
});

test('header readers reject what is not their codestream', () => {
  assert.equal(readJpegHeader(new Uint8Array([0xff, 0x4f, 0xff, 0x51])), undefined);
  assert.equal(readJ2kHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), undefined);
});
