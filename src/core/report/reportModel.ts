/**
 * The content tree of a structured report (any SR IOD, Key Object Selection, SR-based
 * templates) as PS3.3 C.17.3 defines it: each content item with its relationship to its parent,
 * value type, concept name and value, linked back to the sequence item it was read from.
 */
import type { Issue } from '../model';

/** A code triplet (Code Value or Long/URN Code Value, Coding Scheme Designator, Code Meaning). */
export interface CodedConcept {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
  readonly schemeVersion?: string;
}

export interface SopReference {
  readonly sopClassUid: string;
  readonly sopClassName?: string;
  readonly sopInstanceUid: string;
  /** Referenced Frame Number values (IMAGE), or segment numbers, or waveform channels. */
  readonly frames: readonly number[];
}

/** The value of a content item, by value type. */
export type ContentValue =
  | { readonly kind: 'container'; readonly continuity: string | null }
  | { readonly kind: 'text'; readonly text: string | null }
  | { readonly kind: 'code'; readonly code: CodedConcept | null }
  | { readonly kind: 'numeric'; readonly numeric: string | null; readonly unit: CodedConcept | null; readonly qualifier: CodedConcept | null }
  | { readonly kind: 'reference'; readonly reference: SopReference | null }
  | { readonly kind: 'spatial'; readonly graphicType: string | null; readonly points: readonly number[]; readonly frameOfReferenceUid: string | null }
  | { readonly kind: 'temporal'; readonly rangeType: string | null; readonly positions: readonly (number | string)[] }
  | { readonly kind: 'none' };

export interface ContentItem {
  /** Position as PS3.3 numbers content items (from 1 at the root, as by-reference identifiers do): "1.3.2". */
  readonly position: string;
  /** Relationship Type to the parent, lower case as reports print it ("contains"); null at the root. */
  readonly relationship: string | null;
  /** Value Type (CONTAINER, TEXT, CODE, NUM, ...); null for a by-reference item. */
  readonly valueType: string | null;
  readonly concept: CodedConcept | null;
  readonly value: ContentValue;
  /** For a by-reference relationship: the position of the item it points at. */
  readonly referencedPosition?: string;
  readonly observationDateTime?: string;
  /** The sequence item this content item was read from ("" and the data set's range for the root). */
  readonly path: string;
  readonly offset: number;
  readonly end: number;
  readonly children: readonly ContentItem[];
}

export interface VerifyingObserver {
  /** Verification DateTime (DT) as stored. */
  readonly dateTime: string | null;
  readonly name: string | null;
  readonly code: CodedConcept | null;
  readonly organization: string | null;
}

/** The document header: values as stored (DA, TM, PN), null when absent or empty. */
export interface ReportHeader {
  readonly patient: { readonly name: string | null; readonly sex: string | null; readonly birthDate: string | null; readonly id: string | null };
  readonly referringPhysician: string | null;
  readonly study: { readonly description: string | null; readonly id: string | null };
  readonly device: { readonly manufacturer: string | null; readonly model: string | null; readonly serialNumber: string | null };
  readonly preliminaryFlag: string | null;
  readonly completionFlag: string | null;
  readonly completionFlagDescription: string | null;
  readonly verificationFlag: string | null;
  readonly verifyingObservers: readonly VerifyingObserver[];
  /** Number of SOP instances in the Predecessor Documents and Identical Documents sequences. */
  readonly predecessorDocuments: number;
  readonly identicalDocuments: number;
  readonly contentDate: string | null;
  readonly contentTime: string | null;
}

export interface StructuredReport {
  readonly sopClassUid: string | null;
  /** "Comprehensive SR Document", "Key Object Selection Document", ... */
  readonly documentType: string;
  readonly header: ReportHeader;
  readonly root: ContentItem;
  readonly issues: readonly Issue[];
}
