/**
 * What the dictionaries say about an element (keyword, name, retirement, private creator),
 * made once and shared by every element it is said of, so that an element holds one reference
 * rather than four fields (see ParsedElement).
 */
import { lookupTag, type DictionaryEntry } from '../dictionary/dataDictionary';
import { hasPrivateEntries, lookupPrivate, type PrivateEntry } from '../dictionary/privateDictionary';
import { ElementInfo, NO_INFO, tagString } from '../values/parsedElement';

/** Infos of tags without a private creator, by tag; bounded, since tags come from the file. */
const PUBLIC_INFOS = new Map<number, ElementInfo>();
const MAX_PUBLIC_INFOS = 65536;

/** The info of an element that no private creator reserved, with its dictionary entry. */
export function publicInfo(tag: number): ElementInfo {
  let info = PUBLIC_INFOS.get(tag);
  if (info === undefined) {
    const entry = lookupTag(tag);
    const full = PUBLIC_INFOS.size >= MAX_PUBLIC_INFOS;
    if (entry === undefined && full) return NO_INFO;
    info = new ElementInfo(full ? undefined : tagString(tag), entry?.keyword ?? null, entry?.name ?? null, entry?.retired ?? false, undefined, entry);
    if (!full) PUBLIC_INFOS.set(tag, info);
  }
  return info;
}

/** A block of private elements (gggg,xx00-xxFF) reserved by a Private Creator element (gggg,00xx). */
export class PrivateBlock {
  /** The info of the block's elements that the private dictionary does not know. */
  private readonly unknownInfo: ElementInfo;
  /** False when the private dictionary has nothing for this creator: no element needs looking up. */
  private readonly hasEntries: boolean;
  private readonly knownInfos = new Map<PrivateEntry, ElementInfo>();

  constructor(readonly creator: string) {
    this.unknownInfo = new ElementInfo(undefined, null, null, false, creator, undefined);
    this.hasEntries = hasPrivateEntries(creator);
  }

  /** The private dictionary's entry for element (group, element) of this block, if any. */
  entryOf(group: number, element: number): PrivateEntry | undefined {
    return this.hasEntries ? lookupPrivate(this.creator, group, element) : undefined;
  }

  infoOf(tag: number, privateEntry: PrivateEntry | undefined): ElementInfo {
    // The standard has no public entry for a private tag; should the dictionary have one, it is not shared.
    const entry: DictionaryEntry | undefined = lookupTag(tag);
    if (entry !== undefined) return new ElementInfo(undefined, entry.keyword ?? null, privateEntry?.name ?? entry.name ?? null, entry.retired, this.creator, entry);
    if (privateEntry === undefined) return this.unknownInfo;
    let info = this.knownInfos.get(privateEntry);
    if (info === undefined) {
      info = new ElementInfo(undefined, null, privateEntry.name, false, this.creator, undefined);
      this.knownInfos.set(privateEntry, info);
    }
    return info;
  }
}
