import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeValue, MAX_NUMERIC_VALUES } from '../../src/core/values/decodeValue';
import { parsePersonName } from '../../src/core/values/personName';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

test('binary numbers of every VR, both byte orders, multi-valued', () => {
  assert.equal(decodeValue(bytes(0x34, 0x12), 'US', true, undefined).value, 0x1234);
  assert.equal(decodeValue(bytes(0x12, 0x34), 'US', false, undefined).value, 0x1234);
  assert.deepEqual(decodeValue(bytes(0xff, 0xff, 0x01, 0x00), 'SS', true, undefined).value, [-1, 1]);
  assert.equal(decodeValue(bytes(0xfe, 0xff, 0xff, 0xff), 'SL', true, undefined).value, -2);
  assert.equal(decodeValue(bytes(0, 0, 0, 0x80), 'UL', true, undefined).value, 0x80000000);
  assert.equal(decodeValue(bytes(0, 0, 0xc0, 0x3f), 'FL', true, undefined).value, 1.5);
  assert.equal(decodeValue(bytes(0x3f, 0xf8, 0, 0, 0, 0, 0, 0), 'FD', false, undefined).value, 1.5);
  const decoded = decodeValue(bytes(1, 0, 2, 0, 3, 0), 'US', true, undefined);
  assert.deepEqual(decoded.value, [1, 2, 3]);
  assert.equal(decoded.vm, 3);
});

test('64-bit integers stay exact: numbers when safe, decimal strings beyond', () => {
  assert.equal(decodeValue(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 'SV', true, undefined).value, -1);
  assert.equal(decodeValue(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 'UV', true, undefined).value, '18446744073709551615');
});

test('AT values are tag strings in the byte order of the file', () => {
  assert.equal(decodeValue(bytes(0x10, 0x00, 0x10, 0x00), 'AT', true, undefined).value, '00100010');
  assert.deepEqual(decodeValue(bytes(0x00, 0x28, 0x00, 0x10, 0x00, 0x28, 0x00, 0x11), 'AT', false, undefined).value, ['00280010', '00280011']);
});

test('a numeric value whose length does not fit the VR is decoded as far as it goes, with a problem', () => {
  const decoded = decodeValue(bytes(1, 0, 2), 'US', true, undefined);
  assert.equal(decoded.value, 1);
  assert.match(decoded.problem ?? '', /not a multiple of 2/);
});

test('long numeric arrays are cut in the model and summarised', () => {
  const many = new Uint8Array(2 * (MAX_NUMERIC_VALUES + 10));
  const decoded = decodeValue(many, 'US', true, undefined);
  assert.equal((decoded.value as number[]).length, MAX_NUMERIC_VALUES);
  assert.equal(decoded.vm, MAX_NUMERIC_VALUES + 10);
  assert.equal(decoded.bulk?.size, many.length);
});

test('text is split on backslashes and padding is trimmed per VR', () => {
  assert.deepEqual(decodeValue(ascii('ORIGINAL\\PRIMARY '), 'CS', true, undefined).value, ['ORIGINAL', 'PRIMARY']);
  assert.equal(decodeValue(ascii('1.2.840.10008.1.2\0'), 'UI', true, undefined).value, '1.2.840.10008.1.2');
  assert.equal(decodeValue(ascii('  lead kept\\not split '), 'LT', true, undefined).value, '  lead kept\\not split');
  assert.equal(decodeValue(ascii(' 42 '), 'IS', true, undefined).value, '42');
  assert.equal(decodeValue(ascii('  '), 'LO', true, undefined).vm, 0);
});

test('bulk VRs are summarised by size and first bytes', () => {
  const decoded = decodeValue(Uint8Array.from({ length: 40 }, (_, i) => i), 'OB', true, undefined);
  assert.equal(decoded.value, null);
  assert.deepEqual(decoded.bulk, { size: 40, head: '00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f' });
});

test('text in the declared character set, including ISO 2022 escapes (PS3.5 H.3.1)', () => {
  assert.equal(decodeValue(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72), 'PN', true, 'ISO_IR 100').value, 'Müller');
  // Yamada^Tarou=山田^太郎=やまだ^たろう in ISO 2022 IR 87 with escapes.
  const yamada = bytes(
    0x59, 0x61, 0x6d, 0x61, 0x64, 0x61, 0x5e, 0x54, 0x61, 0x72, 0x6f, 0x75, 0x3d,
    0x1b, 0x24, 0x42, 0x3b, 0x33, 0x45, 0x44, 0x1b, 0x28, 0x42, 0x5e, 0x1b, 0x24, 0x42, 0x42, 0x40, 0x4f, 0x3a, 0x1b, 0x28, 0x42, 0x3d,
    0x1b, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5e, 0x24, 0x40, 0x1b, 0x28, 0x42, 0x5e, 0x1b, 0x24, 0x42, 0x24, 0x3f, 0x24, 0x6d, 0x24, 0x26, 0x1b, 0x28, 0x42,
  );
  const decoded = decodeValue(yamada, 'PN', true, '\\ISO 2022 IR 87');
  assert.equal(decoded.value, 'Yamada^Tarou=山田^太郎=やまだ^たろう');
  assert.equal(decoded.personNames?.[0].ideographic?.givenName, '太郎');
});

test('person names split into groups and components', () => {
  const name = parsePersonName('Adams^John Robert Quincy^^Rev.^B.A. M.Div.');
  assert.deepEqual(name.alphabetic, { familyName: 'Adams', givenName: 'John Robert Quincy', middleName: '', namePrefix: 'Rev.', nameSuffix: 'B.A. M.Div.' });
  assert.equal(name.ideographic, null);
  assert.equal(parsePersonName('=Yamada').alphabetic, null);
});
