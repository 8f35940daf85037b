/**
 * The UID registry of DICOM PS3.6 Annex A (Table A-1): transfer syntaxes, SOP classes,
 * well-known instances, coding schemes and the other registered UIDs, with O(1) look-ups.
 * The tables are hand-kept TypeScript (no runtime dependency); see uids-*.ts.
 */
import { TRANSFER_SYNTAXES } from './uids-transfer';
import { RETIRED_STORAGE_SOP_CLASSES, STORAGE_SOP_CLASSES } from './uids-sop';
import { OTHER_UID_GROUPS } from './uids-other';

/** The "UID Type" column of Table A-1, spelled as the standard spells it. */
export type UidType =
  | 'Transfer Syntax'
  | 'SOP Class'
  | 'Meta SOP Class'
  | 'Well-known SOP Instance'
  | 'DICOM UIDs as a Coding Scheme'
  | 'Coding Scheme'
  | 'Application Context Name'
  | 'Service Class'
  | 'Application Hosting Model'
  | 'Mapping Resource'
  | 'Synchronization Frame of Reference'
  | 'Well-known frame of reference'
  | 'LDAP OID';

export interface UidEntry {
  readonly uid: string;
  readonly name: string;
  readonly keyword: string;
  readonly type: UidType;
  readonly retired: boolean;
}

/** The frame decoders, one per family of codestreams. */
export type PixelCodecName = 'native' | 'rle' | 'jpeg-dct' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000' | 'htj2k';

/** Which decoder reads a syntax's Pixel Data, or in words why none does. */
export type PixelCodec = PixelCodecName | { readonly unsupported: string };

export interface TransferSyntaxEntry extends UidEntry {
  readonly type: 'Transfer Syntax';
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
  /** The data set after the file meta group is one deflate stream. */
  readonly deflated: boolean;
  /** Pixel Data is encapsulated (fragments in an item sequence). */
  readonly encapsulated: boolean;
  readonly pixels: PixelCodec;
}

/** A table row: UID, name, and the keyword when `keywordFromName` would not produce it. */
export type UidRow = readonly [uid: string, name: string, keyword?: string];

export interface UidGroup {
  readonly type: UidType;
  readonly retired: boolean;
  readonly rows: readonly UidRow[];
}

/**
 * Most Table A-1 keywords are the name without " SOP Class", with " SOP Instance" shortened to
 * "Instance", FIND/MOVE/GET in title case and punctuation and spaces removed. Deriving them keeps
 * the tables short; rows whose keyword follows another pattern carry it explicitly.
 */
export function keywordFromName(name: string): string {
  return name
    .replace(/ SOP Class/g, '')
    .replace(/ SOP Instance/g, ' Instance')
    .replace(/\b(FIND|MOVE|GET)\b/g, (m) => m[0] + m.slice(1).toLowerCase())
    .replace(/[^A-Za-z0-9]/g, '');
}

/** A row not yet made into its entry: deriving keywords for all thousand rows is most of the cost. */
interface PendingRow {
  readonly row: UidRow;
  readonly group: UidGroup;
}

function buildRegistry(): Map<string, UidEntry | PendingRow> {
  const groups: UidGroup[] = [
    { type: 'SOP Class', retired: false, rows: STORAGE_SOP_CLASSES },
    { type: 'SOP Class', retired: true, rows: RETIRED_STORAGE_SOP_CLASSES },
    ...OTHER_UID_GROUPS,
  ];
  const registry = new Map<string, UidEntry | PendingRow>();
  const add = (uid: string, value: UidEntry | PendingRow): void => {
    // A UID listed twice is a mistake in the tables; fail loudly rather than keep either row.
    if (registry.has(uid)) throw new Error(`UID ${uid} is listed twice in the UID registry`);
    registry.set(uid, value);
  };
  for (const entry of TRANSFER_SYNTAXES) add(entry.uid, entry);
  for (const group of groups) {
    for (const row of group.rows) add(row[0], { row, group });
  }
  return registry;
}

// Built on first look-up, and each entry when first asked for: a header dump names a few UIDs,
// and start-up should not pay for all (see test/bench/startup.ts).
let registry: Map<string, UidEntry | PendingRow> | undefined;

function registeredEntry(uid: string): UidEntry | undefined {
  registry ??= buildRegistry();
  const found = registry.get(uid);
  if (found === undefined || !('row' in found)) return found;
  const [, name, keyword] = found.row;
  const entry: UidEntry = { uid, name, keyword: keyword ?? keywordFromName(name), type: found.group.type, retired: found.group.retired };
  registry.set(uid, entry);
  return entry;
}

const TRANSFER_SYNTAX_BY_UID: ReadonlyMap<string, TransferSyntaxEntry> = new Map(
  TRANSFER_SYNTAXES.map((entry) => [entry.uid, entry]),
);

/**
 * UIDs read from files are often padded to even length with a trailing NUL (or, wrongly, a
 * space); look-ups ignore that padding so callers can pass raw values.
 */
function normalise(uid: string): string {
  const last = uid.charCodeAt(uid.length - 1);
  // Most callers pass values already trimmed: skip the regular expression for them.
  return last === 0 || last === 0x20 ? uid.replace(/[\0 ]+$/, '') : uid;
}

export function lookupUid(uid: string): UidEntry | undefined {
  return registeredEntry(normalise(uid));
}

export function transferSyntax(uid: string): TransferSyntaxEntry | undefined {
  return TRANSFER_SYNTAX_BY_UID.get(normalise(uid));
}

export function isTransferSyntax(uid: string): boolean {
  return TRANSFER_SYNTAX_BY_UID.has(normalise(uid));
}

/** Every registered UID, for listings and for checking the tables. */
export function allUids(): readonly UidEntry[] {
  registry ??= buildRegistry();
  return [...registry.keys()].map((uid) => registeredEntry(uid)!);
}
