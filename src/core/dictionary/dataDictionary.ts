/**
 * Data dictionary lookups: tag -> keyword, name, VR, VM, retired; keyword -> tag.
 *
 * The registry rows come from @iwharris/dicom-data-dictionary, which is generated from the XML
 * of PS3.6 Table 6-1 (its `revision` names the edition), plus the few rows PS3.6 keeps in
 * other tables (fileSetTables.ts). Repeating groups (50xx, 60xx, 7Fxx, 1000,xxx0 ...) are
 * matched by mask. Maps are built on first use so that loading the core stays cheap.
 */
import * as registry from '@iwharris/dicom-data-dictionary';
import { FILE_SET_ROWS } from './fileSetTables';

export interface DictionaryEntry {
  readonly keyword: string;
  readonly name: string;
  /** As the standard writes it, e.g. "US" or "US or SS" or "OB or OW". */
  readonly vr: string;
  readonly vm: string;
  readonly retired: boolean;
}

interface MaskedEntry {
  readonly mask: number;
  readonly value: number;
  readonly entry: DictionaryEntry;
}

let exact: Map<number, DictionaryEntry> | undefined;
let masked: MaskedEntry[] = [];
let byKeyword: Map<string, number> | undefined;

/** The edition of PS3.6 the registry was generated from, e.g. "2019e". */
export const dictionaryEdition: string = registry.revision;

function build(): Map<number, DictionaryEntry> {
  const map = new Map<number, DictionaryEntry>();
  const keywords = new Map<string, number>();
  const repeating: MaskedEntry[] = [];
  for (const raw of Object.values(registry.elements)) {
    const digits = raw.tag.replace(/[(),]/g, '');
    const vr = raw.vr.trim().startsWith('See Note') ? 'NONE' : raw.vr.trim();
    const entry: DictionaryEntry = { keyword: raw.keyword, name: raw.name, vr, vm: raw.vm, retired: raw.isRetired };
    if (/x/i.test(digits)) {
      const mask = parseInt(digits.replace(/[0-9a-f]/gi, 'F').replace(/x/gi, '0'), 16) >>> 0;
      const value = parseInt(digits.replace(/x/gi, '0'), 16) >>> 0;
      repeating.push({ mask, value, entry });
      continue;
    }
    const tag = parseInt(digits, 16) >>> 0;
    map.set(tag, entry);
    if (raw.keyword) keywords.set(raw.keyword, tag);
  }
  for (const row of FILE_SET_ROWS) {
    map.set(row.tag, row);
    keywords.set(row.keyword, row.tag);
  }
  masked = repeating;
  byKeyword = keywords;
  return map;
}

function entries(): Map<number, DictionaryEntry> {
  exact ??= build();
  return exact;
}

const GROUP_LENGTH: DictionaryEntry = { keyword: 'GenericGroupLength', name: 'Group Length', vr: 'UL', vm: '1', retired: false };
const PRIVATE_CREATOR: DictionaryEntry = { keyword: 'PrivateCreator', name: 'Private Creator', vr: 'LO', vm: '1', retired: false };

/** Looks up a public tag, a repeating-group tag, a group length or a private creator element. */
export function lookupTag(tag: number): DictionaryEntry | undefined {
  const found = entries().get(tag >>> 0);
  if (found) return found;
  const group = tag >>> 16;
  const element = tag & 0xffff;
  if (element === 0 && group !== 0xfffe) return GROUP_LENGTH;
  if (group % 2 === 1) {
    return element >= 0x0010 && element <= 0x00ff ? PRIVATE_CREATOR : undefined;
  }
  for (const candidate of masked) {
    if (((tag & candidate.mask) >>> 0) === candidate.value) return candidate.entry;
  }
  return undefined;
}

/** The tag number for a keyword of the registry, or undefined. */
export function tagForKeyword(keyword: string): number | undefined {
  entries();
  return byKeyword!.get(keyword);
}

/**
 * The VR to use when the file does not say (implicit VR): the dictionary's first choice, "UN"
 * when unknown. Ambiguous pixel-related VRs ("US or SS", "OB or OW") resolve as DCMTK does for
 * implicit little endian: US and OW.
 */
export function implicitVr(tag: number): string {
  const entry = lookupTag(tag);
  if (!entry || entry.vr === 'NONE') return 'UN';
  const first = entry.vr.split(' or ')[0].trim();
  if (entry.vr.includes('OW')) return 'OW';
  return first;
}
