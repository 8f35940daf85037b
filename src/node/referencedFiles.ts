/**
 * Finding the files a DICOMDIR references. File IDs are upper case by the standard, but media
 * copied to other file systems often end up lower case, so a component that is not found as
 * written is looked up case-insensitively in its folder (as dcmmkdir's readers and Weasis do).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The path of `fileId` ("A/B/C") relative to the DICOMDIR's folder, or null when it is not there. */
export function resolveReferencedFile(dicomdirPath: string, fileId: string): string | null {
  let current = dirname(dicomdirPath);
  for (const component of fileId.split('/')) {
    const exact = join(current, component);
    if (existsSync(exact)) {
      current = exact;
      continue;
    }
    const match = listing(current).find((name) => name.toUpperCase() === component.toUpperCase());
    if (match === undefined) return null;
    current = join(current, match);
  }
  return current;
}

function listing(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
