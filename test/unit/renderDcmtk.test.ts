/**
 * `render` against DCMTK's dcmj2pnm, pixel by pixel, within one grey level: on generated
 * fixtures for every photometric interpretation and decode path, and on the public corpus.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compareWithDcmtk, CORPUS, hasDcmtk } from './renderDcmtkSupport';
import { pattern, writeImage, type ImageSpec } from './renderFixtures';

const skip = hasDcmtk() ? false : 'DCMTK (dcmj2pnm) is not installed';
const dir = mkdtempSync(path.join(tmpdir(), 'render-fixtures-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, spec: ImageSpec): string {
  const file = path.join(dir, `${name}.dcm`);
  writeFileSync(file, writeImage(spec));
  return file;
}

/** The same image compressed by DCMTK's own RLE encoder, an independent reference. */
function rleOf(file: string): string {
  const out = file.replace(/\.dcm$/, '.rle.dcm');
  execFileSync('dcmcrle', [file, out], { stdio: 'pipe' });
  return out;
}

const R = 24;
const C = 20;
const N = R * C;
const ds = (tag: number, value: string): { tag: number; vr: string; value: string } => ({ tag, vr: 'DS', value });

const FIXTURES: Record<string, ImageSpec> = {
  mono2_u8: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 8, bitsStored: 8, samples: pattern(N, 0, 255) },
  mono2_u16: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: pattern(N, 0, 65535) },
  mono2_s12_ct: {
    rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, signed: true, modality: 'CT',
    samples: pattern(N, -2048, 2047),
    extra: [ds(0x00281050, '40\\-600'), ds(0x00281051, '400\\1500'), ds(0x00281052, '-1024'), ds(0x00281053, '1')],
  },
  mono2_u12_highbit15: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, highBit: 15, samples: pattern(N, 0, 4095) },
  mono2_s16_big: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, signed: true, samples: pattern(N, -30000, 30000), transferSyntax: 'explicitBig' },
  mono2_u10_implicit_rescale: {
    rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 10, samples: pattern(N, 0, 1023), transferSyntax: 'implicitLittle',
    extra: [ds(0x00281052, '-100.5'), ds(0x00281053, '0.75')],
  },
  mono2_u32: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 32, bitsStored: 32, samples: pattern(N, 0, 4000000) },
  mono2_s32: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 32, bitsStored: 32, signed: true, samples: pattern(N, -2000000, 2000000) },
  mono2_1bit: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 1, bitsStored: 1, samples: pattern(N, 0, 1) },
  mono1_u16: { rows: R, columns: C, photometric: 'MONOCHROME1', bitsAllocated: 16, bitsStored: 12, samples: pattern(N, 0, 4095) },
  mono1_s16_window: {
    rows: R, columns: C, photometric: 'MONOCHROME1', bitsAllocated: 16, bitsStored: 16, signed: true, samples: pattern(N, -1000, 3000),
    extra: [ds(0x00281050, '500'), ds(0x00281051, '1200')],
  },
  mono2_multiframe_u16: { rows: R, columns: C, frames: 3, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: pattern(N * 3, 0, 60000) },
  mono2_multiframe_1bit: { rows: 5, columns: 3, frames: 3, photometric: 'MONOCHROME2', bitsAllocated: 1, bitsStored: 1, samples: pattern(45, 0, 1, 3) },
  mono2_deflated: { rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 16, samples: pattern(N, 0, 5000), transferSyntax: 'deflatedExplicitLittle' },
  rgb_planar0: { rows: R, columns: C, photometric: 'RGB', bitsAllocated: 8, bitsStored: 8, planar: 0, samples: pattern(N * 3, 0, 255) },
  rgb_planar1: { rows: R, columns: C, photometric: 'RGB', bitsAllocated: 8, bitsStored: 8, planar: 1, samples: pattern(N * 3, 0, 255, 2) },
  rgb_16bit: { rows: R, columns: C, photometric: 'RGB', bitsAllocated: 16, bitsStored: 16, planar: 0, samples: pattern(N * 3, 0, 65535) },
  ybr_full: { rows: R, columns: C, photometric: 'YBR_FULL', bitsAllocated: 8, bitsStored: 8, planar: 0, samples: pattern(N * 3, 0, 255, 5) },
  ybr_full_planar1: { rows: R, columns: C, photometric: 'YBR_FULL', bitsAllocated: 8, bitsStored: 8, planar: 1, samples: pattern(N * 3, 0, 255, 6) },
  ybr_full_422: { rows: R, columns: C, photometric: 'YBR_FULL_422', bitsAllocated: 8, bitsStored: 8, planar: 0, samples: pattern(N * 2, 0, 255, 7) },
};

/** LUT Data words for a LUT of `count` entries given by `f`. */
function lutWords(count: number, f: (i: number) => number): number[] {
  return Array.from({ length: count }, (_, i) => Math.max(0, Math.min(65535, Math.round(f(i)))));
}
const us = (tag: number, value: number[]) => ({ tag, vr: 'US', value });
const ow = (tag: number, value: number[]) => ({ tag, vr: 'OW', value });
const paletteTags = (descriptor: number[], data: number[][]) => [
  us(0x00281101, descriptor), us(0x00281102, descriptor), us(0x00281103, descriptor),
  ow(0x00281201, data[0]), ow(0x00281202, data[1]), ow(0x00281203, data[2]),
];

Object.assign(FIXTURES, {
  palette_16bit: {
    rows: R, columns: C, photometric: 'PALETTE COLOR', bitsAllocated: 8, bitsStored: 8, samples: pattern(N, 0, 255, 8),
    extra: paletteTags([256, 0, 16], [lutWords(256, (i) => i * 257), lutWords(256, (i) => 65535 - i * 200), lutWords(256, (i) => (i * 997) % 65536)]),
  },
  palette_8bit_words: {
    rows: R, columns: C, photometric: 'PALETTE COLOR', bitsAllocated: 8, bitsStored: 8, samples: pattern(N, 0, 255, 9),
    extra: paletteTags([256, 0, 8], [lutWords(256, (i) => i), lutWords(256, (i) => 255 - i), lutWords(256, (i) => (i * 7) % 256)]),
  },
  palette_16bit_stored_first_mapped: {
    rows: R, columns: C, photometric: 'PALETTE COLOR', bitsAllocated: 16, bitsStored: 16, samples: pattern(N, 900, 1300, 10),
    extra: paletteTags([200, 1000, 16], [lutWords(200, (i) => i * 300), lutWords(200, (i) => 60000 - i * 300), lutWords(200, () => 32768)]),
  },
  mono2_modality_lut: {
    rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, samples: pattern(N, 0, 4095, 12),
    extra: [{ tag: 0x00283000, vr: 'SQ', items: [{ elements: [us(0x00283002, [4096, 0, 16]), { tag: 0x00283004, vr: 'LO', value: 'OD' }, ow(0x00283006, lutWords(4096, (i) => Math.sqrt(i) * 1000))] }] }],
  },
  mono2_voi_lut: {
    rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, samples: pattern(N, 0, 4095, 13),
    extra: [{ tag: 0x00283010, vr: 'SQ', items: [{ elements: [us(0x00283002, [3000, 500, 12]), ow(0x00283006, lutWords(3000, (i) => 4095 * (i / 2999) ** 0.5))] }] }],
  },
  mono2_sigmoid: {
    rows: R, columns: C, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, samples: pattern(N, 0, 4095, 14),
    extra: [ds(0x00281050, '2000'), ds(0x00281051, '1500'), { tag: 0x00281056, vr: 'CS', value: 'SIGMOID' }],
  },
} satisfies Record<string, ImageSpec>);

for (const [name, spec] of Object.entries(FIXTURES)) {
  const grey = spec.photometric.startsWith('MONOCHROME');
  test(`render matches dcmj2pnm: ${name}`, { skip }, async (t) => {
    const file = fixture(name, spec);
    let max = 0;
    const frames = spec.frames ?? 1;
    for (let frame = 1; frame <= frames; frame++) {
      const hasWindow = spec.extra?.some((e) => e.tag === 0x00281050);
      const hasVoiLut = spec.extra?.some((e) => e.tag === 0x00283010);
      const dcmtkWindow = hasWindow ? ['+Wi', '1'] : hasVoiLut ? ['+Wl', '1'] : ['+Wm'];
      const byDefault = await compareWithDcmtk(file, { frame, dcmtkWindow });
      assert.ok(byDefault.maxDifference <= 1, `${name} frame ${frame} default: ${JSON.stringify(byDefault)}`);
      max = Math.max(max, byDefault.maxDifference);
      if (grey) {
        const given = await compareWithDcmtk(file, { frame, window: [spec.signed ? 100 : 1000, 2500] });
        assert.ok(given.maxDifference <= 1, `${name} frame ${frame} window: ${JSON.stringify(given)}`);
        max = Math.max(max, given.maxDifference);
      }
    }
    t.diagnostic(`max difference from dcmj2pnm: ${max}`);
  });
}

for (const name of ['mono2_u8', 'mono2_s12_ct', 'mono2_u16', 'mono1_u16', 'rgb_planar0', 'ybr_full', 'mono2_multiframe_u16']) {
  test(`render matches dcmj2pnm on DCMTK's RLE encoding: ${name}`, { skip }, async () => {
    const spec = FIXTURES[name];
    const rle = rleOf(fixture(`${name}-for-rle`, spec));
    for (let frame = 1; frame <= (spec.frames ?? 1); frame++) {
      const hasWindow = spec.extra?.some((e) => e.tag === 0x00281050);
      const r = await compareWithDcmtk(rle, { frame, dcmtkWindow: hasWindow ? ['+Wi', '1'] : ['+Wm'] });
      assert.ok(r.maxDifference <= 1, `${name} RLE frame ${frame}: ${JSON.stringify(r)}`);
    }
  });
}

const CORPUS_FILES: [string, number][] = [
  ['CT1_UNC.explicit_little_endian.dcm', 1],
  ['CT1_UNC.implicit_little_endian.dcm', 1],
  ['CT1_UNC.explicit_big_endian.dcm', 1],
  ['deflate/image_dfl', 1],
  ['encapsulated/multi-frame/CT0012.explicit_little_endian.dcm', 2],
  ['encapsulated/multi-frame/CT0012.not_fragmented_bot_rle.dcm', 2],
  ['encapsulated/multi-frame/CT0012.not_fragmented_no_bot_rle.dcm', 2],
  ['encapsulated/multi-frame/IM00001.implicit_little_endian.dcm', 8],
  ['encapsulated/single-frame/CT1_UNC.explicit_little_endian.dcm', 1],
];

for (const [name, frames] of CORPUS_FILES) {
  const file = path.join(CORPUS, name);
  test(`render matches dcmj2pnm on the corpus: ${name}`, { skip: skip || (!existsSync(file) && 'corpus not found beside the checkout') }, async () => {
    for (let frame = 1; frame <= frames; frame++) {
      for (const window of [[40, 400], [-600, 1500], [1000, 1]] as [number, number][]) {
        const r = await compareWithDcmtk(file, { frame, window });
        assert.ok(r.maxDifference <= 1, `${name} frame ${frame} window ${window}: ${JSON.stringify(r)}`);
      }
    }
  });
}
