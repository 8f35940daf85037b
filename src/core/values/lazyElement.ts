/**
 * An element whose value is decoded when it is first asked for, as pydicom's RawDataElement:
 * the reader records where the value lies (the bytes it read, the position, the length), the
 * VR to decode it with, the byte order and the character set in force, and nothing more. A
 * folder export of ten columns or a sort then decodes ten values per file instead of a hundred.
 *
 * It reads like any `DicomElement` (`value`, `vm`, `personNames`, `bulk` and `uidName` are
 * getters that decode once and keep the result), so code that reads elements needs no change.
 * The bytes it points into must not change while it lives: every `FileAccess` returns fresh
 * buffers, and the element keeps the buffer of its read alive until it is decoded.
 */
import type { BulkSummary, DicomElement, ElementValue, PersonName } from '../model';
import { decodeValue, type DecodedValue } from './decodeValue';
import { uidName } from './uidNames';

export class LazyElement implements DicomElement {
  /** The bytes the value lies in while it is not decoded yet; null once decoded (or when nothing is to decode). */
  private source: Uint8Array | null = null;
  /** File offset of `source[0]`. */
  private sourceBase = 0;
  private littleEndian = true;
  private characterSet: string | undefined = undefined;
  private decodedValue: ElementValue = null;
  private decodedVm = 0;
  private decodedNames: readonly PersonName[] | undefined = undefined;
  private decodedBulk: BulkSummary | undefined = undefined;
  /** Null for a UID value not looked up in the registry yet (few readers want the name). */
  private decodedUidName: string | undefined | null = undefined;

  constructor(
    readonly tag: string,
    readonly group: number,
    readonly element: number,
    readonly keyword: string | null,
    public name: string | null,
    public vr: string,
    readonly explicitVr: boolean,
    readonly offset: number,
    readonly valueOffset: number,
    readonly length: number | null,
    public end: number,
  ) {}

  /**
   * Records where the value lies: `source` holds the file's bytes from offset `sourceBase`, and
   * the value is `length` bytes at `valueOffset`, to be decoded as `decodedVr ?? vr` with the
   * byte order and Specific Character Set in force where the element was read.
   */
  defer(source: Uint8Array, sourceBase: number, littleEndian: boolean, characterSet: string | undefined): void {
    this.source = source;
    this.sourceBase = sourceBase;
    this.littleEndian = littleEndian;
    this.characterSet = characterSet;
  }

  /** The value decoded from the recorded bytes (which must still be there). */
  private decodeSource(): DecodedValue {
    const start = this.valueOffset - this.sourceBase;
    const bytes = this.source!.subarray(start, start + (this.length ?? 0));
    return decodeValue(bytes, (this as DicomElement).decodedVr ?? this.vr, this.littleEndian, this.characterSet);
  }

  private decode(): void {
    const decoded = this.decodeSource();
    const vr = (this as DicomElement).decodedVr ?? this.vr;
    this.source = null;
    this.decodedValue = decoded.value;
    this.decodedVm = decoded.vm;
    this.decodedNames = decoded.personNames;
    this.decodedBulk = decoded.bulk;
    if (vr === 'UI' && typeof decoded.value === 'string') this.decodedUidName = null;
  }

  /**
   * The value decoded afresh and not kept: for a writer that visits every value of a file once
   * (the DICOM JSON or XML of millions of values), so the model does not grow by every value it
   * writes. An element already decoded (or whose value was set) gives what it holds.
   */
  uncachedValue(): StoredValue {
    if (this.source === null) return { value: this.decodedValue, vm: this.decodedVm, personNames: this.decodedNames, bulk: this.decodedBulk };
    return this.decodeSource();
  }

  get value(): ElementValue {
    if (this.source !== null) this.decode();
    return this.decodedValue;
  }

  set value(value: ElementValue) {
    this.decodedValue = value;
  }

  get vm(): number {
    if (this.source !== null) this.decode();
    return this.decodedVm;
  }

  set vm(vm: number) {
    this.decodedVm = vm;
  }

  get personNames(): readonly PersonName[] | undefined {
    if (this.source !== null) this.decode();
    return this.decodedNames;
  }

  set personNames(names: readonly PersonName[] | undefined) {
    this.decodedNames = names;
  }

  get bulk(): BulkSummary | undefined {
    if (this.source !== null) this.decode();
    return this.decodedBulk;
  }

  set bulk(bulk: BulkSummary | undefined) {
    this.decodedBulk = bulk;
  }

  get uidName(): string | undefined {
    if (this.source !== null) this.decode();
    if (this.decodedUidName === null) this.decodedUidName = uidName(this.decodedValue as string) || undefined;
    return this.decodedUidName;
  }

  set uidName(name: string | undefined) {
    this.decodedUidName = name;
  }

  /**
   * The element as a plain object with the fields an eagerly read element has: JSON (and a
   * structured clone of this result) would otherwise miss the values behind the getters.
   */
  toJSON(): DicomElement {
    // The structural fields (items, fragments, private creator, ...) are set by the reader
    // through the DicomElement view, as on any element.
    const self: DicomElement = this;
    const plain: Record<string, unknown> = {
      tag: this.tag, group: this.group, element: this.element, keyword: this.keyword, name: this.name,
      vr: this.vr, explicitVr: this.explicitVr, vm: this.vm, offset: this.offset, valueOffset: this.valueOffset,
      length: this.length, end: this.end, value: this.value,
    };
    const optional: Record<string, unknown> = {
      retired: self.retired, privateCreator: self.privateCreator, decodedVr: self.decodedVr, personNames: this.personNames,
      bulk: this.bulk, uidName: this.uidName, csa: self.csa, items: self.items, sequenceDelimiterOffset: self.sequenceDelimiterOffset,
      basicOffsetTable: self.basicOffsetTable, fragments: self.fragments,
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) plain[key] = value;
    return plain as unknown as DicomElement;
  }
}

/** The decoded fields of an element's value. */
export type StoredValue = Pick<DicomElement, 'value' | 'vm' | 'personNames' | 'bulk'>;

/**
 * An element's value for a single pass over a file: a lazily read element decodes it without
 * keeping it (see LazyElement.uncachedValue); any other element holds it already.
 */
export function valueWithoutCaching(element: DicomElement): StoredValue {
  return element instanceof LazyElement ? element.uncachedValue() : element;
}
