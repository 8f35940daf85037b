/**
 * An element whose value is decoded when it is first asked for, as pydicom's RawDataElement:
 * the reader records where the value lies and with what it is to be decoded, and nothing more.
 * A folder export of ten columns or a sort then decodes ten values per file instead of a hundred.
 *
 * It reads like any `DicomElement` (reading `value`, `vm`, `personNames`, `bulk` or `uidName`
 * decodes the value once and keeps it), so code that reads elements needs no change. Until then the value
 * field holds the `DeferredSource` of the data set it was read in, shared by all its elements,
 * so a lazy element is no bigger than an eager one. The bytes it points into must not change
 * while it lives: every `FileAccess` returns fresh buffers, and the element keeps the buffer of
 * its read alive until it is decoded.
 */
import type { DicomElement } from '../model';
import { decodeValue, type DecodedValue } from './decodeValue';
import { ParsedElement } from './parsedElement';

/** Where the values of one data set lie and how to decode them. */
export class DeferredSource {
  constructor(
    /** The bytes the values lie in; `bytes[0]` is file offset `base`. */
    readonly bytes: Uint8Array,
    readonly base: number,
    readonly littleEndian: boolean,
    /** The Specific Character Set in force where the values were read. */
    readonly characterSet: string | undefined,
  ) {}
}

export class LazyElement extends ParsedElement {
  /**
   * Leaves the value (`length` bytes at `valueOffset`, in `source`) to be decoded as
   * `decodedVr ?? vr` when first read.
   */
  defer(source: DeferredSource): void {
    this.storedValue = source;
  }

  /** The value decoded from `source` (whose bytes must still be there). */
  private decodeFrom(source: DeferredSource): DecodedValue {
    const start = this.valueOffset - source.base;
    const bytes = source.bytes.subarray(start, start + (this.length ?? 0));
    return decodeValue(bytes, this.decodedVr ?? this.vr, source.littleEndian, source.characterSet);
  }

  protected override decoded(): unknown {
    const source = this.storedValue;
    if (!(source instanceof DeferredSource)) return source;
    const decoded = this.decodeFrom(source);
    this.storedValue = decoded.value;
    if (decoded.bulk) this.bulk = decoded.bulk;
    this.vm = decoded.vm;
    return this.storedValue;
  }

  /**
   * The value decoded afresh and not kept: for a writer that visits every value of a file once
   * (the DICOM JSON or XML of millions of values), so the model does not grow by every value it
   * writes. An element already decoded (or whose value was set) gives what it holds.
   */
  uncachedValue(): StoredValue {
    const source = this.storedValue;
    if (source instanceof DeferredSource) return this.decodeFrom(source);
    return { value: this.value, vm: this.vm, personNames: this.personNames, bulk: this.bulk };
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
