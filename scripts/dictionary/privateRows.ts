// Rows of the private dictionaries: pydicom's `_private_dict.py` (MIT; its data come from GDCM's
// private dictionary, BSD) first, then DCMTK's `private.dic` (BSD) for the creators and elements
// pydicom lacks. pydicom is the reference the readers compare with, so where both
// know an element pydicom's name and VR win.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { HTML_ENTITY } from './standardRows';

/** Creator -> rows "KEY\tVR\tVM\tName", KEY as pydicom writes it: ggggxxee, ggxxxxee or ggggeeee. */
export type PrivateTable = Map<string, Map<string, string>>;

export interface PrivateRowsResult {
  readonly table: PrivateTable;
  readonly fromPydicom: number;
  readonly fromDcmtk: number;
  /** Entries whose key can never match a tag (pydicom writes a few as "001910xx"). */
  readonly unreachable: string[];
}

const PYDICOM_DUMP = `
import json
from pydicom._private_dict import private_dictionaries
print(json.dumps(private_dictionaries))
`;

/** Keys the lookup tries, in pydicom's order (datadict.get_private_entry). */
const REACHABLE_KEY = /^([0-9a-f]{4}[0-9a-f]{4}|[0-9a-f]{4}xx[0-9a-f]{2}|[0-9a-f]{2}xxxx[0-9a-f]{2})$/;

/** VRs as the reader names them: pydicom writes "OB_OW", DCMTK "ox" (OB or OW) and "px" (pixel data). */
function normaliseVr(vr: string): string {
  if (vr === 'OB_OW' || vr === 'ox' || vr === 'px') return 'OB or OW';
  if (!/^[A-Z]{2}$/.test(vr)) throw new Error(`unexpected private VR ${vr}`);
  return vr;
}

function add(table: PrivateTable, creator: string, key: string, vr: string, vm: string, name: string): void {
  for (const field of [creator, name, vm]) {
    if (/[\t\n]/.test(field)) throw new Error(`a field of ${creator} ${key} holds a tab or a line break`);
    if (HTML_ENTITY.test(field)) throw new Error(`${creator} ${key} holds an HTML entity: ${field}`);
  }
  let rows = table.get(creator);
  if (!rows) {
    rows = new Map();
    table.set(creator, rows);
  }
  rows.set(key, [key, normaliseVr(vr), vm, name].join('\t'));
}

function pydicomRows(python: string, table: PrivateTable, unreachable: string[]): number {
  const dump = JSON.parse(execFileSync(python, ['-c', PYDICOM_DUMP], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<
    string,
    Record<string, [vr: string, vm: string, name: string, retired: string]>
  >;
  let count = 0;
  for (const [creator, entries] of Object.entries(dump)) {
    for (const [rawKey, [vr, vm, name]] of Object.entries(entries)) {
      const key = rawKey.toLowerCase();
      if (!REACHABLE_KEY.test(key)) {
        unreachable.push(`${creator} ${rawKey}`);
        continue;
      }
      add(table, creator, key, vr, vm, name);
      count++;
    }
  }
  return count;
}

// (gggg,"CREATOR",ee), (gggg,"CREATOR",eeee) and (gg01-o-ggff,"CREATOR",ee) of private.dic.
const DCMTK_TAG = /^\(([0-9a-f]{4})(?:-o-([0-9a-f]{4}))?,"([^"]*)",([0-9a-f]{2}|[0-9a-f]{4})\)$/i;

/** DCMTK's key in pydicom's form, or null for a group range that is not a whole ggxx block. */
function dcmtkKey(group: string, groupEnd: string | undefined, element: string): string | null {
  const g = group.toLowerCase();
  const e = element.toLowerCase();
  if (groupEnd !== undefined) {
    const end = groupEnd.toLowerCase();
    if (g.slice(2) !== '01' || end.slice(2) !== 'ff' || g.slice(0, 2) !== end.slice(0, 2) || e.length !== 2) return null;
    return `${g.slice(0, 2)}xxxx${e}`;
  }
  return e.length === 4 ? g + e : `${g}xx${e}`;
}

/** True when some tag matches both keys ("0019xx00" and "00191000" do): x matches any digit. */
function overlaps(a: string, b: string): boolean {
  for (let i = 0; i < 8; i++) {
    if (a[i] !== b[i] && a[i] !== 'x' && b[i] !== 'x') return false;
  }
  return true;
}

function dcmtkRows(privateDic: string, table: PrivateTable, unreachable: string[]): number {
  let count = 0;
  for (const line of fs.readFileSync(privateDic, 'latin1').split('\n')) {
    if (!line.startsWith('(')) continue;
    const [tagText, vr, name, vm] = line.split('\t');
    const match = DCMTK_TAG.exec(tagText);
    if (!match) throw new Error(`unexpected line in ${privateDic}: ${line}`);
    const [, group, groupEnd, creator, element] = match;
    const key = dcmtkKey(group, groupEnd, element);
    if (key === null) {
      unreachable.push(`${creator} ${tagText}`);
      continue;
    }
    // DCMTK fills gaps only: a row that could name a tag pydicom already names would shadow it.
    const known = table.get(creator);
    if (known && [...known.keys()].some((other) => overlaps(other, key))) continue;
    add(table, creator, key, vr, vm.trim(), name.trim());
    count++;
  }
  return count;
}

export function privateRows(python: string, privateDic: string): PrivateRowsResult {
  const table: PrivateTable = new Map();
  const unreachable: string[] = [];
  const fromPydicom = pydicomRows(python, table, unreachable);
  const fromDcmtk = dcmtkRows(privateDic, table, unreachable);
  return { table, fromPydicom, fromDcmtk, unreachable };
}
