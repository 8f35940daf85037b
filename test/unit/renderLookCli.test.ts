/**
 * `render` with --all-frames, --colormap, --range and --equalize: the colour-mapped PNG is the
 * plain render's grey through the map (the plain render is checked against dcmj2pnm in
 * renderDcmtk.test.ts; the map against matplotlib's definition in displayLook.test.ts), masked
 * pixels are exactly those outside the range, and every frame gets its own file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decode } from 'fast-png';
import { runRender } from '../../src/cli/commands/render';
import { framePngName } from '../../src/core/png/framePngName';
import { colourMapRgb } from '../../src/core/display/colourMaps';
import { collect } from './renderDcmtkSupport';
import { pattern, writeImage } from './renderFixtures';

const ROWS = 24;
const COLUMNS = 20;
const FRAMES = 3;
const INTERCEPT = -1024;

function withCt(run: (dir: string, file: string, stored: number[]) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-look-'));
  const stored = pattern(ROWS * COLUMNS * FRAMES, 0, 3000, 3);
  const file = path.join(dir, 'ct.dcm');
  writeFileSync(file, writeImage({
    rows: ROWS, columns: COLUMNS, photometric: 'MONOCHROME2', bitsAllocated: 16, bitsStored: 12, frames: FRAMES, samples: stored, modality: 'CT',
    extra: [{ tag: 0x00281052, vr: 'DS', value: String(INTERCEPT) }, { tag: 0x00281053, vr: 'DS', value: '1' }],
  }));
  return run(dir, file, stored).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function render(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = collect();
  const stderr = collect();
  const code = await runRender(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

test('--all-frames --colormap hot --range writes one RGB PNG per frame: the plain grey through hot, black outside the range', () =>
  withCt(async (dir, file, stored) => {
    const out = path.join(dir, 'look.png');
    const result = await render([file, '--all-frames', '--window', '40', '400', '--colormap', 'hot', '--range', '-100', '100', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const hot = colourMapRgb('hot');
    for (let f = 1; f <= FRAMES; f++) {
      const plainFile = path.join(dir, `plain-${f}.png`);
      assert.equal((await render([file, '--frame', String(f), '--window', '40', '400', '--out', plainFile])).code, 0);
      const plain = decode(readFileSync(plainFile));
      const looked = decode(readFileSync(framePngName(out, f, FRAMES)));
      assert.equal(looked.channels, 3);
      let masked = 0;
      for (let i = 0; i < ROWS * COLUMNS; i++) {
        const hu = stored[(f - 1) * ROWS * COLUMNS + i] + INTERCEPT;
        const rgb = Array.from(looked.data.slice(i * 3, i * 3 + 3));
        if (hu < -100 || hu > 100) {
          masked++;
          assert.deepEqual(rgb, [0, 0, 0], `frame ${f} pixel ${i} (${hu} HU) is masked`);
        } else {
          const g = plain.data[i];
          assert.deepEqual(rgb, Array.from(hot.slice(g * 3, g * 3 + 3)), `frame ${f} pixel ${i} (${hu} HU)`);
        }
      }
      assert.ok(masked > 0 && masked < ROWS * COLUMNS, `frame ${f}: some pixels masked, not all (${masked})`);
    }
    assert.equal(existsSync(framePngName(out, FRAMES + 1, FRAMES)), false);
    assert.match(result.stdout, /Wrote 3 frame\(s\)/);
  }));

test('--equalize N spreads the frame over the grey range; bad option values are usage errors', () =>
  withCt(async (dir, file) => {
    const out = path.join(dir, 'eq.png');
    assert.equal((await render([file, '--equalize', '50', '--out', out])).code, 0);
    const png = decode(readFileSync(out));
    assert.equal(png.channels, 1, 'gray map and no mask stay 8-bit grey');
    const quarters = [0, 0, 0, 0];
    for (const g of png.data) quarters[g >> 6]++;
    for (const q of quarters) assert.ok(q > png.data.length / 8, `grey quarters ${quarters}`);
    for (const bad of [['--colormap', 'rainbow'], ['--range', '5'], ['--range', '9', '1'], ['--equalize', '1'], ['--all-frames', '--frame', '2']]) {
      const r = await render([file, ...bad, '--out', out]);
      assert.equal(r.code, 2, `${bad.join(' ')} is a usage error`);
      assert.match(r.stderr, /Usage:/);
    }
  }));

test('frame file names keep the extension and pad the number', () => {
  assert.equal(framePngName('/a/b.png', 7, 15), '/a/b-0007.png');
  assert.equal(framePngName('/a/b', 12, 12000), '/a/b-00012.png');
});
