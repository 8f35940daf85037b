/**
 * Bounded, seeded mutation fuzz of the parser over corpus files and fixtures: no exception may
 * escape parseDicomBytes or readDicom, no parse may take over a second, and a parse that did
 * not read the file cleanly (elements that do not tile the data set, or that run outside it)
 * must carry issues. FUZZ_SEED and FUZZ_COUNT override the defaults to replay or to go longer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DicomElement, DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { allFixtures } from '../fixtures/catalog';
import { lengthFields, mutate, prng, type LengthField } from '../support/mutate';
import { CORPUS, corpusFiles } from '../support/corpus';

const SEED = Number(process.env.FUZZ_SEED ?? 20240131);
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);
const TIME_LIMIT_MS = 1000;

interface Source {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly fields: readonly LengthField[];
}


function source(name: string, bytes: Uint8Array): Source {
  const parsed = parseDicomBytes(bytes);
  // Length fields are file positions only where the data set is not deflated.
  const dataSet = parsed.deflated ? [] : parsed.dataSet;
  const fields = [...lengthFields(parsed.meta, true), ...lengthFields(dataSet, parsed.transferSyntax?.explicitVr ?? true)];
  return { name, bytes, fields };
}

function sources(): Source[] {
  const corpus = corpusFiles(CORPUS).map((file) => source(path.relative(CORPUS, file), readFileSync(file)));
  const fixtures = allFixtures.filter((f) => f.onDisk).map((f) => source(`fixture ${f.name}`, f.build().bytes));
  return [...corpus, ...fixtures];
}

/** Why the parse is not a clean reading of the file, or null when it is one. */
function unclean(file: DicomFile, size: number): string | null {
  const check = (elements: readonly DicomElement[], start: number, end: number | null): string | null => {
    let at = start;
    for (const e of elements) {
      if (e.offset !== at) return `element ${e.tag} at ${e.offset}, expected ${at}`;
      if (e.end < e.valueOffset || e.valueOffset < e.offset) return `element ${e.tag} has end ${e.end} before value ${e.valueOffset}`;
      if (e.length !== null && e.end !== e.valueOffset + e.length) return `element ${e.tag} ends at ${e.end}, its length says ${e.valueOffset + e.length}`;
      for (const item of e.items ?? []) {
        if (item.length !== null && item.end !== item.valueOffset + item.length) return `item at ${item.offset} ends at ${item.end}, its length says ${item.valueOffset + item.length}`;
        const problem = check(item.elements, item.valueOffset, item.length === null ? null : item.valueOffset + item.length);
        if (problem) return problem;
      }
      at = e.end;
    }
    return end !== null && at !== end ? `data ends at ${at}, expected ${end}` : null;
  };
  if (file.meta.length === 0 && file.dataSet.length === 0) return 'nothing read';
  const meta = check(file.meta, file.meta[0]?.offset ?? file.dataSetOffset, file.dataSetOffset);
  if (meta) return `meta: ${meta}`;
  const end = file.deflated || file.stoppedBeforePixelData ? null : size;
  return check(file.dataSet, file.dataSetOffset, end);
}

function inRange(file: DicomFile, size: number): string | null {
  if (file.deflated) return null;
  const walk = (elements: readonly DicomElement[]): string | null => {
    for (const e of elements) {
      if (e.offset < 0 || e.offset > size || e.end > size || e.valueOffset > size) return `${e.tag} at ${e.offset}..${e.end} outside 0..${size}`;
      for (const item of e.items ?? []) {
        const problem = walk(item.elements);
        if (problem) return problem;
      }
    }
    return null;
  };
  return walk(file.meta) ?? walk(file.dataSet);
}

test(`fuzz: ${COUNT} seeded mutations (seed ${SEED}) never throw, never hang, always report`, async () => {
  const all = sources();
  assert.ok(all.length > 40, `expected corpus and fixtures, found ${all.length} sources`);
  const random = prng(SEED);
  let slowest = 0;
  let withIssues = 0;
  for (let i = 0; i < COUNT; i++) {
    const from = all[Math.floor(random() * all.length)];
    const mutation = mutate(from.bytes, random, from.fields);
    const replay = `mutation #${i} (FUZZ_SEED=${SEED}) of ${from.name}: ${mutation.description}`;
    const started = performance.now();
    let file: DicomFile;
    try {
      file = parseDicomBytes(mutation.bytes);
    } catch (problem) {
      assert.fail(`parseDicomBytes threw on ${replay}: ${String(problem)}`);
    }
    const elapsed = performance.now() - started;
    slowest = Math.max(slowest, elapsed);
    assert.ok(elapsed < TIME_LIMIT_MS, `parse took ${elapsed.toFixed(0)} ms on ${replay}`);
    const outside = inRange(file, mutation.bytes.length);
    assert.equal(outside, null, `offsets outside the file on ${replay}`);
    const why = unclean(file, mutation.bytes.length);
    if (why) assert.ok(file.issues.length > 0, `parse did not read cleanly (${why}) but has no issue, on ${replay}`);
    if (file.issues.length > 0) withIssues++;
    if (i % 8 === 0) {
      // The header-only path grows its window as it goes: exercise it from a small first read.
      try {
        const header = await readDicom(memoryFileAccess(mutation.bytes), { initialReadBytes: 256 });
        const partial = unclean(header, mutation.bytes.length);
        if (partial) assert.ok(header.issues.length > 0, `readDicom did not read cleanly (${partial}) but has no issue, on ${replay}`);
      } catch (problem) {
        if (problem instanceof assert.AssertionError) throw problem;
        assert.fail(`readDicom threw on ${replay}: ${String(problem)}`);
      }
    }
  }
  // Most mutations must be noticed, or the mutations are not reaching the structure.
  assert.ok(withIssues > COUNT / 4, `only ${withIssues} of ${COUNT} mutated files had issues`);
  console.log(`fuzz: ${COUNT} mutations over ${all.length} sources, ${withIssues} with issues, slowest parse ${slowest.toFixed(1)} ms`);
});

test('fuzz: the cleanliness check notices a truncated parse and passes a good one', () => {
  const good = allFixtures.find((f) => f.name === 'sequences-mixed-implicit')!.build().bytes;
  assert.equal(unclean(parseDicomBytes(good), good.length), null);
  const cut = good.slice(0, good.length - 7);
  assert.notEqual(unclean(parseDicomBytes(cut), cut.length), null);
});
