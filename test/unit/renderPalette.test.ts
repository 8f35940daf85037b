/**
 * Segmented palettes: DCMTK 3.6 does not read them ("segmented palettes not yet supported"),
 * so the reference here is pydicom's apply_color_lut, an independent implementation of
 * PS3.3 C.7.9.2. Our RGB must match its 16-bit output reduced to 8 bits within one level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decode } from 'fast-png';
import { runRender } from '../../src/cli/commands/render';
import { collect } from './renderDcmtkSupport';
import { pattern, writeImage } from './renderFixtures';

const PYTHON = '/usr/bin/python3';
const REFERENCE = `
import sys
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut
ds = pydicom.dcmread(sys.argv[1])
rgb = apply_color_lut(ds.pixel_array, ds)
sys.stdout.buffer.write((rgb >> 8).astype('uint8').tobytes())
`;

function hasPydicom(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import pydicom.pixel_data_handlers.util, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const us = (tag: number, value: number[]) => ({ tag, vr: 'US', value });
const ow = (tag: number, value: number[]) => ({ tag, vr: 'OW', value });

test('segmented palette (discrete, linear and indirect segments) matches pydicom', { skip: hasPydicom() ? false : 'pydicom not installed' }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-palette-'));
  try {
    const file = path.join(dir, 'segmented.dcm');
    const png = path.join(dir, 'out.png');
    writeFileSync(
      file,
      writeImage({
        rows: 16, columns: 16, photometric: 'PALETTE COLOR', bitsAllocated: 8, bitsStored: 8, samples: pattern(256, 0, 255, 11),
        extra: [
          us(0x00281101, [256, 0, 16]), us(0x00281102, [256, 0, 16]), us(0x00281103, [256, 0, 16]),
          ow(0x00281221, [0, 2, 0, 1000, 1, 254, 65535]),
          ow(0x00281222, [0, 1, 65535, 1, 127, 0, 1, 128, 40000]),
          // Discrete, linear, then an indirect segment replaying the first (byte offset 0), then linear.
          ow(0x00281223, [0, 3, 5, 6, 7, 1, 100, 30000, 2, 1, 0, 0, 1, 150, 9000]),
        ],
      }),
    );
    const err = collect();
    assert.equal(await runRender([file, '--out', png], { stdout: err.stream, stderr: err.stream }), 0, err.text());
    const ours = decode(readFileSync(png));
    const theirs = execFileSync(PYTHON, ['-c', REFERENCE, file]);
    assert.equal(ours.channels, 3);
    assert.equal(ours.data.length, theirs.length);
    let max = 0;
    for (let i = 0; i < theirs.length; i++) max = Math.max(max, Math.abs(ours.data[i] - theirs[i]));
    assert.ok(max <= 1, `max difference ${max}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
