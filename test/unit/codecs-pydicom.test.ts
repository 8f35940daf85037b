/**
 * Files this project has never seen: pydicom's test data (Debian's python3-pydicom), which
 * collects compressed files from many writers with known quirks (12-bit JPEG with odd padding,
 * RGB JPEG without colour transform, subsampled YCbCr labelled RGB (shown as the header says), JP2 wrappers, signedness
 * and bit-depth mismatches, corrupt JPEG 2000). JPEG, JPEG-LS and RLE are compared with DCMTK;
 * JPEG 2000 with opj_decompress or the uncompressed original.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDicom } from '../../src/core/parse/readDicom';
import { openFileAccess } from '../../src/node/fileAccess';
import { dcmtk, dcmtkDecompressor, decodeAllFrames, maxDifference, scratchPath, warningText } from './codecsReference';

const DATA = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
// CI installs both packages (.ci/run), so there a missing one fails the tests instead of skipping them.
const skipAll = existsSync(DATA) || process.env.CI ? false : 'pydicom test data not installed (apt-get install python3-pydicom)';
const skipOpj = skipAll || (spawnSync('opj_decompress', ['-h'], { stdio: 'ignore' }).status === null && !process.env.CI ? 'opj_decompress not installed' : false);
const file = (name: string) => path.join(DATA, name);

const LOSSLESS_AGAINST_DCMTK = [
  'MR_small_RLE.dcm',
  'MR_small_jpeg_ls_lossless.dcm',
  'SC_rgb_jpeg_gdcm.dcm',
  'SC_rgb_rle.dcm',
  'SC_rgb_rle_16bit.dcm',
  'SC_rgb_rle_16bit_2frame.dcm',
  'SC_rgb_rle_2frame.dcm',
  'SC_rgb_rle_32bit.dcm',
  'SC_rgb_rle_32bit_2frame.dcm',
  'rtdose_rle.dcm',
];
const LOSSY_AGAINST_DCMTK = [
  'JPEG-lossy.dcm',
  'JPGExtended.dcm',
  'SC_jpeg_no_color_transform.dcm',
  'SC_jpeg_no_color_transform_2.dcm',
  'SC_rgb_dcmtk_+eb+cr.dcm',
  'SC_rgb_dcmtk_+eb+cy+n1.dcm',
  'SC_rgb_dcmtk_+eb+cy+n2.dcm',
  'SC_rgb_dcmtk_+eb+cy+np.dcm',
  'SC_rgb_dcmtk_+eb+cy+s2.dcm',
  'SC_rgb_dcmtk_+eb+cy+s4.dcm',
  'SC_rgb_jpeg_app14_dcmd.dcm',
  'SC_rgb_jpeg_dcmtk.dcm',
  'SC_rgb_small_odd_jpeg.dcm',
];

for (const name of [...LOSSLESS_AGAINST_DCMTK, ...LOSSY_AGAINST_DCMTK]) {
  const tolerance = LOSSLESS_AGAINST_DCMTK.includes(name) ? 0 : 3;
  test(`${name} matches DCMTK within ${tolerance}`, { skip: skipAll }, async () => {
    const ours = await decodeAllFrames(file(name));
    const reference = await decodeAllFrames(dcmtk(dcmtkDecompressor(ours.transferSyntax), file(name)));
    for (const [i, frame] of ours.frames.entries()) {
      assert.equal(frame.photometric, reference.frames[i].photometric);
      assert.ok(maxDifference(frame, reference.frames[i]) <= tolerance, `frame ${i + 1}: ${maxDifference(frame, reference.frames[i])}`);
      assert.deepEqual(frame.warnings ?? [], []);
    }
  });
}

test('subsampled YCbCr JPEG labelled RGB is taken as RGB, as DCMTK and pydicom do, with a warning', { skip: skipAll }, async () => {
  const [frame] = (await decodeAllFrames(file('SC_rgb_jpeg_lossy_gdcm.dcm'))).frames;
  assert.match(warningText(frame.warnings), /subsampled chroma, so it probably holds YCbCr/);
  const [reference] = (await decodeAllFrames(dcmtk('dcmdjpeg', file('SC_rgb_jpeg_lossy_gdcm.dcm')))).frames;
  assert.equal(frame.photometric, reference.photometric);
  assert.ok(maxDifference(frame, reference) <= 3, `differs from DCMTK by ${maxDifference(frame, reference)}`);
});

test('SC_rgb_jpeg.dcm (a header DCMTK cannot read) decodes like the same codestream elsewhere', { skip: skipAll }, async () => {
  const [frame] = (await decodeAllFrames(file('SC_rgb_jpeg.dcm'))).frames;
  const [same] = (await decodeAllFrames(file('SC_jpeg_no_color_transform.dcm'))).frames;
  assert.equal(maxDifference(frame, same), 0);
});

test('MR_small_jp2klossless.dcm decodes to exactly MR_small.dcm', { skip: skipAll }, async () => {
  const [ours] = (await decodeAllFrames(file('MR_small_jp2klossless.dcm'))).frames;
  const [original] = (await decodeAllFrames(file('MR_small.dcm'))).frames;
  assert.equal(maxDifference(ours, original), 0);
});

/** opj_decompress's values for the file's (single) frame, masked to `bits` like ours. */
async function opjValues(name: string): Promise<number[]> {
  const access = await openFileAccess(file(name));
  let codestream: Buffer;
  try {
    const { file: parsed, source } = await openDicom(access);
    const fragments = parsed.dataSet.find((e) => e.tag === '7FE00010')?.fragments ?? [];
    codestream = Buffer.concat(await Promise.all(fragments.map((f) => source.read(f.valueOffset, f.length))));
  } finally {
    await access.close();
  }
  const jp2 = codestream[0] === 0 && codestream[4] === 0x6a;
  const input = scratchPath(jp2 ? 'in.jp2' : 'in.j2k');
  const out = scratchPath('out.rawl');
  writeFileSync(input, codestream);
  execFileSync('opj_decompress', ['-i', input, '-o', out, '-quiet'], { stdio: 'pipe' });
  const raw = readFileSync(out);
  const info = execFileSync('opj_dump', ['-i', input], { encoding: 'utf8' });
  const prec = Number(/prec=(\d+)/.exec(info)?.[1] ?? 8);
  const signed = /sgnd=1/.test(info);
  const components = Number(/numcomps=(\d+)/.exec(info)?.[1] ?? 1);
  // .rawl output: little-endian samples, one component plane after another.
  const width = prec > 8 ? 2 : 1;
  const planes = raw.length / width / components;
  const values: number[] = [];
  for (let p = 0; p < planes; p++) {
    for (let c = 0; c < components; c++) {
      const at = (c * planes + p) * width;
      values.push(width === 2 ? (signed ? raw.readInt16LE(at) : raw.readUInt16LE(at)) : signed ? raw.readInt8(at) : raw[at]);
    }
  }
  return values;
}

for (const [name, warning] of [
  ['JPEG2000.dcm', undefined],
  ['693_J2KI.dcm', /16-bit samples but Bits Stored is 14/],
  ['GDCMJ2K_TextGBR.dcm', /JP2 file/],
  ['J2K_pixelrep_mismatch.dcm', /Pixel Representation is 1 but the JPEG 2000 codestream's samples are unsigned/],
  ['SC_rgb_gdcm_KY.dcm', undefined],
] as const) {
  test(`${name} matches opj_decompress (bit patterns within Bits Stored)`, { skip: skipOpj }, async () => {
    const [frame] = (await decodeAllFrames(file(name))).frames;
    const reference = await opjValues(name);
    assert.equal(frame.samples.length, reference.length);
    const mask = 2 ** frame.bitsStored - 1;
    let max = 0;
    for (let i = 0; i < reference.length; i++) max = Math.max(max, Math.abs((frame.samples[i] & mask) - (reference[i] & mask)));
    assert.equal(max, 0);
    if (warning) assert.match(warningText(frame.warnings), warning);
    else assert.deepEqual(frame.warnings ?? [], []);
  });
}

test('a JPEG 2000 fragment holding FE FF DD E0 is one fragment by its item length; its corrupt SIZ is named as opj_decompress refuses it too', { skip: skipAll }, async () => {
  const access = await openFileAccess(file('JPEG2000-embedded-sequence-delimiter.dcm'));
  try {
    const { file: parsed } = await openDicom(access);
    assert.deepEqual(parsed.dataSet.find((e) => e.tag === '7FE00010')?.fragments?.map((f) => f.length), [250]);
  } finally {
    await access.close();
  }
  // The delimiter bytes sit in Xsiz: the codestream declares a width no decoder accepts
  // (opj_decompress: "Invalid number of tiles"), refused before anything is decoded.
  await assert.rejects(
    decodeAllFrames(file('JPEG2000-embedded-sequence-delimiter.dcm')),
    /JPEG 2000 Image Compression, 1\.2\.840\.10008\.1\.2\.4\.91\) frame cannot be decoded: the codestream is 3722445056 × 1024 pixels but Columns × Rows is 256 × 1024; nothing was decoded/,
  );
});
