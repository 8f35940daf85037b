/**
 * Answers the Bytes pane's page requests: the bytes of a range, read by range from the
 * document's one file access (or its inflated stream), and what each byte is. Nothing here
 * reads more than the page asked for, so a 2 GiB file costs one page per request.
 */
import { partRuns } from '../../core/bytes/byteParts';
import type { FileAccess } from '../../core/io';
import type { DicomFile } from '../../core/model';
import type { BytesPageMessage, ReadBytesMessage } from '../../shared/bytesProtocol';
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
