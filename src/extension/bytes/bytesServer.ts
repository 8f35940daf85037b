/**
 * Answers the Bytes pane's page requests from the document: the bytes of a range, read by
 * range from the document's one file access (or its inflated stream), and what each byte is.
 * Nothing here reads more than the page asked for, so a 2 GiB file costs one page per request.
 */
import { partRuns } from '../../core/bytes/byteParts';
import { samplesToBuffer } from '../../shared/frameTransport';
import type { BytesPageMessage, ReadBytesMessage } from '../../shared/bytesProtocol';
import type { DicomDocument } from '../document/dicomDocument';

export async function readBytesPage(request: ReadBytesMessage, document: DicomDocument): Promise<BytesPageMessage> {
  const file = document.file;
  // 'raw' differs from the model only for a deflated file; otherwise both are the file itself.
  const access = request.stream === 'raw' ? document.raw : document.source;
  if (!file || !access) {
    return { type: 'bytes/page', stream: request.stream, offset: request.offset, streamSize: 0, data: new ArrayBuffer(0), runs: [] };
  }
  const streamSize = await access.size();
  const offset = Math.min(request.offset, streamSize);
  const bytes = await access.read(offset, Math.min(request.length, streamSize - offset));
  const runs = partRuns(file, offset, offset + bytes.length, request.stream);
  return { type: 'bytes/page', stream: request.stream, offset, streamSize, data: samplesToBuffer(bytes), runs };
}
