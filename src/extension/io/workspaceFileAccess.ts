/**
 * A core `FileAccess` for any URI VS Code can read.
 *
 * `vscode.workspace.fs` has no ranged read: `readFile` returns the whole file. Reading a
 * multi-gigabyte image to show its header would stall the extension host and use gigabytes of
 * memory, so:
 * - `file:` URIs (local files, and files on a remote machine where the extension host runs
 *   there) are read through a Node file handle, range by range; only the header is read.
 * - any other scheme (virtual file systems, e.g. vscode-vfs or a memfs) is read whole through
 *   `workspace.fs`, but only when it is smaller than a limit; larger files get a clear error
 *   instead of an attempt that could exhaust memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { FileAccess } from '../../core/io';

export interface ClosableFileAccess extends FileAccess {
  close(): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(
      `This file (${size} bytes) is on a file system without ranged reads and is larger than ` +
        `dicomInspector.maxWholeFileReadMiB (${Math.round(limit / 1048576)} MiB).`,
    );
  }
}

async function fileHandleAccess(path: string): Promise<ClosableFileAccess> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size: async () => size,
    read: async (offset, length) => {
      const start = Math.min(Math.max(0, offset), size);
      const count = Math.max(0, Math.min(length, size - start));
      const buffer = new Uint8Array(count);
      let filled = 0;
      // A single read may return fewer bytes than asked; keep reading until done or at the end.
      while (filled < count) {
        const { bytesRead } = await handle.read(buffer, filled, count - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === count ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}

async function wholeFileAccess(uri: vscode.Uri, limitBytes: number): Promise<ClosableFileAccess> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > limitBytes) throw new FileTooLargeError(stat.size, limitBytes);
  const bytes = await vscode.workspace.fs.readFile(uri);
  return {
    size: async () => bytes.length,
    read: async (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)),
    close: async () => undefined,
  };
}

/** Opens `uri` for ranged reads; callers must `close()` it. */
export async function openWorkspaceFileAccess(uri: vscode.Uri, maxWholeFileBytes: number): Promise<ClosableFileAccess> {
  if (uri.scheme === 'file') return fileHandleAccess(uri.fsPath);
  return wholeFileAccess(uri, maxWholeFileBytes);
}

/** Reads the first `length` bytes (for sniffing a DICOM preamble), whatever the scheme. */
export async function readFileHead(uri: vscode.Uri, length: number, maxWholeFileBytes: number): Promise<Uint8Array> {
  const access = await openWorkspaceFileAccess(uri, maxWholeFileBytes);
  try {
    return await access.read(0, length);
  } finally {
    await access.close();
  }
}
