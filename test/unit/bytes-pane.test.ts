/**
 * The Bytes pane's pure parts: the data inspector against Node's own Buffer readers, the
 * scrollbar mapping of a 2 GiB file, and the page cache's bounded memory and request sharing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectBytes } from '../../src/core/bytes/inspectBytes';
import type { BytesPageMessage } from '../../src/shared/bytesProtocol';
import { MAX_PAGES, PAGE_BYTES, PageCache } from '../../webview/editor/bytes/pageCache';
import { maxTopRow, rowToReveal, scrollFromTopRow, topRowFromScroll, trackHeight, MAX_TRACK_PX } from '../../webview/editor/bytes/scrollMap';

test('data inspector: every width in both byte orders, as Buffer reads them', () => {
  const bytes = Uint8Array.of(0xfe, 0xff, 0x00, 0xe0, 0x10, 0x20, 0x30, 0xc0, 0x41, 0x42);
  const buffer = Buffer.from(bytes);
  const rows = new Map(inspectBytes(bytes, true, []).map((row) => [row.label, row]));
  assert.equal(rows.get('int8')!.value, String(buffer.readInt8(0)));
  assert.equal(rows.get('uint16')!.value, String(buffer.readUInt16LE(0)));
  assert.equal(rows.get('uint16')!.swapped, String(buffer.readUInt16BE(0)));
  assert.equal(rows.get('int32')!.value, String(buffer.readInt32LE(0)));
  assert.equal(rows.get('int32')!.swapped, String(buffer.readInt32BE(0)));
  assert.equal(rows.get('int64')!.value, buffer.readBigInt64LE(0).toString());
  assert.equal(rows.get('uint64')!.swapped, buffer.readBigUInt64BE(0).toString());
  assert.equal(rows.get('float32')!.value, String(buffer.readFloatLE(0)));
  assert.equal(rows.get('float64')!.swapped, String(buffer.readDoubleBE(0)));
  assert.equal(rows.get('tag')!.value, '(FFFE,E000)');
  // Big endian data: the first column reads big endian.
  assert.equal(new Map(inspectBytes(bytes, false, []).map((row) => [row.label, row])).get('uint16')!.value, String(buffer.readUInt16BE(0)));
});

test('data inspector: too few bytes give "—", text uses the character set', () => {
  const rows = new Map(inspectBytes(Uint8Array.of(0x4d, 0xfc), true, ['ISO_IR 100']).map((row) => [row.label, row]));
  assert.equal(rows.get('uint16')!.value, String(0xfc4d));
  assert.equal(rows.get('int32')!.value, '—');
  assert.equal(rows.get('text')!.value, 'Mü');
  const utf8 = new Map(inspectBytes(Uint8Array.of(0x4d, 0xc3, 0xbc), true, ['ISO_IR 192']).map((row) => [row.label, row]));
  assert.equal(utf8.get('text')!.value, 'Mü');
});

test('scroll mapping: a 2 GiB file fits a capped track and both ends are reachable', () => {
  const geometry = { totalRows: 2 ** 31 / 16, rowHeight: 18, viewportHeight: 540 };
  assert.equal(trackHeight(geometry), MAX_TRACK_PX);
  const range = MAX_TRACK_PX - 540;
  assert.equal(topRowFromScroll(0, geometry), 0);
  assert.equal(topRowFromScroll(range, geometry), maxTopRow(geometry));
  assert.equal(maxTopRow(geometry), 2 ** 27 - 30);
  const middle = topRowFromScroll(range / 2, geometry);
  assert.ok(Math.abs(scrollFromTopRow(middle, geometry) - range / 2) < 1);
  // A small file scrolls one pixel per pixel of rows.
  const small = { totalRows: 100, rowHeight: 18, viewportHeight: 180 };
  assert.equal(topRowFromScroll(18 * 10, small), 10);
});

test('reveal: a range on screen keeps the view, one off screen comes a third down', () => {
  const geometry = { totalRows: 1000, rowHeight: 18, viewportHeight: 540 };
  assert.equal(rowToReveal(16 * 105, 100, geometry), 100);
  assert.equal(rowToReveal(16 * 500, 100, geometry), 490);
  assert.equal(rowToReveal(16 * 999, 100, geometry), 970);
});

test('page cache: one request per page however often asked, and never more than MAX_PAGES held', async () => {
  const asked: number[] = [];
  const size = PAGE_BYTES * (MAX_PAGES + 10);
  const cache = new PageCache(async (stream, offset, length): Promise<BytesPageMessage> => {
    asked.push(offset);
    const data = new Uint8Array(length).fill(offset / PAGE_BYTES);
    return { type: 'bytes/page', stream, offset, streamSize: size, data: data.buffer, runs: [{ start: offset, end: offset + length, part: 'value', path: '7FE00010', tag: '7FE00010', keyword: 'PixelData' }] };
  }, 'model', () => undefined);
  assert.equal(cache.byteAt(5), undefined);
  assert.equal(cache.byteAt(6), undefined);
  await cache.load(0);
  assert.deepEqual(asked, [0]);
  assert.equal(cache.byteAt(5)?.run?.keyword, 'PixelData');
  for (let page = 0; page < MAX_PAGES + 10; page++) await cache.load(page * PAGE_BYTES);
  assert.equal(cache.pageCount, MAX_PAGES);
  assert.equal(cache.byteAt(size - 1)?.value, MAX_PAGES + 9);
  assert.equal(cache.streamSize, size);
  // Bytes across a page boundary come back whole.
  assert.deepEqual([...cache.bytesFrom(size - PAGE_BYTES - 2, 4)], [MAX_PAGES + 8, MAX_PAGES + 8, MAX_PAGES + 9, MAX_PAGES + 9]);
});
