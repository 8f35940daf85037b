/**
 * Text dump lines ↔ byte offsets (what links the VS Code text dump with the DICOM Tags view and
 * the Bytes pane): every element, item, delimiter and fragment the fixture writer says it wrote
 * is found on a line of its own tag at its own offset, and every line's offset is the one it
 * prints.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOfOffset, offsetOfLine } from '../../src/core/dump/dumpLineIndex';
import { formatTextDump, textDumpWithOffsets } from '../../src/core/dump/textDump';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom } from '../../src/core/parse/readDicom';
import { writeDicom, type LayoutElement } from '../fixtures/writer';

const written = writeDicom(
  [
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    {
      tag: 0x00081115,
      vr: 'SQ',
      undefinedLength: true,
      items: [
        { elements: [{ tag: 0x0020000e, vr: 'UI', value: '1.2.3.4' }], undefinedLength: true },
        { elements: [{ tag: 0x00081150, vr: 'UI', value: '1.2.3' }] },
      ],
    },
    { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
    { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, encapsulated: { frames: [[Uint8Array.of(1, 2, 3, 4)], [Uint8Array.of(5, 6)]], basicOffsetTable: true } },
  ],
  { transferSyntax: 'jpegBaseline' },
);

const tagText = (tag: string) => `(${tag.slice(0, 4)},${tag.slice(4)})`;

/** Every place the writer put a line-worthy structure: [offset, the tag its line shows]. */
function writtenPlaces(elements: readonly LayoutElement[]): Array<[number, string]> {
  return elements.flatMap((element): Array<[number, string]> => [
    [element.offset, tagText(element.tag)],
    ...(element.items ?? []).flatMap((item): Array<[number, string]> => [
      [item.offset, '(FFFE,E000)'],
      ...writtenPlaces(item.elements),
      ...(item.delimiterOffset !== null ? [[item.delimiterOffset, '(FFFE,E00D)'] as [number, string]] : []),
    ]),
    ...(element.fragments ?? []).map((fragment): [number, string] => [fragment.offset, '(FFFE,E000)']),
    ...(element.sequenceDelimiterOffset != null ? [[element.sequenceDelimiterOffset, '(FFFE,E0DD)'] as [number, string]] : []),
  ]);
}

test('dump lines: each written element, item, delimiter and fragment has a line at its offset showing its tag', async () => {
  const { file } = await openDicom(memoryFileAccess(written.bytes));
  const dump = textDumpWithOffsets(file);
  const places = writtenPlaces([...written.layout.meta, ...written.layout.dataSet]);
  assert.ok(places.length > 12);
  for (const [offset, tag] of places) {
    const line = lineOfOffset(dump.offsets, offset);
    assert.notEqual(line, null, `no line for ${offset}`);
    assert.equal(offsetOfLine(dump.offsets, line!), offset);
    assert.ok(dump.lines[line!].includes(tag), `${dump.lines[line!]} shows ${tag}`);
  }
  assert.equal(lineOfOffset(dump.offsets, 0), dump.lines.findIndex((line) => line.includes('Preamble')));
});

test('dump lines: every line prints the offset it is linked to, comment lines none; the text is formatTextDump', async () => {
  const { file } = await openDicom(memoryFileAccess(written.bytes));
  const dump = textDumpWithOffsets(file);
  assert.equal(dump.lines.join('\n') + '\n', formatTextDump(file));
  dump.lines.forEach((line, i) => {
    if (line.startsWith('#')) {
      const problemAt = /^# \w+ at 0x([0-9A-F]+)/.exec(line);
      assert.equal(dump.offsets[i], problemAt ? parseInt(problemAt[1], 16) : null, line);
    } else {
      assert.equal(dump.offsets[i], parseInt(line.slice(2, line.indexOf(' ')), 16), line);
    }
  });
});

test('line of an offset no line starts at: the last line before it; none before the first', () => {
  const offsets = [null, 0, 128, null, 132, 150, null, 140];
  assert.equal(lineOfOffset(offsets, 132), 4);
  assert.equal(lineOfOffset(offsets, 145), 7);
  assert.equal(lineOfOffset(offsets, 149), 7);
  assert.equal(lineOfOffset(offsets, 1000), 5);
  assert.equal(lineOfOffset([null, 10], 5), null);
  assert.equal(offsetOfLine(offsets, 3), null);
  assert.equal(offsetOfLine(offsets, 99), null);
});
