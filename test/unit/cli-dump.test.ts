import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDicom } from '../fixtures/writer';
import { runCli } from '../support/runCli';

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), 'dicom-inspector-cli-'));
const good = writeDicom([
  { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
  { tag: 0x00081115, vr: 'SQ', undefinedLength: true, items: [{ undefinedLength: true, elements: [{ tag: 0x0020000e, vr: 'UI', value: '1.2.3' }] }] },
  { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
], { transferSyntax: 'explicitLittle' });
const goodPath = join(dir, 'good.dcm');
writeFileSync(goodPath, good.bytes);
const truncatedPath = join(dir, 'truncated.dcm');
writeFileSync(truncatedPath, good.bytes.subarray(0, good.bytes.length - 5));
const textPath = join(dir, 'notes.txt');
writeFileSync(textPath, 'hello, this is not DICOM\n'.repeat(20));

test('dump prints one line per node with hex offsets and exits 0 on a clean file', async () => {
  const { code, stdout } = await run('dump', goodPath);
  assert.equal(code, 0);
  const sopClass = good.layout.dataSet[0];
  assert.match(stdout, new RegExp(`^0x${sopClass.offset.toString(16).toUpperCase().padStart(4, '0')}  \\(0008,0016\\) UI +26  SOPClassUID  1\\.2\\.840\\.10008\\.5\\.1\\.4\\.1\\.1\\.2 \\(CT Image Storage\\)$`, 'm'));
  assert.match(stdout, /^0x0080  Prefix "DICM"$/m);
  assert.match(stdout, /^0x[0-9A-F]+ {4}\(FFFE,E000\) +u\/l  Item 0$/m);
  assert.match(stdout, /^0x[0-9A-F]+ {6}\(0020,000E\) UI/m, 'nested element indented two levels');
  assert.match(stdout, /\(FFFE,E0DD\) +0  SequenceDelimitationItem/);
});

test('dump --json has the documented shape with offsets of nested items', async () => {
  const { code, stdout } = await run('dump', '--json', goodPath);
  assert.equal(code, 0);
  const json = JSON.parse(stdout);
  assert.equal(json.size, good.bytes.length);
  assert.deepEqual(json.preamble, { offset: 0, length: 128 });
  assert.deepEqual(json.prefix, { offset: 128, length: 4 });
  assert.deepEqual(json.transferSyntax, { uid: '1.2.840.10008.1.2.1', name: 'Explicit VR Little Endian' });
  assert.equal(json.deflated, false);
  const sequence = json.elements.find((e: { tag: string }) => e.tag === '00081115');
  const expected = good.layout.dataSet[1];
  assert.equal(sequence.offset, expected.offset);
  assert.equal(sequence.length, null);
  assert.equal(sequence.items[0].offset, expected.items![0].offset);
  assert.equal(sequence.items[0].elements[0].valueOffset, expected.items![0].elements[0].valueOffset);
  assert.equal(json.elements.find((e: { tag: string }) => e.tag === '00100010').value, 'Doe^Jane');
  assert.deepEqual(json.issues, []);
});

test('a truncated file still prints what was read, lists the problem with its offset, exits 1', async () => {
  const { code, stdout } = await run('dump', truncatedPath);
  assert.equal(code, 1);
  assert.match(stdout, /SOPClassUID/);
  assert.match(stdout, /# error at 0x[0-9A-F]+: /);
});

test('not DICOM, unreadable, bad usage: exit 2', async () => {
  assert.equal((await run('dump', textPath)).code, 2);
  assert.equal((await run('dump', join(dir, 'missing.dcm'))).code, 2);
  assert.equal((await run('dump')).code, 2);
  assert.equal((await run('dump', '--bogus', goodPath)).code, 2);
  assert.equal((await run('frobnicate')).code, 2);
});
