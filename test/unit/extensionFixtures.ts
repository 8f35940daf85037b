/**
 * Small DICOM files for the extension's pure modules (tree nodes, paths, lookup, filter),
 * written by the fixture writer and read by the real parser.
 */
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import type { DicomFile } from '../../src/core/model';
import { writeDicom, type WrittenFile } from '../fixtures/writer';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

/** A header with a patient, a two-item sequence, a private block and no pixel data. */
export function sequenceFile(): { written: WrittenFile; file: DicomFile } {
  const written = writeDicom(
    [
      { tag: 0x00080016, vr: 'UI', value: CT_IMAGE_STORAGE },
      { tag: 0x00080060, vr: 'CS', value: 'CT' },
      {
        tag: 0x00081115,
        vr: 'SQ',
        undefinedLength: true,
        items: [
          { elements: [{ tag: 0x0020000e, vr: 'UI', value: '1.2.3.4' }], undefinedLength: true },
          { elements: [{ tag: 0x0020000e, vr: 'UI', value: '1.2.3.5' }, { tag: 0x00081150, vr: 'UI', value: CT_IMAGE_STORAGE }] },
        ],
      },
      { tag: 0x00090010, vr: 'LO', value: 'ACME 1.0' },
      { tag: 0x00091001, vr: 'LO', value: 'secret sauce' },
      { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
      { tag: 0x00100020, vr: 'LO', value: 'PID-42' },
      { tag: 0x00280010, vr: 'US', value: [4] },
      { tag: 0x00280011, vr: 'US', value: [6] },
    ],
    { transferSyntax: 'explicitLittle', sopClassUid: CT_IMAGE_STORAGE },
  );
  return { written, file: parseDicomBytes(written.bytes) };
}

/** An image with encapsulated pixel data: a Basic Offset Table and two fragments in one frame. */
export function encapsulatedFile(): { written: WrittenFile; file: DicomFile } {
  const written = writeDicom(
    [
      { tag: 0x00280010, vr: 'US', value: [2] },
      { tag: 0x00280011, vr: 'US', value: [2] },
      {
        tag: 0x7fe00010,
        vr: 'OB',
        undefinedLength: true,
        encapsulated: { frames: [[Uint8Array.of(1, 2, 3, 4), Uint8Array.of(5, 6)]], basicOffsetTable: true },
      },
    ],
    { transferSyntax: 'rleLossless' },
  );
  return { written, file: parseDicomBytes(written.bytes) };
}
