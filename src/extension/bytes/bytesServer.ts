/**
 * Answers the Bytes pane's page requests: the bytes of a range, read by range from the
 * document's one file access (or its inflated stream), and what each byte is. Nothing here
 * reads more than the page asked for, so a 2 GiB file costs one page per request.
 */
import { partRuns } from '../../core/bytes/byteParts';
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import { PAGE_BYTES, type BytesPageMessage, type ReadBytesMessage } from '../../shared/bytesProtocol';
import { samplesToBuffer } from '../../shared/frameTransport';
import type { DicomDocument } from '../document/dicomDocument';

/** The page for `request` from a parsed file and the access its stream is read through. */
export async function bytesPage(request: ReadBytesMessage, file: DicomFile, access: FileAccess): Promise<BytesPageMessage> {
  const streamSize = await access.size();
  const offset = Math.min(request.offset, streamSize);
  const bytes = await access.read(offset, Math.min(request.length, streamSize - offset));
  const runs = partRuns(file, offset, offset + bytes.length, request.stream);
  return { type: 'bytes/page', stream: request.stream, offset, streamSize, data: samplesToBuffer(bytes), runs };
}

export function readBytesPage(request: ReadBytesMessage, document: DicomDocument): Promise<BytesPageMessage> {
  const file = document.file;
  // 'raw' differs from the model only for a deflated file; otherwise both are the file itself.
  const access = request.stream === 'raw' ? document.raw : document.source;
  if (!file || !access) {
    return Promise.resolve({ type: 'bytes/page', stream: request.stream, offset: request.offset, streamSize: 0, data: new ArrayBuffer(0), runs: [] });
  }
  return bytesPage(request, file, access);
}

/**
 * The model pages holding `offset` and one page either side: whatever height the pane has, the
 * rows it scrolls to for a selection (a third of a screen above the node, the rest below) and
 * the data inspector's bytes lie in them. Sent with the selection, they spare the pane a round
 * trip to the host before it can draw.
 */
export async function pagesAround(offset: number, file: DicomFile, access: FileAccess): Promise<BytesPageMessage[]> {
  const start = offset - (offset % PAGE_BYTES);
  const starts = [start - PAGE_BYTES, start, start + PAGE_BYTES].filter((at) => at >= 0);
  const pages = await Promise.all(starts.map((at) => bytesPage({ type: 'bytes/read', stream: 'model', offset: at, length: PAGE_BYTES }, file, access)));
  return pages.filter((page) => page.data.byteLength > 0);
}

/** `pagesAround` for an open document; none while it has no parsed file. */
export function documentPagesAround(offset: number, document: DicomDocument): Promise<BytesPageMessage[]> {
  const file = document.file;
  const access = document.source;
  return file && access ? pagesAround(offset, file, access) : Promise.resolve([]);
}
