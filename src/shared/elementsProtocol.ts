/**
 * Messages between the editor's element list (webview/editor/elements) and its host side
 * (src/extension/elements/elementServer.ts). The list can hold a million nodes, so nothing
 * sends them all as objects: the page gets the tree's shape once as one typed array (the depth
 * of every node in file order) and asks for the text of the rows it shows,
 * a window at a time. Every list has an id; a reply for a list the page no longer shows (the
 * file was re-parsed) is recognised by it. Part of the editor's unions (protocol.ts); every
 * type starts with "elements/". Imported by both sides: no `vscode`, no DOM types.
 */

/** The most rows one request may ask for (a screen is under a hundred). */
export const MAX_ROWS_PER_REQUEST = 1000;
const MAX_QUERY_LENGTH = 256;
const MAX_ID_LENGTH = 512;

/** One row's text, formatted by the host with the presentation module. */
export interface ElementRow {
  /** Node id shared with the DICOM Tags view ("ds/e3/i0/e2"). */
  readonly id: string;
  readonly tag: string;
  readonly vr: string;
  readonly length: string;
  readonly name: string;
  readonly value: string;
  /** Byte ranges: header [offset, valueOffset), contents [valueOffset, end). */
  readonly offset: number;
  readonly valueOffset: number;
  readonly end: number;
  /** True when the position is in the inflated stream of a deflated file. */
  readonly inflated: boolean;
}

// ---------- page -> host ----------

/** Asks for the current list's shape. */
export interface ShapeRequest {
  readonly type: 'elements/shape';
}

/** Asks for the rows at these node indices (file order, as in the shape). */
export interface RowsRequest {
  readonly type: 'elements/rows';
  readonly listId: number;
  readonly indices: readonly number[];
}

/** Asks which nodes match a filter (tag, keyword, name or value). */
export interface FilterRequest {
  readonly type: 'elements/filter';
  readonly listId: number;
  readonly query: string;
}

/** Asks for the index of a node id (or of its nearest listed ancestor). */
export interface FindRequest {
  readonly type: 'elements/find';
  readonly listId: number;
  readonly id: string;
}

/**
 * The list's selection changed: the host keeps it for the copy and export commands and
 * reveals `focus` in the DICOM Tags view. `indices` travel as a Uint32Array's buffer.
 */
export interface SelectNotice {
  readonly type: 'elements/select';
  readonly listId: number;
  readonly indices: ArrayBuffer;
  readonly focus: number;
}

export type ElementsToHostMessage = ShapeRequest | RowsRequest | FilterRequest | FindRequest | SelectNotice;

// ---------- host -> page ----------

export interface ShapeReply {
  readonly type: 'elements/shapeReply';
  readonly listId: number;
  /** Uint16Array: nesting depth of every node in file order, roots at 0 (the page derives the rest). */
  readonly depths: ArrayBuffer;
}

export interface RowsReply {
  readonly type: 'elements/rowsReply';
  readonly listId: number;
  readonly indices: readonly number[];
  readonly rows: readonly ElementRow[];
}

export interface FilterReply {
  readonly type: 'elements/filterReply';
  readonly listId: number;
  readonly query: string;
  /** Uint32Array: indices of the matching nodes, ascending. */
  readonly matches: ArrayBuffer;
}

export interface FindReply {
  readonly type: 'elements/findReply';
  readonly listId: number;
  /** -1 when neither the node nor any ancestor is listed. */
  readonly index: number;
}

export type HostToElementsMessage = ShapeReply | RowsReply | FilterReply | FindReply;

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The message as an ElementsToHostMessage with every field checked, else null (the page is untrusted). */
export function parseElementsMessage(raw: unknown): ElementsToHostMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type === 'elements/shape') return { type: 'elements/shape' };
  if (!isIndex(m.listId)) return null;
  switch (m.type) {
    case 'elements/rows':
      return Array.isArray(m.indices) && m.indices.length <= MAX_ROWS_PER_REQUEST && m.indices.every(isIndex)
        ? { type: 'elements/rows', listId: m.listId, indices: m.indices as number[] }
        : null;
    case 'elements/filter':
      return typeof m.query === 'string' && m.query.length <= MAX_QUERY_LENGTH ? { type: 'elements/filter', listId: m.listId, query: m.query } : null;
    case 'elements/find':
      return typeof m.id === 'string' && m.id.length > 0 && m.id.length <= MAX_ID_LENGTH ? { type: 'elements/find', listId: m.listId, id: m.id } : null;
    case 'elements/select':
      return m.indices instanceof ArrayBuffer && m.indices.byteLength % 4 === 0 && isIndex(m.focus)
        ? { type: 'elements/select', listId: m.listId, indices: m.indices, focus: m.focus }
        : null;
    default:
      return null;
  }
}

/** The message as a HostToElementsMessage when its shape is one (the host is trusted; this keeps stray messages out). */
export function parseHostToElementsMessage(raw: unknown): HostToElementsMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string' || !m.type.startsWith('elements/') || !isIndex(m.listId)) return null;
  switch (m.type) {
    case 'elements/shapeReply':
      return m.depths instanceof ArrayBuffer ? (raw as ShapeReply) : null;
    case 'elements/rowsReply':
      return Array.isArray(m.rows) && Array.isArray(m.indices) ? (raw as RowsReply) : null;
    case 'elements/filterReply':
      return m.matches instanceof ArrayBuffer && typeof m.query === 'string' ? (raw as FilterReply) : null;
    case 'elements/findReply':
      return typeof m.index === 'number' ? (raw as FindReply) : null;
    default:
      return null;
  }
}
