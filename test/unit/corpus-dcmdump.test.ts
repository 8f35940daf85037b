/**
 * Every file of the shared public corpus (real files from several vendors and tools) must parse
 * with no error issue, and its element tree (tags, VRs, lengths, order, nesting, items,
 * delimiters and fragments) must equal what DCMTK's dcmdump reads from it. Both the whole-file
 * parse and the header-only read are checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DicomFile } from '../../src/core/model';
import { parseDicomBytes, readDicom } from '../../src/core/parse/readDicom';
import { withFileAccess } from '../../src/node/fileAccess';
import { compareTrees } from '../support/compareTree';
import { dcmdumpFile, requireDcmdump } from '../support/dcmdump';
import { CORPUS, corpusFiles } from '../support/corpus';


const files = corpusFiles(CORPUS);

test('the corpus is there and dcmdump is installed', () => {
  requireDcmdump();
  assert.ok(files.length >= 20, `expected the shared corpus at ${CORPUS}, found ${files.length} files`);
});

function check(file: DicomFile, name: string, label: string): void {
  const dump = dcmdumpFile(name);
  assert.equal(dump.status, 0, `dcmdump failed on ${name}: ${dump.messages.join('\n')}`);
  const errors = file.issues.filter((i) => i.severity === 'error');
  assert.deepEqual(errors, [], `${label}: error issues`);
  const options = { vr: file.transferSyntax?.explicitVr === false ? 'public' as const : true };
  // A header-only read skips the pixel value but reads every element after it, as dcmdump does.
  const diffs = [...compareTrees(file.meta, dump.meta, { vr: true }), ...compareTrees(file.dataSet, dump.dataSet, options)];
  assert.deepEqual(diffs, [], `${label}: element tree differs from dcmdump's`);
}

for (const name of files) {
  const relative = path.relative(CORPUS, name);
  test(`corpus: ${relative} parses like dcmdump reads it`, async () => {
    check(parseDicomBytes(readFileSync(name)), name, 'parseDicomBytes');
    const header = await withFileAccess(name, (access) => readDicom(access));
    check(header, name, 'readDicom');
  });
}
