import * as vscode from 'vscode';
import { openDicom, type OpenedDicom } from '../../core/parse/readDicom';
import { openWorkspaceFileAccess } from '../io/workspaceFileAccess';
import { readSettings } from '../settings';

/**
 * Opens a file's header with ranged access kept open while `use` runs, so that bulk values
 * (compared byte for byte, or written inline) are read by range and never held whole.
 */
export async function withOpenedDicom<T>(uri: vscode.Uri, use: (opened: OpenedDicom) => Promise<T>): Promise<T> {
  const access = await openWorkspaceFileAccess(uri, readSettings().maxWholeFileReadMiB * 1048576);
  try {
    const opened = await openDicom(access);
    if (opened.file.notDicom) throw new Error(`${uri.toString(true)} is not a DICOM file`);
    return await use(opened);
  } finally {
    await access.close();
  }
}
