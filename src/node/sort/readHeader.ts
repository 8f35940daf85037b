/** The header reader the sort uses on Node: header only, file closed right after. */
import type { DicomFile } from '../../core/model';
import { readDicom } from '../../core/parse/readDicom';
import { openFileAccess } from '../fileAccess';

export async function readHeaderFromDisk(path: string): Promise<DicomFile> {
  const access = await openFileAccess(path);
  try {
    return await readDicom(access, { headerOnly: true });
  } finally {
    await access.close();
  }
}
