/**
 * Which fragments make frame N: Basic Offset Table, Extended Offset Table, one frame in many
 * fragments, many frames without any table (JPEG and JPEG 2000 markers), and a fragment that
 * runs past the end of the file failing its own frame only. Real codestreams (a DCMTK JPEG-LS
 * corpus file, and JPEG 2000 from OpenJPEG's encoder) are re-wrapped by the fixture writer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { PixelDataError } from '../../src/core/pixels/imageDescription';
import { writeDicom, type ElementSpec, type TransferSyntaxName } from '../fixtures/writer';
import { decodeAllFrames, ENCAPSULATED, maxDifference } from './codecsReference';

const JPEG_LS = path.join(ENCAPSULATED, 'multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm');

/** The codestream of each frame of a file with one fragment per frame. */
async function codestreams(file: string): Promise<Uint8Array[]> {
  const { openFileAccess } = await import('../../src/node/fileAccess');
  const access = await openFileAccess(file);
  try {
    const { file: parsed, source } = await openDicom(access);
    const fragments = parsed.dataSet.find((e) => e.tag === '7FE00010')?.fragments ?? [];
    return await Promise.all(fragments.map((f) => source.read(f.valueOffset, f.length)));
  } finally {
    await access.close();
  }
}

/** Cuts a codestream into `parts` pieces of even length (the last takes the rest). */
function split(bytes: Uint8Array, parts: number): Uint8Array[] {
  const size = Math.floor(bytes.length / parts / 2) * 2;
  return Array.from({ length: parts }, (_, i) => bytes.subarray(i * size, i === parts - 1 ? bytes.length : (i + 1) * size));
}

interface Wrap {
  readonly syntax: TransferSyntaxName;
  readonly rows: number;
  readonly columns: number;
  readonly bits: number;
  readonly frames: readonly (readonly Uint8Array[])[];
  readonly basicOffsetTable: boolean;
  readonly extra?: readonly ElementSpec[];
}

function wrap(spec: Wrap): Uint8Array {
  const elements: ElementSpec[] = [
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(spec.frames.length) },
    { tag: 0x00280010, vr: 'US', value: [spec.rows] },
    { tag: 0x00280011, vr: 'US', value: [spec.columns] },
    { tag: 0x00280100, vr: 'US', value: [spec.bits > 8 ? 16 : 8] },
    { tag: 0x00280101, vr: 'US', value: [spec.bits] },
    { tag: 0x00280102, vr: 'US', value: [spec.bits - 1] },
    { tag: 0x00280103, vr: 'US', value: [0] },
    ...(spec.extra ?? []),
    { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, encapsulated: { frames: spec.frames, basicOffsetTable: spec.basicOffsetTable } },
  ];
  elements.sort((a, b) => a.tag - b.tag);
  return writeDicom(elements, { transferSyntax: spec.syntax, sopClassUid: '1.2.840.10008.5.1.4.1.1.7' }).bytes;
}

async function readAll(bytes: Uint8Array) {
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  const reader = await openPixelReader(file, source);
  return Promise.allSettled(Array.from({ length: reader.image.numberOfFrames }, (_, i) => reader.readFrame(i)));
}

async function assertFramesMatch(bytes: Uint8Array, expected: Awaited<ReturnType<typeof decodeAllFrames>>['frames']): Promise<void> {
  const results = await readAll(bytes);
  assert.equal(results.length, expected.length);
  for (const [i, r] of results.entries()) {
    assert.equal(r.status, 'fulfilled', r.status === 'rejected' ? String(r.reason) : '');
    if (r.status === 'fulfilled') assert.equal(maxDifference(r.value, expected[i]), 0, `frame ${i + 1}`);
  }
}

const ct = { syntax: 'jpegLsLossless' as const, rows: 512, columns: 512, bits: 16 };

test('JPEG-LS frames in several fragments each, with a Basic Offset Table', async () => {
  const expected = (await decodeAllFrames(JPEG_LS)).frames;
  const frames = (await codestreams(JPEG_LS)).map((c) => split(c, 3));
  await assertFramesMatch(wrap({ ...ct, frames, basicOffsetTable: true }), expected);
});

test('JPEG-LS frames in several fragments each, without an offset table: found from SOI/EOI markers', async () => {
  const expected = (await decodeAllFrames(JPEG_LS)).frames;
  const frames = (await codestreams(JPEG_LS)).map((c) => split(c, 4));
  await assertFramesMatch(wrap({ ...ct, frames, basicOffsetTable: false }), expected);
});

test('Extended Offset Table: one fragment per frame, empty Basic Offset Table', async () => {
  const expected = (await decodeAllFrames(JPEG_LS)).frames;
  const streams = await codestreams(JPEG_LS);
  const offsets: bigint[] = [];
  let at = 0n;
  for (const s of streams) {
    offsets.push(at);
    at += 8n + BigInt(s.length + (s.length % 2));
  }
  const extra: ElementSpec[] = [
    { tag: 0x7fe00001, vr: 'OV', value: offsets },
    { tag: 0x7fe00002, vr: 'OV', value: streams.map((s) => BigInt(s.length)) },
  ];
  await assertFramesMatch(wrap({ ...ct, frames: streams.map((s) => [s]), basicOffsetTable: false, extra }), expected);
});

test('a fragment running past the end of the file fails its own frame only', async () => {
  const expected = (await decodeAllFrames(JPEG_LS)).frames;
  const streams = await codestreams(JPEG_LS);
  const whole = wrap({ ...ct, frames: streams.map((s) => [s]), basicOffsetTable: true });
  // Cut the file in the middle of the last fragment (no sequence delimiter either).
  const results = await readAll(whole.subarray(0, whole.length - 8 - Math.floor(streams[1].length / 2)));
  assert.equal(results[0].status, 'fulfilled');
  if (results[0].status === 'fulfilled') assert.equal(maxDifference(results[0].value, expected[0]), 0);
  assert.equal(results[1].status, 'rejected');
  if (results[1].status === 'rejected') {
    assert.ok(results[1].reason instanceof PixelDataError);
    assert.match(String(results[1].reason.message), /Frame 2.*(past the end of the file|the file ends before)/, String(results[1].reason.message));
  }
});

interface J2kEncoder {
  getDecodedBuffer(info: Record<string, unknown>): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

test('JPEG 2000 frames in many fragments without an offset table: found from SOC/SIZ and EOC markers', async () => {
  const factory = (await import('@cornerstonejs/codec-openjpeg/wasmjs')).default as () => Promise<{ J2KEncoder: new () => J2kEncoder }>;
  const module = await factory();
  const size = 64;
  const originals = [1, 2, 3].map((seed) => Uint8Array.from({ length: size * size }, (_, i) => (i * seed * 7 + (i >> 6) * 13) & 0xff));
  const streams = originals.map((pixels) => {
    const encoder = new module.J2KEncoder();
    encoder.getDecodedBuffer({ width: size, height: size, bitsPerSample: 8, componentCount: 1, isSigned: false }).set(pixels);
    encoder.encode();
    const out = encoder.getEncodedBuffer().slice();
    encoder.delete();
    return out;
  });
  const bytes = wrap({ syntax: 'jpeg2000Lossless', rows: size, columns: size, bits: 8, frames: streams.map((s) => split(s, 3)), basicOffsetTable: false });
  const results = await readAll(bytes);
  for (const [i, r] of results.entries()) {
    assert.equal(r.status, 'fulfilled', r.status === 'rejected' ? String(r.reason) : '');
    if (r.status === 'fulfilled') assert.deepEqual([...r.value.samples], [...originals[i]], `frame ${i + 1}`);
  }
});

test('fewer codestreams than Number of Frames: the ones present decode, the others say what is missing', async () => {
  const expected = (await decodeAllFrames(JPEG_LS)).frames;
  const streams = await codestreams(JPEG_LS);
  const bytes = wrap({ ...ct, frames: streams.map((s) => split(s, 2)), basicOffsetTable: false });
  // Declare three frames: rewrite the Number of Frames value "2 " to "3 ".
  const patched = bytes.slice();
  const at = Buffer.from(patched).indexOf(Buffer.from('IS\u0002\u00002 ', 'latin1'));
  assert.ok(at > 0);
  patched[at + 4] = 0x33;
  const results = await readAll(patched);
  assert.equal(results.length, 3);
  for (const i of [0, 1]) {
    const r = results[i];
    assert.equal(r.status, 'fulfilled');
    if (r.status === 'fulfilled') assert.equal(maxDifference(r.value, expected[i]), 0);
  }
  assert.equal(results[2].status, 'rejected');
  if (results[2].status === 'rejected') assert.match(String(results[2].reason.message), /Frame 3: the Pixel Data holds only 2 of 3 frames/);
});

test('fragments without start markers and no offset table are a clear error for every frame', async () => {
  const streams = await codestreams(JPEG_LS);
  // Drop each codestream's first bytes (SOI) so no fragment starts a frame.
  const frames = streams.map((s) => split(s.subarray(2), 3));
  const results = await readAll(wrap({ ...ct, frames, basicOffsetTable: false }));
  for (const r of results) {
    assert.equal(r.status, 'rejected');
    if (r.status === 'rejected') assert.match(String(r.reason.message), /6 fragments for 2 frames and no offset table: the JPEG start markers give/);
  }
});
