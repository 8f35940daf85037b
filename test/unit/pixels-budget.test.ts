/**
 * The decode budget: a frame's size comes from the header, and it is checked against the
 * limit and against the data present before anything is allocated or decoded. The fixtures
 * declare huge frames without storing them (test/fixtures/catalog/hostilePixels.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { decodeRleFrame, RleError } from '../../src/core/pixels';
import { PixelDataError } from '../../src/core/pixels/imageDescription';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import { runRender } from '../../src/cli/commands/render';
import { j2kDeclaringFrame, nativeDeclaringFrame, rleDeclaringFrame } from '../fixtures/catalog/hostilePixels';
import { scratchPath } from './codecsReference';
import { collect } from './renderDcmtkSupport';

async function readFirstFrame(bytes: Uint8Array, decodeLimitMiB?: number): Promise<unknown> {
  const reader = await openPixelReader(parseDicomBytes(bytes), memoryFileAccess(bytes), { decodeLimitMiB });
  return reader.readFrame(0);
}

async function refused(bytes: Uint8Array, code: string, message: RegExp, decodeLimitMiB?: number): Promise<void> {
  const before = process.memoryUsage().arrayBuffers;
  await assert.rejects(readFirstFrame(bytes, decodeLimitMiB), (problem: unknown) => {
    assert.ok(problem instanceof PixelDataError, String(problem));
    assert.equal(problem.code, code);
    assert.match(problem.message, message);
    return true;
  });
  // Nothing the size of the declared frame was allocated on the way to the refusal.
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024, 'no large allocation');
}

test('a 20000 × 20000 JPEG 2000 frame in a tiny file is refused by the default 1 GiB limit', async () => {
  const file = j2kDeclaringFrame(20000, 20000);
  assert.ok(file.length < 2048, `the fixture is ${file.length} bytes`);
  await refused(file, 'frame-over-decode-limit', /Frame 1 is 20000 × 20000 pixels × 1 sample\(s\) of 8 bits: decoding it needs about 1\.1 GiB, over the decode limit of 1\.0 GiB/);
});

test('a 32768 × 32768 RLE frame is refused by the limit, and with a higher limit by its data', async () => {
  const file = rleDeclaringFrame({ rows: 32768, columns: 32768, bitsAllocated: 8 }, 1024);
  await refused(file, 'frame-over-decode-limit', /decoding it needs about 2\.0 GiB/);
  await refused(file, 'frame-larger-than-data', /its 1088 bytes of rle data can hold at most 69632/, 4096);
});

test('RLE segments are checked against the frame before the frame is allocated', () => {
  const data = new Uint8Array(64 + 16);
  new DataView(data.buffer).setUint32(0, 1, true);
  new DataView(data.buffer).setUint32(4, 64, true);
  assert.throws(() => decodeRleFrame(data, { pixels: 1 << 30, samplesPerPixel: 1, bitsAllocated: 8 }), (problem: unknown) => {
    assert.ok(problem instanceof RleError);
    assert.match(problem.message, /RLE segment 1 \(frame offset 64\) has 16 bytes, which decode to at most 1024; the frame needs 1073741824/);
    return true;
  });
});

test('a native frame declared past the end of the file is not read into a buffer of the declared size', async () => {
  const file = nativeDeclaringFrame({ rows: 4096, columns: 4096, bitsAllocated: 16 }, 4);
  await assert.rejects(readFirstFrame(file), /Pixel Data|past the end/);
  await refused(nativeDeclaringFrame({ rows: 30000, columns: 30000, bitsAllocated: 16 }), 'frame-over-decode-limit', /30000 × 30000 pixels/);
});

test('render refuses a hostile frame with the code and a one-line message, and leaves the input alone', async () => {
  const input = scratchPath('hostile-j2k.dcm');
  const bytes = j2kDeclaringFrame(20000, 20000);
  writeFileSync(input, bytes);
  const err = collect();
  const code = await runRender([input, '--out', scratchPath('out.png')], { stdout: err.stream, stderr: err.stream });
  assert.equal(code, 1);
  assert.match(err.text(), /^Cannot render .*hostile-j2k\.dcm \[frame-over-decode-limit\]: Frame 1 is 20000 × 20000 pixels/);
  assert.deepEqual(readFileSync(input), Buffer.from(bytes));
  const usage = collect();
  assert.equal(await runRender([input, '--decode-limit-mib', '0', '--out', scratchPath('x.png')], { stdout: usage.stream, stderr: usage.stream }), 2);
  assert.match(usage.text(), /--decode-limit-mib needs a whole number of MiB from 1, not 0/);
});
