import { Inflate } from 'fflate';

export interface InflateResult {
  readonly data: Uint8Array;
  /** Set when the output reached the cap and inflation stopped. */
  readonly capped: boolean;
  readonly error?: string;
}

const INPUT_CHUNK = 16 * 1024;

/**
 * Inflates a raw deflate stream (PS3.5 A.5) with a cap on the output, so that a small hostile
 * file cannot inflate to gigabytes. fflate is used because it runs unchanged in Node, the
 * extension host and the browser, and streams: input goes in small chunks and inflation stops
 * as soon as the output passes the cap.
 */
export function inflateRawCapped(input: Uint8Array, maxOutput: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    chunks.push(chunk);
    total += chunk.length;
  });
  let error: string | undefined;
  let capped = false;
  try {
    for (let at = 0; at < input.length; at += INPUT_CHUNK) {
      const end = Math.min(input.length, at + INPUT_CHUNK);
      inflater.push(input.subarray(at, end), end === input.length);
      if (total > maxOutput) {
        capped = true;
        break;
      }
    }
  } catch (problem) {
    error = problem instanceof Error ? problem.message : String(problem);
  }
  const size = Math.min(total, maxOutput);
  const data = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= size) break;
    data.set(chunk.subarray(0, size - at), at);
    at += chunk.length;
  }
  return { data, capped, error };
}
