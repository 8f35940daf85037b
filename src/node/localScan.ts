/**
 * The folder scan (src/core/scan/folderScan.ts) over the local file system: listings from the
 * walker, files opened with ranged reads whose first read is the scan's first block.
 */
import { HEAD_LENGTH, type ScanEntry, type ScanIo } from '../core/scan/folderScan';
import { openFileAccess } from './fileAccess';

/**
 * `blocking`: blocking system calls (the CLI: nothing else to keep responsive, and no
 * thread-pool hand-over per call); the extension host keeps the default.
 */
export function localScanIo<E extends ScanEntry>(list: () => AsyncIterable<E>, options: { readonly blocking?: boolean } = {}): ScanIo<E> {
  return { list, open: (path) => openFileAccess(path, { blocking: options.blocking ?? false, prefetch: HEAD_LENGTH }) };
}
