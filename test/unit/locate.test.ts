/**
 * locateOffset and `dicom-inspector locate` against the writer's layout: for every byte of every
 * well-formed fixture, the part and path the writer's own record of where it put each byte
 * gives. The expected answer is computed from the layout alone, never from the model.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { locateOffset } from '../../src/core/locate/locateOffset';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { main } from '../../src/cli/main';
import { fixtureByName, wellFormedFixtures } from '../fixtures/catalog';
import type { Layout, LayoutElement } from '../fixtures/writer';

/** "part path [headerField]" for a byte, from the writer's layout. */
function expectedAt(layout: Layout, offset: number): string | null {
  if (layout.preamble && offset < layout.preamble.offset + layout.preamble.length) return 'preamble ';
  if (layout.prefix && offset >= layout.prefix.offset && offset < layout.prefix.offset + layout.prefix.length) return 'prefix ';
  const explicit = layout.transferSyntaxUid !== '1.2.840.10008.1.2';
  return offset < layout.dataSetOffset ? inList(layout.meta, offset, '', true) : inList(layout.dataSet, offset, '', explicit);
}

function inList(elements: readonly LayoutElement[], offset: number, prefix: string, explicit: boolean): string | null {
  const e = elements.find((candidate) => candidate.offset <= offset && offset < candidate.end);
  if (!e) return null;
  const path = prefix + e.tag;
  if (offset < e.valueOffset) {
    const at = offset - e.offset;
    const long = e.valueOffset - e.offset === 12;
    const field = at < 4 ? 'tag' : !explicit ? 'length' : at < 6 ? 'vr' : long && at < 8 ? 'reserved' : 'length';
    return `header ${path} ${field}`;
  }
  if (e.sequenceDelimiterOffset != null && offset >= e.sequenceDelimiterOffset) return `delimiter ${path}`;
  const items = e.items ?? [];
  const index = items.findIndex((item) => item.offset <= offset && offset < item.end);
  if (index >= 0) {
    const item = items[index];
    const itemPath = `${path}[${index}]`;
    if (offset < item.valueOffset) return `item ${itemPath}`;
    if (item.delimiterOffset !== null && offset >= item.delimiterOffset) return `delimiter ${itemPath}`;
    return inList(item.elements, offset, `${itemPath}.`, explicit) ?? `item ${itemPath}`;
  }
  if (e.fragments) {
    const table = e.basicOffsetTable!.item;
    if (table.offset <= offset && offset < table.valueOffset + table.length) return `fragment ${path}.BasicOffsetTable`;
    const f = e.fragments.findIndex((fragment) => fragment.offset <= offset && offset < fragment.valueOffset + fragment.length);
    if (f >= 0) return `fragment ${path}.Fragment[${f}]`;
  }
  return `value ${path}`;
}

/** The writer stores the UN sequence of this fixture as plain bytes; the model reads its items. */
const LAYOUT_WITHOUT_ITEMS = new Set(['un-known-and-unknown-tags']);

for (const fixture of wellFormedFixtures) {
  if (LAYOUT_WITHOUT_ITEMS.has(fixture.name)) continue;
  test(`locate: every byte of ${fixture.name} names the node and part the writer put there`, () => {
    const { bytes, layout } = fixture.build();
    const file = parseDicomBytes(bytes);
    const size = layout.deflated ? Math.max(...[...layout.meta, ...layout.dataSet].map((e) => e.end)) : layout.size;
    const wrong: string[] = [];
    for (let offset = 0; offset < size && wrong.length < 5; offset++) {
      const found = locateOffset(file, offset);
      const actual = found ? `${found.part} ${found.path}${found.headerField ? ' ' + found.headerField : ''}` : null;
      const expected = expectedAt(layout, offset);
      if (actual !== expected) wrong.push(`${offset}: ${actual}, writer says ${expected}`);
    }
    assert.deepEqual(wrong, []);
  });
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c) => out.push(c));
  stderr.on('data', (c) => err.push(c));
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

test('locate CLI: --json names element, item and part; text gives one line per offset; bad offsets exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'locate-'));
  try {
    const built = fixtureByName('after-pixel-data-explicit').build();
    const path = join(dir, 'image.dcm');
    writeFileSync(path, built.bytes);
    const signatures = built.layout.dataSet.find((e) => e.tag === 'FFFAFFFA')!;
    const algorithm = signatures.items![0].elements[1];
    const padding = built.layout.dataSet.find((e) => e.tag === 'FFFCFFFC')!;
    const json = await run('locate', path, String(algorithm.valueOffset), `0x${padding.offset.toString(16)}`, '--json');
    assert.equal(json.code, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as { offset: number; path: string; tag: string; part: string; keyword: string }[];
    assert.deepEqual(rows.map((r) => [r.offset, r.path, r.tag, r.part, r.keyword]), [
      [algorithm.valueOffset, 'FFFAFFFA[0].04000015', '04000015', 'value', 'MACAlgorithm'],
      [padding.offset, 'FFFCFFFC', 'FFFCFFFC', 'header', 'DataSetTrailingPadding'],
    ]);
    const text = await run('locate', path, '0', '130');
    assert.equal(text.code, 0);
    assert.deepEqual(text.stdout.trim().split('\n').map((line) => line.split(/ +/)[1]), ['preamble', 'prefix']);
    for (const bad of ['-5', 'twelve', String(built.bytes.length)]) {
      const result = await run('locate', path, bad);
      assert.equal(result.code, 2, `offset ${bad}`);
      assert.match(result.stderr, /not a byte offset|past the end|Unknown option/);
    }
    const textFile = join(dir, 'notes.txt');
    writeFileSync(textFile, 'not DICOM at all\n'.repeat(20));
    assert.equal((await run('locate', textFile, '0')).code, 2);
    assert.equal((await run('locate', join(dir, 'missing.dcm'), '0')).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
