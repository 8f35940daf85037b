/**
 * The one message protocol between the extension host and the DICOM editor webview.
 * A union per direction (HostToWebviewMessage, WebviewToHostMessage), each message tagged by a
 * string `type`, all members readonly; the frame viewer's messages (viewerProtocol.ts) are part
 * of both unions. Bodies travel in a MessageEndpoint's envelopes, which match requests with
 * their replies. The webview starts with `ready`; the host answers with `document` and keeps
 * sending `document` whenever the file is re-parsed. Binary data travels as ArrayBuffer.
 *
 * This file is imported by both sides, so it must stay free of `vscode` and DOM types.
 */
import { parseBytesMessage, parseHostToBytesMessage, parsePagesWithSelection, type BytesPageMessage, type BytesToHostMessage, type HostToBytesMessage } from './bytesProtocol';
import type { StructuredReport } from '../core/report/reportModel';
import { parseStackMessage, type StackToHostMessage, type StackView } from './stackProtocol';
import { parseElementsMessage, parseHostToElementsMessage, type ElementsToHostMessage, type HostToElementsMessage } from './elementsProtocol';
import { parseHostToViewerMessage, parseViewerMessage, type HostToViewerMessage, type ViewerToHostMessage } from './viewerProtocol';

export type OffsetFormat = 'hex' | 'decimal';

export interface SummaryField {
  readonly label: string;
  readonly value: string;
}

export interface IssueView {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** Byte offset of the problem, or null when it has no single position. */
  readonly offset: number | null;
  readonly message: string;
}

/** Everything the editor page needs to draw one parsed file. */
export interface DocumentView {
  readonly fileName: string;
  readonly fileSize: number;
  readonly summary: readonly SummaryField[];
  readonly issues: readonly IssueView[];
  /** True when reading stopped early (a reader error): the problem list opens by itself to say why. */
  readonly readingStopped?: boolean;
  /** True when the file has a Pixel Data element (the frame viewer is mounted). */
  readonly hasPixelData: boolean;
  /** Rows of the element list (every node of the DICOM Tags tree); their text is asked for by window (elementsProtocol.ts). */
  readonly elementCount: number;
  /** True when positions after the meta group are positions in the inflated stream. */
  readonly deflated: boolean;
  /** Where the data set starts; in a deflated file, where the raw file's compressed bytes start. */
  readonly dataSetOffset: number;
  /** Byte order of the data set (the File Meta Information is always little endian). */
  readonly littleEndian: boolean;
  /** Specific Character Set terms of the data set's top level, for the Bytes pane's text. */
  readonly characterSet: readonly string[];
  readonly offsetFormat: OffsetFormat;
  /** The content tree of a structured report (SR, Key Object Selection), drawn in the Report tab. */
  readonly report?: StructuredReport;
  /** Set when the file could not be read at all (I/O error); the rest is then empty. */
  readonly loadError: string | null;
  /** Set for a series stacked from several files: the page names each frame's instance. */
  readonly stack?: StackView;
}

// ---------- host -> webview ----------

/**
 * How the user last arranged the editor, kept per workspace and given to every new page: the
 * Bytes pane shown or hidden, and the tab in front (image or element list). Unset: defaults.
 */
export interface EditorLayout {
  readonly bytesShown?: boolean;
  readonly tab?: string;
}

export interface DocumentMessage {
  readonly type: 'document';
  readonly document: DocumentView;
  /** In the reply to `ready` only: the layout a new page starts with. */
  readonly layout?: EditorLayout;
}

/**
 * The tag tree's selection changed; the page selects the node's row and highlights its bytes:
 * the header [offset, valueOffset) and the rest [valueOffset, end).
 */
export interface SelectElementMessage {
  readonly type: 'selectElement';
  readonly id: string;
  readonly offset: number;
  readonly valueOffset: number;
  readonly end: number;
  /**
   * True when the tree only followed the element list's own selection: the page already shows
   * it, and a late echo must not move the list back from where the keyboard has gone since.
   */
  readonly fromList?: boolean;
  /** The Bytes pane's pages around `offset`, read with the selection so the pane draws it without asking. */
  readonly pages?: readonly BytesPageMessage[];
}

export type EditorHostMessage = DocumentMessage | SelectElementMessage;

// ---------- webview -> host ----------

export interface ReadyMessage {
  readonly type: 'ready';
}

/** A link in the page (an issue's offset) asks the host to reveal a byte position. */
export interface RevealOffsetMessage {
  readonly type: 'revealOffset';
  readonly offset: number;
}

/** A report's image reference was clicked: the host opens the instance if the workspace has it. */
export interface OpenInstanceMessage {
  readonly type: 'openInstance';
  readonly sopInstanceUid: string;
}

/** The Report tab asks for the report's text form (as `dicom-inspector report` prints it) beside the editor. */
export interface OpenReportTextMessage {
  readonly type: 'openReportText';
}


/** The user changed the layout (toggled the Bytes pane, chose a tab); the host keeps it for the workspace. */
export interface LayoutMessage {
  readonly type: 'layout';
  readonly layout: EditorLayout;
}

export type EditorWebviewMessage = ReadyMessage | RevealOffsetMessage | OpenInstanceMessage | OpenReportTextMessage | LayoutMessage;

export type HostToWebviewMessage = EditorHostMessage | HostToViewerMessage | HostToBytesMessage | HostToElementsMessage;
export type WebviewToHostMessage = EditorWebviewMessage | ViewerToHostMessage | BytesToHostMessage | ElementsToHostMessage | StackToHostMessage;

/** A UID: digits and dots, at most 64 characters (PS3.5 9.1). */
const UID_PATTERN = /^[0-9.]{1,64}$/;

function isSafeOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Validates a message received from the webview. The webview renders untrusted file content,
 * so the host treats everything it sends as untrusted too: unknown shapes are rejected (null).
 */
export function parseEditorWebviewMessage(message: unknown): EditorWebviewMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const candidate = message as Record<string, unknown>;
  switch (candidate.type) {
    case 'ready':
      return { type: 'ready' };
    case 'revealOffset':
      return isSafeOffset(candidate.offset) ? { type: 'revealOffset', offset: candidate.offset } : null;
    case 'openReportText':
      return { type: 'openReportText' };
    case 'openInstance':
      return typeof candidate.sopInstanceUid === 'string' && UID_PATTERN.test(candidate.sopInstanceUid)
        ? { type: 'openInstance', sopInstanceUid: candidate.sopInstanceUid }
        : null;
    case 'layout': {
      const layout = parseLayout(candidate.layout);
      return layout ? { type: 'layout', layout } : null;
    }
    default:
      return null;
  }
}

const MAX_TAB_ID_LENGTH = 32;

/** A layout with only known fields of the right types, or null. */
export function parseLayout(raw: unknown): EditorLayout | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bytesShown, tab } = raw as Record<string, unknown>;
  if (bytesShown !== undefined && typeof bytesShown !== 'boolean') return null;
  if (tab !== undefined && (typeof tab !== 'string' || tab.length === 0 || tab.length > MAX_TAB_ID_LENGTH)) return null;
  return { ...(bytesShown === undefined ? {} : { bytesShown }), ...(tab === undefined ? {} : { tab }) };
}

/** Validates any message from the webview: the editor's own, the frame viewer's, the Bytes pane's or a stack page's. */
export function parseWebviewMessage(message: unknown): WebviewToHostMessage | null {
  return parseEditorWebviewMessage(message) ?? parseViewerMessage(message) ?? parseBytesMessage(message) ?? parseElementsMessage(message) ?? parseStackMessage(message);
}

/** Validates any message from the host (the page checks too: defence in depth is cheap). */
export function parseHostMessage(message: unknown): HostToWebviewMessage | null {
  return parseEditorHostMessage(message) ?? parseHostToViewerMessage(message) ?? parseHostToBytesMessage(message) ?? parseHostToElementsMessage(message);
}

/** Validates a message received from the host (the page checks too: defence in depth is cheap). */
export function parseEditorHostMessage(message: unknown): EditorHostMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const candidate = message as Record<string, unknown>;
  if (candidate.type === 'document' && typeof candidate.document === 'object' && candidate.document !== null) {
    const layout = candidate.layout === undefined ? undefined : parseLayout(candidate.layout) ?? undefined;
    return { type: 'document', document: candidate.document as DocumentView, ...(layout ? { layout } : {}) };
  }
  if (
    candidate.type === 'selectElement' &&
    typeof candidate.id === 'string' &&
    isSafeOffset(candidate.offset) &&
    isSafeOffset(candidate.valueOffset) &&
    isSafeOffset(candidate.end)
  ) {
    const pages = parsePagesWithSelection(candidate.pages);
    if (pages === null) return null;
    const selection = { type: 'selectElement', id: candidate.id, offset: candidate.offset, valueOffset: candidate.valueOffset, end: candidate.end, pages } as const;
    return candidate.fromList === true ? { ...selection, fromList: true } : selection;
  }
  return null;
}
