/**
 * A FileAccess for the benchmark pages: the file the harness serves at /file, read by HTTP
 * Range requests, as the extension host reads a local file by range.
 */
import type { FileAccess } from '../../src/core/io';

export function httpRangeAccess(size: number): FileAccess {
  return {
    size: async () => size,
    read: async (offset, length) => {
      const end = Math.min(offset + length, size);
      if (end <= offset) return new Uint8Array(0);
      const response = await fetch('/file', { headers: { Range: `bytes=${offset}-${end - 1}` } });
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
