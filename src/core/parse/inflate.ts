import { Inflate } from 'fflate';

export interface InflateResult {
  /** `prefix` followed by the inflated bytes. */
  readonly data: Uint8Array;
  /** Number of inflated bytes in `data`. */
  readonly inflatedLength: number;
  /** Set when the output reached the cap and inflation stopped. */
  readonly capped: boolean;
  readonly error?: string;
}

const INPUT_CHUNK = 16 * 1024;

/**
 * Inflates a raw deflate stream (PS3.5 A.5), after `prefix`, with a cap on the output, so that a small hostile
 * file cannot inflate to gigabytes. fflate is used because it runs unchanged in Node, the
 * extension host and the browser, and streams: input goes in small chunks and inflation stops
 * as soon as the output passes the cap.
 */
export function inflateRawCapped(input: Uint8Array, maxOutput: number, prefix: Uint8Array = new Uint8Array()): InflateResult {
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
  // One allocation for prefix and output, so that a large stream is copied only once.
  const size = Math.min(total, maxOutput);
  const data = new Uint8Array(prefix.length + size);
  data.set(prefix);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= size) break;
    data.set(chunk.subarray(0, size - at), prefix.length + at);
    at += chunk.length;
  }
  return { data, inflatedLength: size, capped, error };
}
