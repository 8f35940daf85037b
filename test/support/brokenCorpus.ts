/**
 * Real files made wrong the way careless writers do: seeded edits of the corpus's native
 * (uncompressed, not deflated) files that remove attributes, empty them, and give values their
 * VR does not allow. Every variant is a pure function of (file, seed).
 */
import type { DicomElement, DicomFile } from '../../src/core/model';
import { editAttributes, type AttributeEdit } from './editAttributes';
import { prng } from './mutate';

/** A value each VR forbids, as a writer with a bug would put it. */
const BROKEN_VALUES: Readonly<Record<string, string>> = {
  AS: '12Y', CS: 'not-a-code', DA: '20241399', DS: '1,5', DT: '2024130', IS: '1A', SH: 'X'.repeat(17),
  LO: 'X'.repeat(65), TM: '256000', UI: '1.2.0123.4', PN: 'A=B=C=D',
};

/** Top-level attributes fit to edit: not the meta group, SOP Class, character set, pixel data,
 * group lengths or private elements, and with a defined length. */
function editable(element: DicomElement): boolean {
  return element.length !== null && element.group % 2 === 0 && element.element !== 0
    && !['00080016', '00080005', '7FE00010'].includes(element.tag) && element.items === undefined;
}

export interface BrokenVariant {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly edits: readonly AttributeEdit[];
}

export function brokenVariant(name: string, bytes: Uint8Array, file: DicomFile, seed: number): BrokenVariant {
  const random = prng(seed);
  const pool = file.dataSet.filter(editable);
  const take = (from: DicomElement[]): DicomElement | undefined => from.splice(Math.floor(random() * from.length), 1)[0];
  const edits: AttributeEdit[] = [];
  for (let i = 0; i < 3; i++) {
    const element = take(pool);
    if (element) edits.push({ kind: 'remove', tag: element.tag });
  }
  for (let i = 0; i < 2; i++) {
    const element = take(pool);
    if (element) edits.push({ kind: 'empty', tag: element.tag });
  }
  const breakable = pool.filter((element) => element.vr in BROKEN_VALUES);
  for (let i = 0; i < 3; i++) {
    const element = take(breakable);
    if (element) edits.push({ kind: 'set', tag: element.tag, text: BROKEN_VALUES[element.vr] });
  }
  return { name: `${name}#${seed}`, bytes: editAttributes(bytes, file, edits), edits };
}
