/**
 * Instance summaries of the DICOM files under a folder (for consistency checks and the DICOM
 * Explorer outside VS Code), and a content digest for duplicate SOP Instance UIDs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { summarizeInstance, SUMMARY_LAST_TAG, type InstanceSummary } from '../core/explorer/instanceSummary';
import { readHeaderFromFile } from './fileAccess';
import { walkFiles } from './walk';

export async function summarizeFolder(root: string, options: { readonly signal?: AbortSignal } = {}): Promise<InstanceSummary[]> {
  const summaries: InstanceSummary[] = [];
  for await (const entry of walkFiles(root, { skipHidden: true, signal: options.signal })) {
    let summary: InstanceSummary | null = null;
    try {
      summary = summarizeInstance(await readHeaderFromFile(entry.path, { blocking: true, stopAfterTag: SUMMARY_LAST_TAG }), entry.relativePath);
    } catch {
      // Unreadable files are not DICOM files of the set; the folder jobs report them.
    }
    if (summary) summaries.push(summary);
  }
  return summaries;
}

/** SHA-256 of a file's bytes: whether two files with one SOP Instance UID hold the same content. */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
