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
import { Writable } from 'node:stream';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { formatTextDump, textDumpLines } from '../../src/core/dump/textDump';
import { toJsonDump } from '../../src/core/dump/jsonDump';
import { jsonDumpChunks } from '../../src/core/dump/jsonDumpChunks';
import { runDump } from '../../src/cli/commands/dump';
import { withFileAccess } from '../../src/node/fileAccess';
import { allFixtures } from '../fixtures/catalog';
import { manyFragmentsFrame } from '../fixtures/catalog/hostilePixels';
import { manyTinyElements } from '../fixtures/catalog/hostileCounts';
import { corpusFiles } from '../support/corpusFiles';

const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-dump-streamed-'));
const sources: { name: string; bytes: Uint8Array }[] = [
  ...allFixtures.filter((f) => f.onDisk).map((f) => ({ name: f.name, bytes: f.build().bytes })),
  ...corpusFiles().map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(file)) })),
  { name: 'many-fragments', bytes: manyFragmentsFrame(3000) },
  { name: 'many-elements', bytes: manyTinyElements(3000) },
];

test('the streamed JSON is JSON.stringify of the whole dump, for every fixture and corpus file', () => {
  assert.ok(sources.length > 50, `${sources.length} files`);
  for (const { name, bytes } of sources) {
    const file = parseDicomBytes(bytes);
    assert.equal([...jsonDumpChunks(file, name)].join(''), JSON.stringify(toJsonDump(file, name), null, 2), name);
  }
});

test('the JSON is made piece by piece: no piece holds more than one element of a long list', () => {
  const file = parseDicomBytes(manyFragmentsFrame(3000));
  const pieces = [...jsonDumpChunks(file, 'f.dcm')];
  assert.ok(pieces.length > 3000, `${pieces.length} pieces`);
  assert.ok(Math.max(...pieces.map((p) => p.length)) < 2000);
});

test('the text dump is made line by line: the first lines come before the rest is walked', () => {
  const file = parseDicomBytes(manyTinyElements(3000));
  const lines = textDumpLines(file);
  assert.match(lines.next().value ?? '', /^# DICOM file: \d+ bytes/);
  let count = 1;
  for (const _ of lines) count++;
  assert.equal(count, formatTextDump(file).split('\n').length - 1);
});

/** A stdout that takes 1 KiB at a time and answers late, so the CLI must wait for 'drain'. */
function slowPipe(): { stream: Writable; text: () => string; waits: () => number } {
  const chunks: Buffer[] = [];
  let waits = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  stream.on('drain', () => waits++);
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), waits: () => waits };
}

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
