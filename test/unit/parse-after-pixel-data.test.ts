/**
 * Elements after the Pixel Data in a header-only read: the value offsets pydicom reports for
 * every top-level element of the writer's fixtures (native, encapsulated, big endian, implicit)
 * are the model's, and the pixel bytes themselves are not read to get there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryFileAccess, type FileAccess } from '../../src/core/io';
import { readDicom } from '../../src/core/parse/readDicom';
import { fixtureByName } from '../fixtures/catalog';
import { nativeImage } from '../fixtures/catalog/common';
import { writeDicom } from '../fixtures/writer';
import { pydicomTopLevelTells } from '../support/pydicomTells';

const NAMES = ['after-pixel-data-explicit', 'after-pixel-data-implicit', 'after-pixel-data-big-endian', 'after-pixel-data-encapsulated'];

test('after the pixel data: pydicom finds every top-level element where a header-only read does', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'after-pixel-'));
  try {
    const files = NAMES.map((name) => {
      const built = fixtureByName(name).build();
      const file = path.join(dir, `${name}.dcm`);
      writeFileSync(file, built.bytes);
      return { name, file, built };
    });
    const tells = pydicomTopLevelTells(files.map((f) => [f.file, f.built.layout.transferSyntaxUid] as const));
    for (const { name, file, built } of files) {
      const model = await readDicom(memoryFileAccess(built.bytes), { initialReadBytes: 256 });
      const mine = [...model.meta, ...model.dataSet].map((e) => `${e.tag.toLowerCase()}@${e.valueOffset}`);
      assert.ok(mine.includes(`fffcfffc@${built.layout.dataSet.at(-1)!.valueOffset}`), `${name}: trailing padding read`);
      assert.deepEqual(mine, tells[file], name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after the pixel data: a header-only read skips a large native value by its length', async () => {
  const shape = { rows: 512, columns: 512, frames: 1, bitsAllocated: 16 } as const;
  const written = writeDicom(nativeImage('large', shape, true, [{ tag: 0xfffcfffc, vr: 'OB', value: new Uint8Array(32) }]), { transferSyntax: 'explicitLittle' });
  const reads: [number, number][] = [];
  const inner = memoryFileAccess(written.bytes);
  const access: FileAccess = { size: inner.size, read: (offset, length) => { reads.push([offset, length]); return inner.read(offset, length); } };
  const file = await readDicom(access, { initialReadBytes: 4096 });
  assert.equal(file.dataSet.at(-1)?.tag, 'FFFCFFFC');
  assert.equal(file.stoppedBeforePixelData, true);
  const pixel = written.layout.dataSet.find((e) => e.tag === '7FE00010')!;
  const readInside = reads.reduce((sum, [offset, length]) => sum + Math.max(0, Math.min(offset + length, pixel.end) - Math.max(offset, pixel.valueOffset)), 0);
  assert.ok(readInside < 4096, `read ${readInside} of the ${pixel.length} pixel bytes`);
});
