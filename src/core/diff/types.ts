/** What a structural comparison of two DICOM files reports. */

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One side of a difference: where the node is in its file and what it holds. */
export interface DiffSide {
  /** First byte of the element's tag (or of the item tag for items). */
  readonly offset: number;
  readonly vr: string;
  /** Declared length, or null when undefined. */
  readonly length: number | null;
  /** The value as one line of text, as the dump shows it. */
  readonly value: string;
}

/** How two Pixel Data values compare once their bytes differ. */
export interface PixelComparison {
  /** True when the values are byte for byte the same (then no entry is made at all). */
  readonly sameBytes: boolean;
  /** Set when both could be decoded: counts over every frame and sample. */
  readonly decoded?: {
    readonly frames: number;
    readonly samples: number;
    readonly differingSamples: number;
    /** Largest absolute difference of two stored sample values. */
    readonly maxDifference: number;
  };
  /** Why the decoded pixels were not compared (different sizes, unsupported syntax, ...). */
  readonly notCompared?: string;
}

export interface DiffEntry {
  /** Element path with tags and items from 0: "00081115[0].00081150"; items end in "[i]". */
  readonly path: string;
  /** Eight hex digits; "FFFEE000" for an item. */
  readonly tag: string;
  readonly keyword: string | null;
  readonly change: ChangeKind;
  /** The node in the first file (null when added). */
  readonly a: DiffSide | null;
  /** The node in the second file (null when removed). */
  readonly b: DiffSide | null;
  /** What differs for a changed element: "vr", "length", "value", "items". */
  readonly what?: readonly string[];
  readonly pixels?: PixelComparison;
}

export interface DiffOptions {
  /** Tags ("GGGGEEEE") left out at any depth. */
  readonly ignoreTags?: readonly string[];
  /** Leave out elements of VR UI. */
  readonly ignoreUids?: boolean;
  /** Leave out elements of VR DA, DT and TM. */
  readonly ignoreDates?: boolean;
  /** Leave out private elements (odd groups). */
  readonly ignorePrivate?: boolean;
  /** Leave out group length elements (gggg,0000). */
  readonly ignoreGroupLengths?: boolean;
  /** Leave out the file meta group (0002,xxxx). */
  readonly ignoreMeta?: boolean;
  /**
   * How sequence items are paired: by position (default), or by the value of this attribute
   * ("GGGGEEEE") inside each item, so a reordered sequence is not reported as changed.
   */
  readonly itemKey?: string;
  /** Decode and compare Pixel Data when its bytes differ (default true). */
  readonly decodePixels?: boolean;
}

export interface DiffResult {
  /** The differences in path order; empty when they were given to a sink as found (see diffDicom). */
  readonly entries: readonly DiffEntry[];
  /** How many differences there are. */
  readonly differences: number;
  /** Elements compared (after filters), both sides counted once. */
  readonly compared: number;
}

/** Takes each difference as it is found; a promise returned holds the comparison until it settles. */
export type DiffSink = (entry: DiffEntry) => Promise<void> | undefined;
