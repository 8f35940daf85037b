/**
 * Pairs of files for comparison tests: a base data set written by the project's writer, and
 * helpers to open written bytes or files the way the CLI and the extension do (header read,
 * bulk values by range), and to modify a file with DCMTK's dcmodify.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom, type OpenedDicom } from '../../src/core/parse/readDicom';
import type { ElementSpec, TransferSyntaxName } from '../fixtures/writer';
import { writeDicom } from '../fixtures/writer';

const sequence = (tag: number, items: ElementSpec[][], undefinedLength = false): ElementSpec => ({
  tag, vr: 'SQ', undefinedLength, items: items.map((elements) => ({ elements, undefinedLength })),
});

/** A small CT-like header with a sequence of two items, a private block and binary values. */
export function baseElements(options: { undefinedLengths?: boolean } = {}): ElementSpec[] {
  return [
    { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 100' },
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5.6' },
    { tag: 0x00080020, vr: 'DA', value: '20240131' },
    { tag: 0x00080030, vr: 'TM', value: '101500' },
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    sequence(0x00081115, [
      [{ tag: 0x00081150, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' }, { tag: 0x00081155, vr: 'UI', value: '1.2.3.100' }],
      [{ tag: 0x00081150, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' }, { tag: 0x00081155, vr: 'UI', value: '1.2.3.200' }],
    ], options.undefinedLengths),
    { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
    { tag: 0x00100020, vr: 'LO', value: 'ID0001' },
    { tag: 0x00180050, vr: 'DS', value: '2.5' },
    { tag: 0x00190010, vr: 'LO', value: 'ACME 1.0' },
    { tag: 0x00191001, vr: 'LO', value: 'private text' },
    { tag: 0x00191002, vr: 'OB', value: new Uint8Array(300).map((_, i) => i & 0xff) },
    { tag: 0x00280010, vr: 'US', value: [4] },
    { tag: 0x00280011, vr: 'US', value: [4] },
    { tag: 0x00280100, vr: 'US', value: [16] },
    { tag: 0x00280101, vr: 'US', value: [12] },
    { tag: 0x00280102, vr: 'US', value: [11] },
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280103, vr: 'US', value: [0] },
    { tag: 0x7fe00010, vr: 'OW', value: Array.from({ length: 16 }, (_, i) => i * 100) },
  ].sort((x, y) => x.tag - y.tag);
}

/** Returns the elements with one replaced (by tag), added or removed, at the top level. */
export function edit(elements: ElementSpec[], change: { set?: ElementSpec; remove?: number }): ElementSpec[] {
  let list = elements.filter((e) => e.tag !== change.remove && e.tag !== change.set?.tag);
  if (change.set) list = [...list, change.set].sort((x, y) => x.tag - y.tag);
  return list;
}

export function written(elements: ElementSpec[], transferSyntax: TransferSyntaxName = 'explicitLittle'): Uint8Array {
  return writeDicom(elements, { transferSyntax, sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUid: '1.2.3.4.5.6' }).bytes;
}

export function openBytes(bytes: Uint8Array): Promise<OpenedDicom> {
  return openDicom(memoryFileAccess(bytes));
}

/** Writes `bytes` to `path`, then runs dcmodify (no backup file) with the given arguments on it. */
export function dcmodify(path: string, bytes: Uint8Array, args: string[]): void {
  writeFileSync(path, bytes);
  execFileSync('dcmodify', ['-nb', ...args, path], { stdio: 'pipe' });
}
