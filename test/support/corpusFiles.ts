/** The files of the shared public corpus (../shared/corpus beside the checkout), READMEs and licences left out. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_ROOT = path.resolve(__dirname, '../../../shared/corpus');
const NOT_DICOM = /(^|\/)(README(\.md)?|LICENSE)$/i;

/** Every file under `dir` (default: the whole corpus) in a stable order. */
export function corpusFiles(dir: string = CORPUS_ROOT): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return corpusFiles(full);
    return NOT_DICOM.test(full) ? [] : [full];
  });
}
