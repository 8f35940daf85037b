/**
 * Lossless round trips: uncompressed corpus files compressed here by DCMTK (dcmcjpeg, dcmcjpls,
 * dcmcrle) in every layout (fragmented, without offset table, interleave modes) decode to
 * exactly the original stored values; lossy ones stay close to DCMTK's own decompression.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { dcmtk, dcmtkDecompressor, decodeAllFrames, ENCAPSULATED, maxDifference } from './codecsReference';

const ORIGINALS = [
  path.join(ENCAPSULATED, 'multi-frame/CT0012.explicit_little_endian.dcm'), // 16-bit unsigned, 2 frames
  path.join(ENCAPSULATED, 'multi-frame/IM00001.implicit_little_endian.dcm'), // 8-bit RGB, 8 frames
  path.join(ENCAPSULATED, 'single-frame/CT1_UNC.explicit_little_endian.dcm'), // 16-bit signed
];

const LOSSLESS: readonly (readonly [string, readonly string[]])[] = [
  ['dcmcjpeg', ['+e1']], // SV1, .70
  ['dcmcjpeg', ['+el', '+sv', '4']], // process 14 with predictor 4, .57
  ['dcmcjpeg', ['+e1', '-ot', '+fs', '4']], // no offset table, 4 KiB fragments
  ['dcmcjpls', []],
  ['dcmcjpls', ['+in']], // planes not interleaved
  ['dcmcjpls', ['+is', '-ot', '+fs', '2']],
  ['dcmcrle', []],
];

for (const original of ORIGINALS) {
  for (const [tool, args] of LOSSLESS) {
    test(`${path.basename(original)} through ${tool} ${args.join(' ')} decodes to the original values`, async () => {
      const expected = await decodeAllFrames(original);
      const ours = await decodeAllFrames(dcmtk(tool, original, args));
      assert.equal(ours.frames.length, expected.frames.length);
      for (const [i, frame] of ours.frames.entries()) {
        assert.equal(frame.photometric, expected.frames[i].photometric);
        assert.equal(maxDifference(frame, expected.frames[i]), 0, `frame ${i + 1}`);
      }
    });
  }
}

const LOSSY: readonly (readonly [string, readonly string[], number])[] = [
  ['dcmcjpeg', ['+eb'], 3], // baseline 8-bit (the CT is scaled to 8 bits by DCMTK)
  ['dcmcjpeg', ['+ee'], 3],
  ['dcmcjpls', ['+en'], 0], // near-lossless decoding is exact, only encoding loses
];

for (const original of ORIGINALS) {
  for (const [tool, args, tolerance] of LOSSY) {
    // DCMTK cannot make near-lossless JPEG-LS from signed samples.
    if (args.includes('+en') && original.includes('CT1_UNC')) continue;
    test(`${path.basename(original)} through ${tool} ${args.join(' ')} matches DCMTK within ${tolerance}`, async () => {
      const compressed = dcmtk(tool, original, args);
      const ours = await decodeAllFrames(compressed);
      const reference = await decodeAllFrames(dcmtk(dcmtkDecompressor(ours.transferSyntax), compressed));
      for (const [i, frame] of ours.frames.entries()) {
        assert.equal(frame.photometric, reference.frames[i].photometric);
        const d = maxDifference(frame, reference.frames[i]);
        assert.ok(d <= tolerance, `frame ${i + 1}: ${d}`);
      }
    });
  }
}
