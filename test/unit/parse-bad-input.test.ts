/**
 * Every class of bad input from the design notes, made by the fixture writer: the parser must
 * not throw, must keep every element that ends before the damage (at the writer's offsets),
 * and must report an issue of the right severity at a byte offset the writer knows is right.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DicomElement, DicomFile } from '../../src/core/model';
import { memoryFileAccess } from '../../src/core/io';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { badFixtures, type BuiltFixture, type ProblemExpectation } from '../fixtures/catalog';
import type { LayoutElement } from '../fixtures/writer';
import { compareWithLayout } from '../support/compareLayout';

const IMPLICIT_LE = '1.2.840.10008.1.2';

function describeIssues(file: DicomFile): string {
  return file.issues.map((i) => `  ${i.severity} @ ${i.offset}: ${i.message}`).join('\n') || '  (no issues)';
}

function qualifies(severity: string, wanted: ProblemExpectation['severity']): boolean {
  return wanted === 'warning' ? severity === 'warning' || severity === 'error' : severity === 'error';
}

function deepest(elements: readonly DicomElement[]): number {
  let depth = 0;
  let level = elements;
  while (level.length > 0) {
    const next = level.at(-1)?.items?.at(-1)?.elements;
    if (!next) break;
    depth++;
    level = next;
  }
  return depth;
}

function checkProblem(file: DicomFile, built: BuiltFixture, label: string): void {
  const problem = built.problem!;
  const relevant = file.issues.filter((i) => qualifies(i.severity, problem.severity));
  if (problem.mayParseCleanly && relevant.length === 0) {
    assert.ok(deepest(file.dataSet) >= 3000, `${label}: no issue, so every level must have been read\n${describeIssues(file)}`);
    return;
  }
  assert.ok(relevant.length > 0, `${label}: expected an issue of severity ${problem.severity}\n${describeIssues(file)}`);
  if (problem.offsets) {
    const named = relevant.some((i) => i.offset !== null && problem.offsets!.includes(i.offset));
    const shown = problem.offsets.length > 8 ? `${problem.offsets[0]}..${problem.offsets.at(-1)}` : problem.offsets.join(', ');
    assert.ok(named, `${label}: expected a ${problem.severity} at one of [${shown}]\n${describeIssues(file)}`);
  }
  const kept = (elements: readonly LayoutElement[]) => elements.filter((e) => e.end <= problem.keptBefore);
  const meta = kept(built.layout.meta);
  const dataSet = kept(built.layout.dataSet);
  const options = { vr: built.layout.transferSyntaxUid !== IMPLICIT_LE };
  const diffs = [
    ...compareWithLayout(file.meta.slice(0, meta.length), meta, { vr: true }),
    ...compareWithLayout(file.dataSet.slice(0, dataSet.length), dataSet, options),
  ];
  assert.deepEqual(diffs, [], `${label}: elements before the damage must be kept at the writer's offsets`);
}

for (const fixture of badFixtures) {
  test(`bad input: ${fixture.name} (${fixture.description})`, async () => {
    const built = fixture.build();
    assert.ok(built.problem, 'bad fixtures say where they go wrong');
    let whole: DicomFile | undefined;
    assert.doesNotThrow(() => {
      whole = parseDicomBytes(built.bytes);
    }, 'parseDicomBytes must not throw');
    checkProblem(whole!, built, 'parseDicomBytes');
    const header = await readDicom(memoryFileAccess(built.bytes), { initialReadBytes: 512 });
    checkProblem(header, built, 'readDicom');
  });
}
