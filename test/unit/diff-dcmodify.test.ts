/**
 * Pairs made with DCMTK's dcmodify: the diff must report exactly the modifications dcmodify
 * was asked to make (insert, erase, modify inside sequences, private tags), on a writer
 * fixture and on a real file of the corpus, however dcmodify re-encoded the rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffDicom } from '../../src/core/diff/diffDicom';
import { openDicom } from '../../src/core/parse/readDicom';
import { memoryFileAccess } from '../../src/core/io';
import { baseElements, dcmodify, openBytes, written } from '../support/dicomPairs';

const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-diff-'));
const CORPUS_FILE = path.resolve(__dirname, '../../../shared/corpus/dicomparser/CT1_UNC.explicit_little_endian.dcm');

async function diffPaths(a: Uint8Array, bPath: string): Promise<string[]> {
  const result = await diffDicom(await openBytes(a), await openDicom(memoryFileAccess(readFileSync(bPath))), { ignoreMeta: true });
  return result.entries.map((e) => `${e.change} ${e.path}`).sort();
}

for (const undefinedLengths of [false, true]) {
  test(`writer fixture (${undefinedLengths ? 'undefined' : 'defined'}-length sequences) modified by dcmodify`, async () => {
    const a = written(baseElements({ undefinedLengths }));
    const bPath = path.join(dir, `modified-${undefinedLengths}.dcm`);
    dcmodify(bPath, a, [
      '-i', '(0010,4000)=new comment',
      '-e', '(0008,0020)',
      '-m', '(0008,1115)[1].(0008,1155)=1.2.3.999',
      '-i', '(0008,1115)[0].(0008,1160)=5',
      '-m', '(0019,1001)=changed private',
      '-e', '(0019,1002)',
    ]);
    assert.deepEqual(await diffPaths(a, bPath), [
      'added 00081115[0].00081160',
      'added 00104000',
      'changed 00081115[1].00081155',
      'changed 00191001',
      'removed 00080020',
      'removed 00191002',
    ]);
  });
}

test('dcmodify without modifications (a plain rewrite) gives no differences', async () => {
  const a = written(baseElements({ undefinedLengths: true }));
  const bPath = path.join(dir, 'rewritten.dcm');
  dcmodify(bPath, a, ['-m', '(0010,0010)=Doe^Jane']);
  assert.deepEqual(await diffPaths(a, bPath), []);
});

test('a real file of the corpus modified by dcmodify', async () => {
  const bPath = path.join(dir, 'corpus-modified.dcm');
  const a = readFileSync(CORPUS_FILE);
  dcmodify(bPath, a, ['-m', '(0010,0010)=Changed^Name', '-e', '(0008,0020)', '-i', '(0010,4000)=new comment', '-m', '(0029,1004)=5']);
  // DCMTK drops the file's Data Set Trailing Padding (FFFC,FFFC, after the Pixel Data) when it writes.
  assert.deepEqual(await diffPaths(a, bPath), ['added 00104000', 'changed 00100010', 'changed 00291004', 'removed 00080020', 'removed FFFCFFFC']);
  // The text dumps of the two files differ on almost every line because of offsets; the diff does not.
  const result = await diffDicom(await openBytes(a), await openDicom(memoryFileAccess(readFileSync(bPath))), { ignoreMeta: true });
  const name = result.entries.find((e) => e.path === '00100010');
  assert.equal(name?.a?.value, 'CompressedSamples^CT1');
  assert.equal(name?.b?.value, 'Changed^Name');
  assert.notEqual(name?.a?.offset, undefined);
});
