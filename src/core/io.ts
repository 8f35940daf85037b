/**
 * The core reads files only through this interface, so the VS Code host can back it with
 * `workspace.fs`, the CLI with `fs`, and tests with bytes in memory.
 */
export interface FileAccess {
  /** Total size of the file in bytes. */
  size(): Promise<number>;
  /**
   * Reads up to `length` bytes starting at `offset`. Returns fewer bytes only at the end of
   * the file.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A FileAccess over bytes already in memory. */
export function memoryFileAccess(bytes: Uint8Array): FileAccess {
  return {
    size: async () => bytes.length,
    read: async (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)),
  };
}
