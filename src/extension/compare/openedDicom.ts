import type * as vscode from 'vscode';
import type { OpenedDicom } from '../../core/parse/readDicom';
import type { DicomDocuments } from '../document/dicomDocuments';

/**
 * Runs `use` on a file's parsed header and its ranged source, held through the shared
 * documents (a file already open in an editor is not parsed again), released afterwards.
 */
export async function withOpenedDicom<T>(documents: DicomDocuments, uri: vscode.Uri, use: (opened: OpenedDicom) => Promise<T>): Promise<T> {
  const lease = await documents.acquire(uri);
  try {
    const { file, source } = lease.document;
    if (!file || !source) throw new Error(lease.document.loadError ?? 'the file could not be read');
    if (file.notDicom) throw new Error(`${uri.toString(true)} is not a DICOM file`);
    return await use({ file, source });
  } finally {
    lease.dispose();
  }
}
