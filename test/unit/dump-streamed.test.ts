/**
 * `dump` and `dump --json` are written as they are made (issue: a model of millions of nodes
 * kept compact, dumps streamed). The streamed JSON must be byte for byte what JSON.stringify
 * makes of the whole model, and the CLI's streamed output what the one-string dump says, for
 * every fixture and corpus file, also when stdout pushes back (a slow pipe).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { formatTextDump, textDumpChunks, textDumpWithOffsets } from '../../src/core/dump/textDump';
import { CHUNK_CHARS } from '../../src/core/dump/chunkedText';
import { StreamedArray, streamJson } from '../../src/core/dump/streamJson';
import { toJsonDump } from '../../src/core/dump/jsonDump';
import { jsonDumpChunks } from '../../src/core/dump/jsonDumpChunks';
import { runDump } from '../../src/cli/commands/dump';
import { withFileAccess } from '../../src/node/fileAccess';
import { allFixtures } from '../fixtures/catalog';
import { manyFragmentsFrame } from '../fixtures/catalog/hostilePixels';
import { manyEmptyItems, manyEmptyValues, manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { corpusFiles } from '../support/corpusFiles';
import { slowPipe } from '../support/slowPipe';

const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-dump-streamed-'));
const sources: { name: string; bytes: Uint8Array }[] = [
  ...allFixtures.filter((f) => f.onDisk).map((f) => ({ name: f.name, bytes: f.build().bytes })),
  ...corpusFiles().map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(file)) })),
  { name: 'many-fragments', bytes: manyFragmentsFrame(3000) },
  { name: 'many-elements', bytes: manyTinyElements(3000) },
  { name: 'many-items', bytes: manyEmptyItems(3000) },
  { name: 'many-values', bytes: manyEmptyValues(30_001) },
];

test('the streamed JSON is JSON.stringify of the whole dump, for every fixture and corpus file', () => {
  assert.ok(sources.length > 50, `${sources.length} files`);
  for (const { name, bytes } of sources) {
    const file = parseDicomBytes(bytes);
    assert.equal([...jsonDumpChunks(file, name)].join(''), JSON.stringify(toJsonDump(file, name), null, 2), name);
  }
});

test('streamJson writes what JSON.stringify writes, for every kind of plain value, streamed lists and toJSON', () => {
  const sparse: unknown[] = [1];
  sparse[3] = 'x';
  const value = {
    text: 'quote " backslash \\ line\nbreak tab\t nul \u0000 lone \ud800 pair \ud83d\ude00 é 中', long: 'a"'.repeat(40),
    short: ['\ud800', 'a"', 'b\\', '\u001f', '\udfff x', '\u007f', 'plain'],
    numbers: [0, -0, 1.5, -2e-7, 1e21, NaN, Infinity, -Infinity], flags: [true, false, null], empty: { list: [], object: {} },
    skipped: undefined, fn: () => 1, inArray: [undefined, () => 1, Symbol('s')], sparse,
    nested: { a: { b: [{ c: 1 }, [2, [3, {}]], { d: [] }] } },
    lazy: { toJSON: () => ({ decoded: [1, 2], name: 'n' }) },
    streamed: new StreamedArray([1, 2, 3], (n) => ({ n, children: new StreamedArray(Array(n).fill(n), (m) => m * 10), gone: undefined })),
    none: new StreamedArray([], (n) => n),
  };
  assert.equal([...streamJson(value)].join(''), JSON.stringify(value, null, 2));
  for (const scalar of ['s', 1, null, true, [], {}]) assert.equal([...streamJson(scalar)].join(''), JSON.stringify(scalar, null, 2));
});

/** The longest piece of one dump line or JSON entry the small fixtures below have. */
const LONGEST_ENTRY = 2000;

test('the JSON is made in chunks of about 64 KiB, also for a list of many nodes or a value of many entries', () => {
  for (const [name, bytes] of [['fragments', manyFragmentsFrame(3000)], ['items', manyEmptyItems(3000)], ['elements', manyTinyElements(3000)], ['values', manyEmptyValues(100_001)]] as const) {
    const file = parseDicomBytes(bytes);
    const chunks = [...jsonDumpChunks(file, 'f.dcm')];
    assert.ok(chunks.length > 3, `${name}: ${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < CHUNK_CHARS + LONGEST_ENTRY, name);
    assert.equal(chunks.join(''), JSON.stringify(toJsonDump(file, 'f.dcm'), null, 2), name);
  }
});

test('the text dump is made in chunks of whole lines: the first comes before the rest is walked', () => {
  const file = parseDicomBytes(manyTinyElements(3000));
  const chunks = textDumpChunks(file);
  const first = chunks.next().value ?? '';
  assert.match(first, /^# DICOM file: \d+ bytes/);
  assert.ok(first.length >= CHUNK_CHARS && first.length < CHUNK_CHARS + LONGEST_ENTRY && first.endsWith('\n'), `${first.length} characters`);
  assert.equal(first + [...chunks].join(''), textDumpWithOffsets(file).lines.join('\n') + '\n');
});

test('the text dump of a value of many entries shows its first values, cut', () => {
  const file = parseDicomBytes(manyEmptyValues(100_001));
  const dump = formatTextDump(file, { maxValueLength: 20 });
  assert.match(dump, /\(0008,0119\) UC +100000  LongCodeValue  \\{19}…$/m);
});

const RUNS: readonly (readonly [string, readonly string[]])[] = [['text', []], ['JSON', ['--json']], ['text with decimal offsets and no private tags', ['--decimal', '--no-private']]];
for (const [label, args] of RUNS) {
  test(`dump (${label}) streams to a slow stdout exactly what the whole-string dump says`, async () => {
    const picked = sources.filter((s, i) => i % 7 === 0 || s.name.startsWith('many-'));
    let streamedInChunks = 0;
    for (const [index, { name, bytes }] of picked.entries()) {
      const path = join(dir, `${index}.dcm`);
      writeFileSync(path, bytes);
      const out = slowPipe();
      const err = slowPipe();
      await runDump([path, ...args], { stdout: out.stream, stderr: err.stream });
      const file = await withFileAccess(path, (access) => readDicom(access, { headerOnly: true }));
      const expected = args.includes('--json')
        ? JSON.stringify(toJsonDump(file, path), null, 2) + '\n'
        : formatTextDump(file, { fileName: path, offsetFormat: args.includes('--decimal') ? 'decimal' : 'hex', showPrivateTags: !args.includes('--no-private') });
      assert.equal(out.text(), expected, name);
      // Output longer than one 64 KiB chunk fills the 1 KiB buffer: the CLI must have waited.
      if (expected.length > 65536) {
        assert.ok(out.waits() > 0, `${name}: the CLI waited for the stream to drain`);
        streamedInChunks++;
      }
    }
    assert.ok(streamedInChunks > 0, 'at least one dump longer than a chunk');
  });
}
