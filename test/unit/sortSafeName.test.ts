import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanValue, isSafeComponent, safeComponent, shortHash, utf8Length } from '../../src/core/sort/safeName';

test('cleanValue does what the pydicom script does', () => {
  assert.equal(cleanValue('Head CT, w/o [contrast]: 1.5*2;"x"|y\\z'), 'head_ct__w_o__contrast___1_5_2__x__y_z');
});

test('hostile values become harmless single components', () => {
  const cases: [string, string][] = [
    ['../../etc', '___.._etc'],
    ['..', 'NA'],
    ['.', 'NA'],
    ['', 'NA'],
    ['   ', 'NA'],
    ['.bashrc', '_bashrc'],
    ['a/b\\c', 'a_b_c'],
    ["=cmd|'/C calc'!A0", '_cmd___C_calc__A0'],
    ['name. . .', 'name._._'],
    ['trailing   ', 'trailing'],
    ['tab\tnew\nline\0nul', 'tab_new_line_nul'],
    ['C:\\Windows', 'C__Windows'],
    ['\u202Egnp.exe', '_gnp.exe'],
  ];
  for (const [input, expected] of cases) {
    const out = safeComponent(input);
    assert.equal(out, expected, input);
    assert.ok(isSafeComponent(out), out);
  }
});

test('Windows device names are avoided with or without extension, in any case', () => {
  for (const name of ['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'com9', 'LPT1', 'LPT9', 'CON.dcm', 'nul.tar.gz', 'COM¹']) {
    const out = safeComponent(name);
    assert.equal(out, '_' + name, name);
  }
  for (const name of ['CONSOLE', 'COM10', 'LPT', 'icon']) assert.equal(safeComponent(name), name);
});

test('Unicode is normalised to NFC and letters of any script are kept', () => {
  const decomposed = 'Mu\u0308ller'; // u + combining diaeresis
  assert.equal(safeComponent(decomposed), 'M\u00fcller');
  assert.equal(safeComponent('山田^太郎'), '山田_太郎');
});

test('long components are cut with a stable hash and keep the extension', () => {
  const long = 'x'.repeat(500);
  const cut = safeComponent(long);
  assert.ok(utf8Length(cut) <= 120);
  assert.equal(cut, safeComponent(long), 'stable');
  assert.match(cut, /^x+_[0-9a-f]{8}$/);
  assert.notEqual(safeComponent('x'.repeat(499) + 'y'), cut, 'different values stay apart');
  const file = safeComponent('a'.repeat(300) + '.dcm', { isFileName: true });
  assert.match(file, /^a+_[0-9a-f]{8}\.dcm$/);
  const multibyte = safeComponent('é'.repeat(200));
  assert.ok(utf8Length(multibyte) <= 120);
  assert.ok(isSafeComponent(multibyte));
});

test('shortHash is FNV-1a 32', () => {
  assert.equal(shortHash(''), '811c9dc5');
  assert.equal(shortHash('a'), 'e40c292c');
});

test('utf8Length counts like TextEncoder, lone surrogates included', () => {
  const encoder = new TextEncoder();
  for (const s of ['', 'abc', 'é', '山田', '😀x', 'a\u0301', '\ud800', 'x\udc00y', '\ud800a']) {
    assert.equal(utf8Length(s), encoder.encode(s).length, JSON.stringify(s));
  }
});
