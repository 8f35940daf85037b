/**
 * Generated DICOM instances and folder helpers for the sort tests and benchmark.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeDicom } from '../fixtures/writer';
import type { ElementSpec } from '../fixtures/writer';

export interface InstanceSpec {
  readonly patientId?: string;
  readonly studyDate?: string;
  readonly studyDescription?: string;
  readonly seriesDescription?: string;
  readonly modality?: string;
  readonly studyUid?: string;
  readonly seriesUid?: string;
  readonly sopUid: string;
  readonly instanceNumber?: string;
  /** Pixel bytes (rows = 1); different bytes make otherwise equal headers different files. */
  readonly pixels?: Uint8Array;
}

/** A CT Image Storage instance with the attributes the default pattern reads. */
export function instanceBytes(spec: InstanceSpec): Uint8Array {
  const pixels = spec.pixels ?? new Uint8Array(64);
  const text = (tag: number, vr: string, value: string | undefined): ElementSpec[] => (value === undefined ? [] : [{ tag, vr, value }]);
  const elements: ElementSpec[] = [
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: 0x00080018, vr: 'UI', value: spec.sopUid },
    ...text(0x00080020, 'DA', spec.studyDate),
    ...text(0x00080060, 'CS', spec.modality),
    ...text(0x00081030, 'LO', spec.studyDescription),
    ...text(0x0008103e, 'LO', spec.seriesDescription),
    ...text(0x00100020, 'LO', spec.patientId),
    ...text(0x0020000d, 'UI', spec.studyUid),
    ...text(0x0020000e, 'UI', spec.seriesUid),
    ...text(0x00200013, 'IS', spec.instanceNumber),
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: [1] },
    { tag: 0x00280011, vr: 'US', value: [pixels.length / 2] },
    { tag: 0x00280100, vr: 'US', value: [16] },
    { tag: 0x00280101, vr: 'US', value: [16] },
    { tag: 0x00280102, vr: 'US', value: [15] },
    { tag: 0x00280103, vr: 'US', value: [0] },
    { tag: 0x7fe00010, vr: 'OW', value: pixels },
  ];
  return writeDicom(elements, { transferSyntax: 'explicitLittle', sopInstanceUid: spec.sopUid }).bytes;
}

export async function writeFile(root: string, relative: string, bytes: Uint8Array | string): Promise<void> {
  const full = path.join(root, ...relative.split('/'));
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, bytes);
}

/** Relative path (with `/`) -> SHA-256 of every regular file under `root`, plus folder names. */
export async function treeDigest(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string, relative: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        out.set(rel + '/', 'dir');
        await walk(full, rel);
      } else {
        const stat = await fs.lstat(full);
        out.set(rel, `${createHash('sha256').update(await fs.readFile(full)).digest('hex')} ${stat.mode.toString(8)} ${stat.mtimeMs}`);
      }
    }
  };
  await walk(root, '');
  return out;
}

/** SHA-256 -> relative paths, for "is this file's content somewhere in DEST". */
export async function contentIndex(root: string): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  for (const [rel, digest] of await treeDigest(root)) {
    if (digest === 'dir') continue;
    const hash = digest.split(' ')[0];
    index.set(hash, [...(index.get(hash) ?? []), rel]);
  }
  return index;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Study attributes shared by the sort tests' instances. */
export const SORT_BASE = { studyUid: '1.2.3.1', studyDate: '20240101', modality: 'CT', studyDescription: 'Head CT' };

/** A source folder with ordinary, colliding, duplicate, hostile and non-DICOM files. */
export async function makeSortSource(root: string): Promise<{ dicom: Map<string, string> }> {
  const dicom = new Map<string, string>();
  const add = async (rel: string, bytes: Uint8Array) => {
    await writeFile(root, rel, bytes);
    dicom.set(rel, sha256(bytes));
  };
  for (let i = 1; i <= 3; i++) {
    await add(`flat/${i}.dcm`, instanceBytes({ ...SORT_BASE, patientId: 'P1', seriesDescription: 'T1 axial', seriesUid: '1.2.3.1.1', sopUid: `1.2.3.1.1.${i}`, instanceNumber: String(i) }));
  }
  // Same series, same instance number, different instance: a name collision.
  await add('flat/dup-number.dcm', instanceBytes({ ...SORT_BASE, patientId: 'P1', seriesDescription: 'T1 axial', seriesUid: '1.2.3.1.1', sopUid: '1.2.3.1.1.99', instanceNumber: '1' }));
  // Same SOP Instance UID, different bytes.
  await add('other/sop-again.dcm', instanceBytes({ ...SORT_BASE, patientId: 'P1', seriesDescription: 'T1 axial', seriesUid: '1.2.3.1.1', sopUid: '1.2.3.1.1.2', instanceNumber: '2', pixels: new Uint8Array(64).fill(7) }));
  // A byte-identical copy of a file under another name: kept once.
  const twin = instanceBytes({ ...SORT_BASE, patientId: 'P1', seriesDescription: 'T1 axial', seriesUid: '1.2.3.1.1', sopUid: '1.2.3.1.1.3', instanceNumber: '3' });
  await writeFile(root, 'other/copy-of-3.dcm', twin);
  dicom.set('other/copy-of-3.dcm', sha256(twin));
  const hostile = [
    { patientId: '../../etc', seriesDescription: 'passwd' },
    { patientId: 'CON', seriesDescription: 'NUL.txt' },
    { patientId: "=cmd|'/C calc'!A0", seriesDescription: 'a/b\\c' },
    { patientId: '', seriesDescription: '' },
    { patientId: 'P2', seriesDescription: 'x'.repeat(400) },
    { patientId: '..', seriesDescription: '.' },
  ];
  for (const [i, h] of hostile.entries()) {
    await add(`hostile/${i}.dcm`, instanceBytes({ ...SORT_BASE, ...h, seriesUid: `1.2.3.2.${i}`, sopUid: `1.2.3.2.${i}.1`, instanceNumber: '1' }));
  }
  // A file name that a spreadsheet would run as a formula, for the manifest.
  await add("=cmd|'x'!A0.dcm", instanceBytes({ ...SORT_BASE, patientId: 'P2', seriesDescription: 'S', seriesUid: '1.2.3.3', sopUid: '1.2.3.3.1', instanceNumber: '1' }));
  await writeFile(root, 'notes.txt', 'not a DICOM file\n');
  await writeFile(root, 'empty', '');
  await writeFile(root, 'flat/picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(300)]));
  return { dicom };
}
