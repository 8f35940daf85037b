/**
 * JPEG 2000 and HTJ2K: codestreams made here by OpenJPEG's opj_compress (Debian's
 * libopenjp2-tools) and by the HTJ2K encoder of the same package as the decoder, checked for
 * exact lossless round trips, colour transforms (RCT, ICT, Part 2 array MCT) and against
 * opj_decompress as an independent decoder for lossy streams.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCompressedFrame } from '../../src/core/codecs';
import type { CompressedFrameInfo } from '../../src/core/codecs';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import { decodeAllFrames, ENCAPSULATED, scratchPath, warningText } from './codecsReference';

const haveOpenJpegTools = spawnSync('opj_compress', ['-h'], { stdio: 'ignore' }).status !== null;
// CI installs the tools (.ci/run), so there a missing tool fails the tests instead of skipping them.
const skip = haveOpenJpegTools || process.env.CI ? false : 'opj_compress is not installed (apt-get install libopenjp2-tools)';

const J2K_LOSSLESS = '1.2.840.10008.1.2.4.90';
const J2K = '1.2.840.10008.1.2.4.91';
const J2K_PART2 = '1.2.840.10008.1.2.4.93';
const HTJ2K_LOSSLESS = '1.2.840.10008.1.2.4.201';

async function firstFrame(name: string): Promise<StoredFrame> {
  return (await decodeAllFrames(path.join(ENCAPSULATED, name))).frames[0];
}

function infoOf(frame: StoredFrame, photometricInterpretation: string, bitsStored = frame.bitsStored): CompressedFrameInfo {
  return {
    rows: frame.height,
    columns: frame.width,
    samplesPerPixel: frame.samplesPerPixel,
    bitsAllocated: bitsStored > 8 ? 16 : 8,
    bitsStored,
    pixelRepresentation: frame.signed ? 1 : 0,
    photometricInterpretation,
    planarConfiguration: 0,
  };
}

/** PGM/PPM (big-endian above 8 bits) or, for signed samples, OpenJPEG's little-endian raw. */
function writeImage(frame: StoredFrame): { file: string; args: string[] } {
  const big = frame.bitsStored > 8;
  const bytes = new Uint8Array(frame.samples.length * (big ? 2 : 1));
  const view = new DataView(bytes.buffer);
  frame.samples.forEach((v, i) => (big ? view.setUint16(i * 2, v & 0xffff, frame.signed /* raw little endian; PGM big endian */) : view.setUint8(i, v & 0xff)));
  if (frame.signed) {
    const file = scratchPath('frame.rawl');
    writeFileSync(file, bytes);
    return { file, args: ['-F', `${frame.width},${frame.height},${frame.samplesPerPixel},${frame.bitsStored},s`] };
  }
  const file = scratchPath(frame.samplesPerPixel === 3 ? 'frame.ppm' : 'frame.pgm');
  const header = `P${frame.samplesPerPixel === 3 ? 6 : 5}\n${frame.width} ${frame.height}\n${2 ** frame.bitsStored - 1}\n`;
  writeFileSync(file, Buffer.concat([Buffer.from(header, 'latin1'), bytes]));
  return { file, args: [] };
}

function opjCompress(frame: StoredFrame, args: readonly string[]): Uint8Array {
  const input = writeImage(frame);
  const out = scratchPath('frame.j2k');
  execFileSync('opj_compress', ['-i', input.file, '-o', out, ...input.args, ...args], { stdio: 'pipe' });
  return readFileSync(out);
}

/** opj_decompress's samples, read back from the PGM/PPM it writes. */
function opjDecompress(codestream: Uint8Array, components: number): number[] {
  const input = scratchPath('in.j2k');
  writeFileSync(input, codestream);
  const out = scratchPath(components === 3 ? 'out.ppm' : 'out.pgm');
  execFileSync('opj_decompress', ['-i', input, '-o', out], { stdio: 'pipe' });
  const bytes = readFileSync(out);
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    let word = '';
    while (/\s/.test(String.fromCharCode(bytes[at]))) at++;
    if (bytes[at] === 0x23) {
      while (bytes[at] !== 0x0a) at++; // comment line
      continue;
    }
    while (!/\s/.test(String.fromCharCode(bytes[at]))) word += String.fromCharCode(bytes[at++]);
    fields.push(word);
  }
  at++;
  const wide = Number(fields[3]) > 255;
  const values: number[] = [];
  for (let i = at; i < bytes.length; i += wide ? 2 : 1) values.push(wide ? bytes.readUInt16BE(i) : bytes[i]);
  return values;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

test('JPEG 2000 lossless: 16-bit unsigned and signed grey round-trip exactly', { skip }, async () => {
  for (const name of ['multi-frame/CT0012.explicit_little_endian.dcm', 'single-frame/CT1_UNC.explicit_little_endian.dcm']) {
    const frame = await firstFrame(name);
    const decoded = await decodeCompressedFrame(J2K_LOSSLESS, opjCompress(frame, []), infoOf(frame, 'MONOCHROME2'));
    assert.equal(maxDiff(decoded.pixels, frame.samples), 0, name);
    assert.equal(decoded.signed, frame.signed);
    assert.deepEqual(decoded.warnings, []);
  }
});

test('JPEG 2000 lossless colour: RCT comes back RGB; without MCT the header RGB is kept', { skip }, async () => {
  const frame = await firstFrame('multi-frame/IM00001.implicit_little_endian.dcm');
  const rct = await decodeCompressedFrame(J2K_LOSSLESS, opjCompress(frame, []), infoOf(frame, 'YBR_RCT'));
  assert.equal(rct.photometricInterpretation, 'RGB');
  assert.deepEqual(rct.warnings, []);
  assert.equal(maxDiff(rct.pixels, frame.samples), 0);
  const plain = await decodeCompressedFrame(J2K_LOSSLESS, opjCompress(frame, ['-mct', '0']), infoOf(frame, 'RGB'));
  assert.equal(plain.photometricInterpretation, 'RGB');
  assert.equal(maxDiff(plain.pixels, frame.samples), 0);
});

test('JPEG 2000 whose colour transform disagrees with the header follows the codestream, with a warning', { skip }, async () => {
  const frame = await firstFrame('multi-frame/IM00001.implicit_little_endian.dcm');
  const rctLabelledRgb = await decodeCompressedFrame(J2K_LOSSLESS, opjCompress(frame, []), infoOf(frame, 'RGB'));
  assert.equal(rctLabelledRgb.photometricInterpretation, 'RGB');
  assert.equal(maxDiff(rctLabelledRgb.pixels, frame.samples), 0);
  assert.match(warningText(rctLabelledRgb.warnings), /RCT/);
  const plainLabelledIct = await decodeCompressedFrame(J2K, opjCompress(frame, ['-mct', '0']), infoOf(frame, 'YBR_ICT'));
  assert.equal(plainLabelledIct.photometricInterpretation, 'RGB');
  assert.match(warningText(plainLabelledIct.warnings), /no colour transform/);
});

test('JPEG 2000 lossy (ICT) and Part 2 array-based MCT agree with opj_decompress', { skip }, async () => {
  const frame = await firstFrame('multi-frame/IM00001.implicit_little_endian.dcm');
  const ict = opjCompress(frame, ['-I', '-r', '20']);
  const decoded = await decodeCompressedFrame(J2K, ict, infoOf(frame, 'YBR_ICT'));
  assert.equal(decoded.photometricInterpretation, 'RGB');
  assert.deepEqual(decoded.warnings, []);
  assert.ok(maxDiff(decoded.pixels, opjDecompress(ict, 3)) <= 1);
  // A Part 2 colour matrix (RGB to YCbCr) written as an MCT array.
  const matrix = scratchPath('mct.txt');
  writeFileSync(matrix, '0.299,0.587,0.114,-0.16875,-0.33126,0.5,0.5,-0.41869,-0.08131');
  const part2 = opjCompress(frame, ['-m', matrix]);
  const decodedPart2 = await decodeCompressedFrame(J2K_PART2, part2, infoOf(frame, 'RGB'));
  assert.ok(maxDiff(decodedPart2.pixels, opjDecompress(part2, 3)) <= 1);
  assert.ok(maxDiff(decodedPart2.pixels, frame.samples) <= 3);
});

test('JPEG 2000 lossy grey: within one level of opj_decompress', { skip }, async () => {
  const frame = await firstFrame('multi-frame/CT0012.explicit_little_endian.dcm');
  const lossy = opjCompress(frame, ['-I', '-r', '10']);
  const decoded = await decodeCompressedFrame(J2K, lossy, infoOf(frame, 'MONOCHROME2'));
  assert.ok(maxDiff(decoded.pixels, opjDecompress(lossy, 1)) <= 1);
});

interface HtEncoder {
  getDecodedBuffer(info: Record<string, unknown>): Uint8Array;
  setQuality(lossless: boolean, quantizationStep: number): void;
  setProgressionOrder(order: number): void;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

/** Encodes with OpenJPH's encoder from the same package the decoder comes from. */
async function htj2kEncode(frame: StoredFrame, options: { colourTransform?: boolean; quantization?: number; rpcl?: boolean } = {}): Promise<Uint8Array> {
  const factory = (await import('@cornerstonejs/codec-openjph/wasmjs')).default as () => Promise<{ HTJ2KEncoder: new () => HtEncoder }>;
  const encoder = new (await factory()).HTJ2KEncoder();
  try {
    const wide = frame.bitsStored > 8;
    const input = encoder.getDecodedBuffer({
      width: frame.width,
      height: frame.height,
      bitsPerSample: frame.bitsStored,
      componentCount: frame.samplesPerPixel,
      isSigned: frame.signed,
      isUsingColorTransform: options.colourTransform ?? false,
    });
    const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
    frame.samples.forEach((v, i) => (wide ? view.setInt16(i * 2, v, true) : view.setUint8(i, v)));
    if (options.quantization !== undefined) encoder.setQuality(false, options.quantization);
    if (options.rpcl) encoder.setProgressionOrder(2);
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

const HTJ2K_RPCL = '1.2.840.10008.1.2.4.202';
const HTJ2K = '1.2.840.10008.1.2.4.203';

test('HTJ2K lossless and RPCL: grey (unsigned, signed) and RGB with the colour transform round-trip exactly', async () => {
  for (const name of ['multi-frame/CT0012.explicit_little_endian.dcm', 'single-frame/CT1_UNC.explicit_little_endian.dcm']) {
    const frame = await firstFrame(name);
    const lossless = await decodeCompressedFrame(HTJ2K_LOSSLESS, await htj2kEncode(frame), infoOf(frame, 'MONOCHROME2'));
    assert.equal(maxDiff(lossless.pixels, frame.samples), 0, name);
    const rpcl = await decodeCompressedFrame(HTJ2K_RPCL, await htj2kEncode(frame, { rpcl: true }), infoOf(frame, 'MONOCHROME2'));
    assert.equal(maxDiff(rpcl.pixels, frame.samples), 0, `${name} RPCL`);
  }
  const colour = await firstFrame('multi-frame/IM00001.implicit_little_endian.dcm');
  const rct = await decodeCompressedFrame(HTJ2K_LOSSLESS, await htj2kEncode(colour, { colourTransform: true }), infoOf(colour, 'YBR_RCT'));
  assert.equal(rct.photometricInterpretation, 'RGB');
  assert.deepEqual(rct.warnings, []);
  assert.equal(maxDiff(rct.pixels, colour.samples), 0);
});

test('HTJ2K lossy agrees with opj_decompress (an independent HTJ2K decoder)', { skip }, async () => {
  const frame = await firstFrame('multi-frame/CT0012.explicit_little_endian.dcm');
  const lossy = await htj2kEncode(frame, { quantization: 0.001 });
  const decoded = await decodeCompressedFrame(HTJ2K, lossy, infoOf(frame, 'MONOCHROME2'));
  assert.ok(maxDiff(decoded.pixels, opjDecompress(lossy, 1)) <= 1);
  assert.ok(maxDiff(decoded.pixels, frame.samples) > 0, 'the stream is really lossy');
});

test('a JP2 file instead of a bare codestream, and HTJ2K under a JPEG 2000 syntax, decode with warnings', { skip }, async () => {
  const frame = await firstFrame('multi-frame/CT0012.explicit_little_endian.dcm');
  const input = writeImage(frame);
  const jp2 = scratchPath('frame.jp2');
  execFileSync('opj_compress', ['-i', input.file, '-o', jp2], { stdio: 'pipe' });
  const fromJp2 = await decodeCompressedFrame(J2K_LOSSLESS, readFileSync(jp2), infoOf(frame, 'MONOCHROME2'));
  assert.equal(maxDiff(fromJp2.pixels, frame.samples), 0);
  assert.match(warningText(fromJp2.warnings), /JP2 file/);
  const ht = await decodeCompressedFrame(J2K_LOSSLESS, await htj2kEncode(frame), infoOf(frame, 'MONOCHROME2'));
  assert.equal(maxDiff(ht.pixels, frame.samples), 0);
  assert.match(warningText(ht.warnings), /uses HTJ2K block coding/);
  // Part 1 codestreams are allowed under the HTJ2K syntaxes: no warning.
  const part1 = await decodeCompressedFrame(HTJ2K_LOSSLESS, opjCompress(frame, []), infoOf(frame, 'MONOCHROME2'));
  assert.equal(maxDiff(part1.pixels, frame.samples), 0);
  assert.deepEqual(part1.warnings, []);
});
