/**
 * The element model: every node knows where it came from in the file.
 * Offsets are byte positions in the file, except after the file meta group of a deflated
 * file, where they are positions in the inflated stream (see `DicomFile.deflated`).
 */

export type Severity = 'error' | 'warning' | 'info';

/** Codes of the problems the reader finds while it reads; checks (src/core/checks) add their own. */
export type ReadIssueCode =
  | 'not-dicom' | 'raw-data-set' | 'no-preamble' | 'missing-transfer-syntax' | 'unknown-transfer-syntax'
  | 'vr-encoding-mismatch' | 'deflate-corrupt' | 'deflate-too-large' | 'deflated-offsets'
  | 'invalid-vr' | 'unexpected-end-of-file' | 'truncated-element-header' | 'value-past-end-of-file'
  | 'odd-length' | 'value-invalid-for-vr' | 'duplicate-tag' | 'tag-out-of-order'
  | 'undefined-length-not-sq' | 'delimiter-nonzero-length' | 'delimiter-in-defined-length' | 'stray-delimiter'
  | 'unexpected-item' | 'expected-item' | 'no-item-delimiter' | 'no-sequence-delimiter'
  | 'element-overruns-container' | 'item-past-end' | 'nesting-too-deep' | 'too-many-nodes' | 'too-many-values'
  | 'fragment-undefined-length' | 'fragment-past-end' | 'pixel-data-too-short'
  | 'meta-group-length-mismatch' | 'bits-allocated-unsupported' | 'samples-per-pixel-zero'
  | 'number-of-frames-invalid' | 'window-width-invalid'
  | 'reading-stopped' | 'internal-error'
  | 'csa-truncated' | 'csa-invalid' | 'csa-not-decoded';

/** Every issue code; a string so that checks can add codes without touching the model. */
export type IssueCode = ReadIssueCode | (string & {});

/**
 * A problem found in a file, by the reader or by a check. `code` is stable (kebab-case) and
 * is what programs match on; `message` is for people and may change.
 */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Byte offset the problem was found at, or null when it has no single position. */
  readonly offset: number | null;
  /** One past the last byte the problem concerns, when it concerns a range. */
  readonly end?: number;
  /** Path of the node concerned, with tags and items from 0: "00081115[0].00081150". */
  readonly path?: string;
  /** Tag of the element concerned ("GGGGEEEE"). */
  readonly tag?: string;
  readonly keyword?: string;
  readonly message: string;
}

/** A person name as the standard splits it: up to three groups of five components. */
export interface PersonNameComponents {
  readonly familyName: string;
  readonly givenName: string;
  readonly middleName: string;
  readonly namePrefix: string;
  readonly nameSuffix: string;
}

export interface PersonName {
  readonly alphabetic: PersonNameComponents | null;
  readonly ideographic: PersonNameComponents | null;
  readonly phonetic: PersonNameComponents | null;
}

/** Bulk binary values are summarised, never copied whole into the model. */
export interface BulkSummary {
  readonly size: number;
  /** The first bytes as lowercase hex pairs separated by spaces. */
  readonly head: string;
}

export type ElementValue = string | number | bigint | ReadonlyArray<string | number | bigint> | null;

export interface DicomItem {
  /** First byte of the item tag (FFFE,E000). */
  readonly offset: number;
  /** First byte of the item's contents. */
  readonly valueOffset: number;
  /** Declared length, or null when undefined (0xFFFFFFFF). */
  readonly length: number | null;
  readonly elements: DicomElement[];
  /** First byte of the Item Delimitation Item (FFFE,E00D), when the item has one. */
  readonly delimiterOffset: number | null;
  /** Offset one past the item's last byte (after its delimiter when it has one). */
  readonly end: number;
}

export interface Fragment {
  /** First byte of the item tag (FFFE,E000) that carries the fragment. */
  readonly offset: number;
  readonly valueOffset: number;
  readonly length: number;
  /** Offset one past the fragment's last byte. */
  readonly end: number;
}

/** One element of a Siemens CSA header, as gdcmdump --csa lists them. */
export interface CsaElement {
  /** First byte of the element's 84-byte header in the file. */
  readonly offset: number;
  /** One past the element's last item. */
  readonly end: number;
  readonly name: string;
  readonly vr: string;
  /** As declared; 0 means as many values as there are items. */
  readonly vm: number;
  /** Siemens' own type code (6 for IS, 3 for DS, ...). */
  readonly syngoDt: number;
  /** Items as declared, empty ones included. */
  readonly itemCount: number;
  /** The non-empty items: text up to the first NUL, trailing spaces removed. */
  readonly values: readonly string[];
}

/**
 * A decoded Siemens CSA header: (0029,xx10) CSA Image Header Info or (0029,xx20) CSA Series
 * Header Info of private creator "SIEMENS CSA HEADER". "SV10" is the current layout; "CSA1" the
 * older one without a signature.
 */
export interface CsaHeader {
  readonly format: 'SV10' | 'CSA1';
  readonly elements: readonly CsaElement[];
}

export interface DicomElement {
  /** Eight upper-case hex digits, group then element: "00080016". */
  readonly tag: string;
  readonly group: number;
  readonly element: number;
  readonly keyword: string | null;
  readonly name: string | null;
  /** The VR read from the file (explicit) or from the dictionary (implicit); "UN" if unknown. */
  readonly vr: string;
  /** True when the VR came from the file's bytes rather than the dictionary. */
  readonly explicitVr: boolean;
  /**
   * The VR the value was decoded with when it is not `vr`: a UN element whose tag the
   * dictionary knows is decoded with the dictionary's VR (as pydicom and `dcmdump +uc` do), and
   * an undefined-length UN as a sequence ("SQ"); `vr` stays "UN", as the file says.
   */
  readonly decodedVr?: string;
  /** Number of values actually present. */
  readonly vm: number;
  /** First byte of the tag. */
  readonly offset: number;
  /** First byte of the value. */
  readonly valueOffset: number;
  /** Declared value length, or null when undefined (0xFFFFFFFF). */
  readonly length: number | null;
  /** Offset one past the element's last byte (after any sequence delimiter). */
  readonly end: number;
  /** Decoded value: strings for text VRs, numbers for binary numbers, arrays when VM > 1. */
  readonly value: ElementValue;
  /** Registry name for UI values that name a transfer syntax, SOP class or other UID. */
  readonly uidName?: string;
  /** Components of person names (VR PN), one entry per value. */
  readonly personNames?: readonly PersonName[];
  /** Summary of bulk binary values (OB, OW, OF, OD, OL, OV, UN and pixel data). */
  readonly bulk?: BulkSummary;
  /** Private creator that reserved this private element's block, when known. */
  readonly privateCreator?: string;
  /** Decoded Siemens CSA header, for (0029,xx10) and (0029,xx20) of SIEMENS CSA HEADER. */
  readonly csa?: CsaHeader;
  readonly retired?: boolean;
  /** Sequence items (VR SQ, or UN holding an undefined-length sequence). */
  readonly items?: DicomItem[];
  /** First byte of the Sequence Delimitation Item (FFFE,E0DD) of an undefined-length sequence. */
  readonly sequenceDelimiterOffset?: number | null;
  /** Encapsulated pixel data: the Basic Offset Table item (first item) and the fragments after it. */
  readonly basicOffsetTable?: { readonly item: Fragment; readonly offsets: readonly number[] };
  readonly fragments?: Fragment[];
}

export interface TransferSyntaxInfo {
  readonly uid: string;
  readonly name: string;
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
  readonly deflated: boolean;
  readonly encapsulated: boolean;
  /** False for a UID this reader does not know; it is then read as explicit little endian. */
  readonly known: boolean;
}

export interface ByteSpan {
  readonly offset: number;
  readonly length: number;
}

export interface DicomFile {
  readonly size: number;
  readonly preamble: ByteSpan | null;
  readonly prefix: ByteSpan | null;
  /** Offset where the file meta group ends and the data set begins. */
  readonly dataSetOffset: number;
  readonly transferSyntax: TransferSyntaxInfo | null;
  /** True when the data set was deflated; offsets past `dataSetOffset` are then inflated-stream positions. */
  readonly deflated: boolean;
  /** File meta group (0002,xxxx) elements, in file order. */
  readonly meta: DicomElement[];
  /** Data set elements, in file order. */
  readonly dataSet: DicomElement[];
  readonly issues: Issue[];
  /** Specific Character Set terms in force for the data set's top level. */
  readonly characterSet: readonly string[];
  /** True when reading stopped before the pixel data (header-only read). */
  readonly stoppedBeforePixelData: boolean;
  /** Set when reading stopped on request after this top-level tag ("GGGGEEEE"); later elements were not read. */
  readonly stoppedAfterTag?: string;
  /** Set when the bytes are neither a DICOM file nor a raw data set. */
  readonly notDicom?: boolean;
}
