/**
 * Names and VRs of private elements, keyed by their private creator: the rows generated from
 * pydicom's private dictionary and DCMTK's private.dic (see generated/privateTable.ts for the
 * sources and their licences). A creator's rows are parsed the first time it is looked up.
 */
import { singleVr } from './dataDictionary';
import { PRIVATE_ROWS } from './generated/privateTable';

export interface PrivateEntry {
  readonly name: string;
  /** As the source writes it: "LO", "OB or OW", ... */
  readonly vr: string;
  readonly vm: string;
}

const parsed = new Map<string, ReadonlyMap<string, PrivateEntry> | null>();

function creatorRows(creator: string): ReadonlyMap<string, PrivateEntry> | null {
  let rows = parsed.get(creator);
  if (rows !== undefined) return rows;
  const source = Object.prototype.hasOwnProperty.call(PRIVATE_ROWS, creator) ? PRIVATE_ROWS[creator] : undefined;
  if (source === undefined) {
    rows = null;
  } else {
    const map = new Map<string, PrivateEntry>();
    for (const row of source.split('\n')) {
      const [key, vr, vm, name] = row.split('\t');
      map.set(key, { name, vr, vm });
    }
    rows = map;
  }
  // Creators come from file contents: remember misses only up to a bound.
  if (rows !== null || parsed.size < 4096) parsed.set(creator, rows);
  return rows;
}

/** True when the private dictionary has entries for `creator`. */
export function hasPrivateEntries(creator: string): boolean {
  return creatorRows(creator) !== null;
}

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');

/**
 * The entry of private element (group, element) whose block `creator` reserved. Keys are tried
 * in pydicom's order (datadict.get_private_entry): the exact tag, the element in any block
 * (ggggxxee), then any odd group of a repeating range (ggxxxxee).
 */
export function lookupPrivate(creator: string, group: number, element: number): PrivateEntry | undefined {
  const rows = creatorRows(creator);
  if (rows === null) return undefined;
  const g = hex4(group);
  const e = hex4(element);
  return rows.get(g + e) ?? rows.get(`${g}xx${e.slice(2)}`) ?? rows.get(`${g.slice(0, 2)}xxxx${e.slice(2)}`);
}

/** The VR to read a private value with when the file does not say it, or undefined when unknown. */
export function privateVr(creator: string, group: number, element: number): string | undefined {
  const entry = lookupPrivate(creator, group, element);
  return entry === undefined ? undefined : singleVr(entry.vr);
}
