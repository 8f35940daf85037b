/**
 * The pages sent with a selection: the host reads the Bytes pane's own pages around the node
 * (aligned as the pane asks for them, none past the end), the message checker takes them only
 * as real pages, and the pane's cache serves them without a request of its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partRuns } from '../../src/core/bytes/byteParts';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { pagesAround } from '../../src/extension/bytes/bytesServer';
import { PAGE_BYTES, type BytesPageMessage } from '../../src/shared/bytesProtocol';
import { parseEditorHostMessage } from '../../src/shared/protocol';
import { PageCache } from '../../webview/editor/bytes/pageCache';
import { writeDicom } from '../fixtures/writer';

/** A file a little over three pages long: a long text value in the middle of the data set. */
async function threePageFile() {
  const { bytes } = writeDicom(
    [
      { tag: 0x00080060, vr: 'CS', value: 'OT' },
      { tag: 0x00204000, vr: 'LT', value: 'x'.repeat(3 * PAGE_BYTES) },
      { tag: 0x00280010, vr: 'US', value: [2] },
    ],
    { transferSyntax: 'explicitLittle' },
  );
  const { file, source } = await openDicom(memoryFileAccess(bytes));
  return { bytes, file, source };
}

test('pages around an offset: the page holding it and one either side, aligned, each with its runs', async () => {
  const { bytes, file, source } = await threePageFile();
  const offset = PAGE_BYTES + 100;
  const pages = await pagesAround(offset, file, source);
  assert.deepEqual(pages.map((page) => page.offset), [0, PAGE_BYTES, 2 * PAGE_BYTES]);
  for (const page of pages) {
    assert.equal(page.stream, 'model');
    assert.equal(page.streamSize, bytes.length);
    assert.deepEqual(new Uint8Array(page.data), bytes.subarray(page.offset, page.offset + PAGE_BYTES));
    assert.deepEqual(page.runs, partRuns(file, page.offset, page.offset + page.data.byteLength));
  }
});

test('pages around the last byte: no empty page past the end, and the last page is short', async () => {
  const { bytes, file, source } = await threePageFile();
  const pages = await pagesAround(bytes.length - 1, file, source);
  const last = pages[pages.length - 1];
  assert.equal(last.offset + last.data.byteLength, bytes.length);
  assert.ok(pages.every((page) => page.data.byteLength > 0));
  assert.equal(pages.length, 2);
});

test('a selection message keeps its pages only when every one is a page', () => {
  const page: BytesPageMessage = { type: 'bytes/page', stream: 'model', offset: 0, streamSize: 10, data: new ArrayBuffer(10), runs: [] };
  const selection = { type: 'selectElement', id: 'ds/e0', offset: 0, valueOffset: 8, end: 10 };
  assert.deepEqual(parseEditorHostMessage({ ...selection, pages: [page] }), { ...selection, pages: [page] });
  assert.deepEqual(parseEditorHostMessage(selection), { ...selection, pages: [] });
  assert.equal(parseEditorHostMessage({ ...selection, pages: [{ ...page, data: 'AAAA' }] }), null);
  assert.equal(parseEditorHostMessage({ ...selection, pages: [{ ...page, stream: 'other' }] }), null);
  assert.equal(parseEditorHostMessage({ ...selection, pages: page }), null);
});

test('page cache: a page that came with a selection is served without asking, a foreign one is not kept', () => {
  const asked: number[] = [];
  const cache = new PageCache(async (stream, offset, length) => {
    asked.push(offset);
    return { type: 'bytes/page', stream, offset, streamSize: 3 * PAGE_BYTES, data: new ArrayBuffer(length), runs: [] };
  }, 'model', () => undefined);
  const data = new Uint8Array(PAGE_BYTES).fill(7);
  cache.add({ type: 'bytes/page', stream: 'model', offset: PAGE_BYTES, streamSize: 3 * PAGE_BYTES, data: data.buffer, runs: [{ start: PAGE_BYTES, end: 2 * PAGE_BYTES, part: 'value', path: '00204000', tag: '00204000', keyword: 'ImageComments' }] });
  assert.equal(cache.byteAt(PAGE_BYTES + 5)?.value, 7);
  assert.equal(cache.byteAt(PAGE_BYTES + 5)?.run?.keyword, 'ImageComments');
  assert.equal(cache.streamSize, 3 * PAGE_BYTES);
  assert.deepEqual(asked, []);
  // Another stream's page, or one off the page grid, is not this cache's.
  cache.add({ type: 'bytes/page', stream: 'raw', offset: 0, streamSize: 3 * PAGE_BYTES, data: data.buffer, runs: [] });
  cache.add({ type: 'bytes/page', stream: 'model', offset: 2 * PAGE_BYTES + 1, streamSize: 3 * PAGE_BYTES, data: data.buffer, runs: [] });
  assert.equal(cache.pageCount, 1);
});
