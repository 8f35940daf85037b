/**
 * `render` on every frame of every compressed corpus file, compared pixel by pixel with DCMTK's
 * dcmj2pnm on the same file decompressed by DCMTK (dcmj2pnm itself cannot find frames after the
 * first in fragmented files without an offset table): within one grey level, three for lossy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { runRender } from '../../src/cli/commands/render';
import { collect } from './renderDcmtkSupport';
import { dcmtk, ENCAPSULATED, scratchPath } from './codecsReference';

const LOSSY = /\.(50|51|81)\.dcm$/;
/** The corpus names its files after how DCMTK compressed them. */
const decompressor = (name: string) => (/_rle/.test(name) ? 'dcmdrle' : /_jpeg_ls/.test(name) ? 'dcmdjpls' : 'dcmdjpeg');

const files = ['single-frame', 'multi-frame'].flatMap((dir) =>
  readdirSync(path.join(ENCAPSULATED, dir))
    .filter((name) => name.endsWith('.dcm') && !/_endian\.dcm$/.test(name))
    .map((name) => path.join(dir, name)),
);

function frameCount(file: string): number {
  const dump = execFileSync('dcmdump', ['+P', '0028,0008', file], { encoding: 'utf8' });
  return Number(/\[(\d+)\]/.exec(dump)?.[1] ?? 1);
}

for (const name of files) {
  const file = path.join(ENCAPSULATED, name);
  test(`render of ${path.basename(name)} matches dcmj2pnm on DCMTK's decompression`, async () => {
    const decompressed = dcmtk(decompressor(name), file);
    const tolerance = LOSSY.test(name) ? 3 : 1;
    const colour = name.startsWith('multi-frame/IM00001');
    for (let frame = 1; frame <= frameCount(file); frame++) {
      // Colour frames have no window; grey ones get a fixed one on both sides.
      const window = colour ? [] : ['40', '400'];
      const ours = scratchPath('ours.png');
      const theirs = scratchPath('dcmtk.png');
      const out = collect();
      const code = await runRender([file, '--frame', String(frame), '--out', ours, ...(colour ? [] : ['--window', ...window])], { stdout: out.stream, stderr: out.stream });
      assert.equal(code, 0, out.text());
      execFileSync('dcmj2pnm', ['+on', '+F', String(frame), ...(colour ? [] : ['+Ww', ...window]), decompressed, theirs], { stdio: 'pipe' });
      const a = decode(readFileSync(ours));
      const b = decode(readFileSync(theirs));
      assert.deepEqual([a.width, a.height, a.channels], [b.width, b.height, b.channels]);
      let max = 0;
      for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
      assert.ok(max <= tolerance, `frame ${frame}: max difference ${max}`);
    }
  });
}
