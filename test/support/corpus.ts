/**
 * The shared public corpus of real files (../shared/corpus, beside the checkout; see its README):
 * where it is and which of its files are DICOM.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

const NOT_DICOM = /(^|\/)(README(\.md)?|LICENSE)$/i;

/** Every file under `dir` that is not a README or LICENSE, sorted, folders walked depth first. */
export function corpusFiles(dir = CORPUS): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return corpusFiles(full);
    return NOT_DICOM.test(full) ? [] : [full];
  });
}
