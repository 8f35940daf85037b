/**
 * The structural diff on pairs made with the project's writer: each known modification is
 * reported, and nothing else (moves, re-encodings and byte-order changes are not differences).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffDicom } from '../../src/core/diff/diffDicom';
import type { DiffOptions } from '../../src/core/diff/types';
import type { ElementSpec } from '../fixtures/writer';
import type { TransferSyntaxName } from '../fixtures/writer';
import { baseElements, edit, openBytes, written } from '../support/dicomPairs';

async function diffOf(a: Uint8Array, b: Uint8Array, options: DiffOptions = {}) {
  return diffDicom(await openBytes(a), await openBytes(b), options);
}

async function changes(a: ElementSpec[], b: ElementSpec[], options: DiffOptions = {}, syntaxB: TransferSyntaxName = 'explicitLittle') {
  const result = await diffOf(written(a), written(b, syntaxB), options);
  return result.entries.map((e) => `${e.change} ${e.path}`);
}

const base = baseElements();

test('a file compared with itself, or re-encoded, has no differences', async () => {
  for (const syntax of ['explicitLittle', 'implicitLittle', 'explicitBig', 'deflatedExplicitLittle'] as const) {
    const result = await diffOf(written(base), written(base, syntax), { ignoreUids: true, ignoreGroupLengths: true, ignoreMeta: true });
    // Implicit VR reads private elements as UN (no dictionary VR): the only honest differences.
    const expected = syntax === 'implicitLittle' ? ['changed 00191001', 'changed 00191002'] : [];
    assert.deepEqual(result.entries.map((e) => `${e.change} ${e.path}`), expected, syntax);
    assert.ok(result.compared >= 15, `${result.compared} elements were compared`);
  }
});

test('undefined-length sequences move every later element but are not differences', async () => {
  const result = await diffOf(written(base), written(baseElements({ undefinedLengths: true })));
  assert.deepEqual(result.entries, []);
});

test('a changed value is reported with both values, lengths and offsets', async () => {
  const b = edit(base, { set: { tag: 0x00100010, vr: 'PN', value: 'Roe^Richard' } });
  const a = await openBytes(written(base));
  const bFile = await openBytes(written(b));
  const [entry] = (await diffDicom(a, bFile)).entries;
  const left = a.file.dataSet.find((e) => e.tag === '00100010');
  const right = bFile.file.dataSet.find((e) => e.tag === '00100010');
  assert.deepEqual(entry, {
    path: '00100010', tag: '00100010', keyword: 'PatientName', change: 'changed', what: ['length', 'value'],
    a: { offset: left?.offset, vr: 'PN', length: 8, value: 'Doe^Jane' },
    b: { offset: right?.offset, vr: 'PN', length: 12, value: 'Roe^Richard' },
  });
});

test('added, removed, VR and length changes are told apart', async () => {
  let b = edit(base, { remove: 0x00080020 });
  b = edit(b, { set: { tag: 0x00104000, vr: 'LT', value: 'new comment' } });
  b = edit(b, { set: { tag: 0x00180050, vr: 'DS', value: '2.50' } });
  b = edit(b, { set: { tag: 0x00100020, vr: 'SH', value: 'ID0001' } });
  const result = await diffOf(written(base), written(b));
  const byPath = new Map(result.entries.map((e) => [e.path, e]));
  assert.deepEqual([...byPath.keys()], ['00080020', '00100020', '00104000', '00180050']);
  assert.equal(byPath.get('00080020')?.change, 'removed');
  assert.equal(byPath.get('00080020')?.b, null);
  assert.equal(byPath.get('00104000')?.change, 'added');
  assert.equal(byPath.get('00104000')?.a, null);
  assert.deepEqual(byPath.get('00100020')?.what, ['vr']);
  assert.deepEqual(byPath.get('00180050')?.what, ['value']);
});

test('changes inside sequence items are reported by item path, added items as items', async () => {
  const seq = (uids: string[]): ElementSpec => ({
    tag: 0x00081115, vr: 'SQ', items: uids.map((uid) => ({ elements: [{ tag: 0x00081150, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' }, { tag: 0x00081155, vr: 'UI', value: uid }] })),
  });
  const a = edit(base, { set: seq(['1.2.3.100', '1.2.3.200']) });
  assert.deepEqual(await changes(a, edit(base, { set: seq(['1.2.3.100', '1.2.3.201']) })), ['changed 00081115[1].00081155']);
  assert.deepEqual(await changes(a, edit(base, { set: seq(['1.2.3.100', '1.2.3.200', '1.2.3.300']) })), ['added 00081115[2]']);
  assert.deepEqual(await changes(a, edit(base, { set: seq(['1.2.3.100']) })), ['removed 00081115[1]']);
  // Reordered items differ by position, and are the same when paired by a key attribute.
  const reordered = edit(base, { set: seq(['1.2.3.200', '1.2.3.100']) });
  assert.deepEqual(await changes(a, reordered), ['changed 00081115[0].00081155', 'changed 00081115[1].00081155']);
  assert.deepEqual(await changes(a, reordered, { itemKey: '00081155' }), []);
});

test('bulk values are compared byte for byte beyond the summary the model keeps', async () => {
  const bytes = new Uint8Array(300).map((_, i) => i & 0xff);
  bytes[299] ^= 1;
  const b = edit(base, { set: { tag: 0x00191002, vr: 'OB', value: bytes } });
  assert.deepEqual(await changes(base, b), ['changed 00191002']);
});

test('filters leave out UIDs, dates, private groups, group lengths, meta and listed tags', async () => {
  let b = edit(base, { set: { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5.7' } });
  b = edit(b, { set: { tag: 0x00080020, vr: 'DA', value: '20250101' } });
  b = edit(b, { set: { tag: 0x00191001, vr: 'LO', value: 'other text' } });
  b = edit(b, { set: { tag: 0x00180050, vr: 'DS', value: '3.0' } });
  b = edit(b, { set: { tag: 0x00100000, vr: 'UL', value: [20] } });
  const all = ['changed 00080018', 'changed 00080020', 'added 00100000', 'changed 00180050', 'changed 00191001'];
  assert.deepEqual(await changes(base, b), all);
  assert.deepEqual(await changes(base, b, { ignoreUids: true }), all.filter((c) => !c.endsWith('00080018')));
  assert.deepEqual(await changes(base, b, { ignoreDates: true }), all.filter((c) => !c.endsWith('00080020')));
  assert.deepEqual(await changes(base, b, { ignorePrivate: true }), all.filter((c) => !c.endsWith('00191001')));
  assert.deepEqual(await changes(base, b, { ignoreGroupLengths: true }), all.filter((c) => !c.endsWith('00100000')));
  assert.deepEqual(await changes(base, b, { ignoreTags: ['00180050'] }), all.filter((c) => !c.endsWith('00180050')));
  const otherMeta = await diffDicom(await openBytes(written(base)), await openBytes(written(base, 'implicitLittle')), { ignorePrivate: true });
  assert.deepEqual(otherMeta.entries.map((e) => e.path), ['00020000', '00020010'], 'only the transfer syntax (and so the meta group length) differs');
  const noMeta = await diffDicom(await openBytes(written(base)), await openBytes(written(base, 'implicitLittle')), { ignorePrivate: true, ignoreMeta: true });
  assert.deepEqual(noMeta.entries, []);
});

test('pixel data that differs is compared decoded: how many samples differ and by how much', async () => {
  const pixels = Array.from({ length: 16 }, (_, i) => i * 100);
  pixels[5] += 7;
  pixels[9] -= 3;
  const result = await diffOf(written(base), written(edit(base, { set: { tag: 0x7fe00010, vr: 'OW', value: pixels } })));
  assert.equal(result.entries.length, 1);
  assert.deepEqual(result.entries[0].pixels, { sameBytes: false, decoded: { frames: 1, samples: 16, differingSamples: 2, maxDifference: 7 } });
});
