/**
 * Messages between the Bytes pane (webview/editor/bytes) and its host side
 * (src/extension/bytes/bytesServer.ts). They are part of the editor's unions (protocol.ts) and
 * travel through its MessageEndpoint, which matches a page request with its reply; every type
 * starts with "bytes/". Imported by both sides: no `vscode`, no DOM types.
 */
import type { ByteStream, PartRun } from '../core/bytes/byteParts';

export type { BytePart, ByteStream, PartRun } from '../core/bytes/byteParts';

/** The most bytes one page request may ask for: pages stay small, memory stays flat. */
export const MAX_PAGE_BYTES = 65536;

/** The pane's page size; pages start at multiples of it, so the host can send pages the pane would ask for. */
export const PAGE_BYTES = 4096;

/** Asks for the bytes of [offset, offset + length) of a stream, with what each byte is. */
export interface ReadBytesMessage {
  readonly type: 'bytes/read';
  readonly stream: ByteStream;
  readonly offset: number;
  readonly length: number;
}

export type BytesToHostMessage = ReadBytesMessage;

/** The reply to `bytes/read`: fewer bytes than asked only at the end of the stream. */
export interface BytesPageMessage {
  readonly type: 'bytes/page';
  readonly stream: ByteStream;
  readonly offset: number;
  /** Size of the whole stream, so the pane knows how far it scrolls. */
  readonly streamSize: number;
  readonly data: ArrayBuffer;
  readonly runs: readonly PartRun[];
}

export type HostToBytesMessage = BytesPageMessage;

const isSafeOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The message as a BytesToHostMessage when it is one, with every field checked; else null. */
export function parseBytesMessage(raw: unknown): BytesToHostMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type !== 'bytes/read') return null;
  if (m.stream !== 'model' && m.stream !== 'raw') return null;
  if (!isSafeOffset(m.offset) || !isSafeOffset(m.length) || m.length > MAX_PAGE_BYTES) return null;
  return { type: 'bytes/read', stream: m.stream, offset: m.offset, length: m.length };
}

/** The message as a HostToBytesMessage when its shape is one (the host is trusted; this keeps stray messages out). */
export function parseHostToBytesMessage(raw: unknown): HostToBytesMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type !== 'bytes/page' || !(m.data instanceof ArrayBuffer) || !Array.isArray(m.runs)) return null;
  if (m.stream !== 'model' && m.stream !== 'raw') return null;
  return isSafeOffset(m.offset) && isSafeOffset(m.streamSize) ? (raw as BytesPageMessage) : null;
}

/** The pages sent along with a selection, each checked as a reply would be; null when any is not a page. */
export function parsePagesWithSelection(raw: unknown): readonly BytesPageMessage[] | null {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return null;
  const pages = raw.map(parseHostToBytesMessage);
  return pages.every((page): page is BytesPageMessage => page !== null) ? pages : null;
}
