/**
 * The element the reader makes. It reads like any `DicomElement`, but keeps only seven fields
 * of its own, so that a file of millions of elements stays within a small multiple of its size:
 * - the tag as one number: `group` and `element` are derived from it when read, and so is
 *   `tag` for private elements (a tag string of its own would cost an element 32 bytes or more,
 *   and private tags rarely repeat);
 * - an `ElementInfo` shared by every element of the same public tag or private block (`tag`
 *   of public elements, `keyword`, `name`, `retired`, `privateCreator`);
 * - a `HeaderKind` shared by every element with the same VR and header (`vr`, `explicitVr`, and
 *   the header length that gives `valueOffset`);
 * - `offset`, `length`, `end` and the value (the VM is derived from the value and items).
 * All seven are set in the constructor, so every element has one shape with its fields in the
 * object itself, and decoding adds none (a bulk summary shares the value's field, person names
 * and UID names are derived when read). What only some elements have (items, fragments, CSA
 * header, decoded VR) is added by the reader where it applies.
 *
 * The derived fields are getters on the prototype, so a spread (`{...element}`), a structured
 * clone or `Object.keys` does not see them: use `toJSON()` or `plainElements` for a plain copy.
 */
import type { DictionaryEntry } from '../dictionary/dataDictionary';
import type { BulkSummary, DicomElement, ElementValue, PersonName } from '../model';
import { parsePersonName } from './personName';
import { uidName } from './uidNames';

/** What the dictionaries say about an element, shared by all elements they say it of. */
export class ElementInfo {
  constructor(
    /** The tag string, when every element sharing this info has the same tag. */
    readonly tag: string | undefined,
    readonly keyword: string | null,
    readonly name: string | null,
    readonly retired: boolean,
    readonly privateCreator: string | undefined,
    /** The public dictionary's entry for the tag. */
    readonly entry: DictionaryEntry | undefined,
  ) {}
}

export const NO_INFO = new ElementInfo(undefined, null, null, false, undefined, undefined);

/** The VR of an element and how its header was written, shared by all elements written alike. */
export class HeaderKind {
  constructor(
    readonly vr: string,
    readonly explicitVr: boolean,
    /** Size of tag + VR + length fields: 8, or 12 for explicit VRs with a 32-bit length. */
    readonly headerLength: number,
  ) {}
}

/** Four upper-case hex digits for each 16-bit number, made when first needed. */
const HEX4: string[] = [];

function hex4(value: number): string {
  return (HEX4[value] ??= value.toString(16).toUpperCase().padStart(4, '0'));
}

/** "GGGGEEEE" for a tag number. */
export function tagString(tag: number): string {
  return hex4(tag >>> 16) + hex4(tag & 0xffff);
}

/** A bulk summary is the only object other than an array that the value field holds. */
function isBulk(stored: unknown): stored is BulkSummary {
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored);
}

export class ParsedElement implements DicomElement {
  /** group << 16 | element, as a signed 32-bit number so that it stays a small integer in V8. */
  private readonly tagBits: number;
  private readonly info: ElementInfo;
  private readonly kind: HeaderKind;
  readonly offset: number;
  readonly length: number | null;
  end: number;
  /**
   * The value, or the bulk summary of a bulk value (whose value is null): one field for both,
   * so that decoding adds no property to the element (see the class comment).
   */
  protected storedValue: unknown;
  /** The bulk summary of a value that also has one (numbers past the first thousand): rare. */
  declare private bulkBesideValue?: BulkSummary;
  /** The VM when it is not the one the value and items give (see vmOf): as rare. */
  declare private vmBesideValue?: number;
  declare readonly decodedVr?: string;

  constructor(tag: number, info: ElementInfo, kind: HeaderKind, offset: number, length: number | null) {
    this.tagBits = tag | 0;
    this.info = info;
    this.kind = kind;
    this.offset = offset;
    this.length = length;
    this.end = offset + kind.headerLength;
    this.storedValue = null;
  }

  /** Kept by the shared info for public tags; made when read for private ones, which rarely repeat. */
  get tag(): string {
    return this.info.tag ?? tagString(this.tagBits >>> 0);
  }

  get group(): number {
    return this.tagBits >>> 16;
  }

  get element(): number {
    return this.tagBits & 0xffff;
  }

  get keyword(): string | null {
    return this.info.keyword;
  }

  get name(): string | null {
    return this.info.name;
  }

  get retired(): boolean | undefined {
    return this.info.retired ? true : undefined;
  }

  get privateCreator(): string | undefined {
    return this.info.privateCreator;
  }

  get vr(): string {
    return this.kind.vr;
  }

  get explicitVr(): boolean {
    return this.kind.explicitVr;
  }

  get valueOffset(): number {
    return this.offset + this.kind.headerLength;
  }

  /** The value field once decoded (a lazy element decodes here). */
  protected decoded(): unknown {
    return this.storedValue;
  }

  get value(): ElementValue {
    const stored = this.decoded();
    return isBulk(stored) ? null : (stored as ElementValue);
  }

  set value(value: ElementValue) {
    this.storedValue = value;
  }

  /**
   * The VM the stored value implies: values in an array, none for null or "" (unless the
   * element has items: one per item), else one (a string, a number, a bulk value).
   */
  private vmOf(stored: unknown): number {
    if (stored === null) return (this as DicomElement).items?.length ?? 0;
    if (Array.isArray(stored)) return stored.length;
    return stored === '' ? 0 : 1;
  }

  get vm(): number {
    const stored = this.decoded();
    return this.vmBesideValue ?? this.vmOf(stored);
  }

  /** Kept only when the value does not imply it: set it after the value and the bulk summary. */
  set vm(vm: number) {
    if (this.vmBesideValue !== undefined || vm !== this.vmOf(this.storedValue)) this.vmBesideValue = vm;
  }

  get bulk(): BulkSummary | undefined {
    const stored = this.decoded();
    return isBulk(stored) ? stored : this.bulkBesideValue;
  }

  set bulk(bulk: BulkSummary | undefined) {
    if (this.storedValue === null || isBulk(this.storedValue)) this.storedValue = bulk ?? null;
    else this.bulkBesideValue = bulk;
  }

  /** Parsed when read rather than stored: few readers want them. */
  get personNames(): readonly PersonName[] | undefined {
    if ((this.decodedVr ?? this.vr) !== 'PN') return undefined;
    const value = this.value;
    if (value === null) return undefined;
    return (Array.isArray(value) ? value : [value]).map((text) => parsePersonName(String(text)));
  }

  /** Looked up when read rather than stored: few readers want it. */
  get uidName(): string | undefined {
    const value = this.value;
    if ((this.decodedVr ?? this.vr) !== 'UI' || typeof value !== 'string') return undefined;
    return uidName(value) || undefined;
  }

  /**
   * The element as a plain object with the fields it has: JSON (and a structured clone of
   * this result) would otherwise miss the fields behind the getters.
   */
  toJSON(): DicomElement {
    // The structural fields (items, fragments, ...) are set by the reader through the
    // DicomElement view, as on any element.
    const self: DicomElement = this;
    const plain: Record<string, unknown> = {
      tag: this.tag, group: this.group, element: this.element, keyword: this.keyword, name: this.name,
      vr: this.vr, explicitVr: this.explicitVr, vm: this.vm, offset: this.offset, valueOffset: this.valueOffset,
      length: this.length, end: this.end, value: this.value,
    };
    const optional: Record<string, unknown> = {
      retired: this.retired, privateCreator: this.privateCreator, decodedVr: this.decodedVr, personNames: this.personNames,
      bulk: this.bulk, uidName: this.uidName, csa: self.csa, items: self.items, sequenceDelimiterOffset: self.sequenceDelimiterOffset,
      basicOffsetTable: self.basicOffsetTable, fragments: self.fragments,
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) plain[key] = value;
    return plain as unknown as DicomElement;
  }
}
