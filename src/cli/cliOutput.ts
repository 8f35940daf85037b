import { once } from 'node:events';
import type { TextPieces } from '../core/export/textPieces';

/** Where a CLI command writes; tests pass their own streams. */
export interface CliOutput {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Exit statuses shared by the commands. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNUSABLE = 2;

/** Writes text and waits until the stream took it, so that exit codes never cut output short. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Output is handed to the stream in pieces of about this many characters. */
const STREAMED_CHUNK = 64 * 1024;

/**
 * Gathers pieces of output into chunks of about 64 KiB for `stream`. `add` returns a promise
 * only when the stream's buffer is full (the caller awaits it before making more), so output
 * made piece by piece is never held whole; `end` resolves when the stream took the last chunk.
 */
export function chunkedWriter(stream: NodeJS.WritableStream): { add(piece: string): Promise<void> | undefined; end(): Promise<void> } {
  let chunk = '';
  return {
    add(piece) {
      chunk += piece;
      if (chunk.length < STREAMED_CHUNK) return undefined;
      const full = !stream.write(chunk);
      chunk = '';
      // `once` rejects on 'error', so a closed pipe ends the wait instead of hanging on 'drain'.
      return full ? once(stream, 'drain').then(() => undefined) : undefined;
    },
    end: () => write(stream, chunk),
  };
}

/**
 * Writes text made piece by piece (a dump of millions of lines) as it is made: pieces are
 * gathered into chunks of about 64 KiB, and when the stream's buffer is full the next piece is
 * not made until the stream drains, so the whole output is never held in memory at once. A
 * promise among the pieces is a read the next pieces wait for (see TextPieces): it is awaited.
 * `lineBreaks` ends every piece with a line break. Resolves when the stream took the last chunk.
 */
export async function writeStreamed(stream: NodeJS.WritableStream, pieces: TextPieces, options: { readonly lineBreaks?: boolean } = {}): Promise<void> {
  const after = options.lineBreaks ? '\n' : '';
  const out = chunkedWriter(stream);
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      await piece;
      continue;
    }
    const full = out.add(piece + after);
    if (full) await full;
  }
  await out.end();
}
