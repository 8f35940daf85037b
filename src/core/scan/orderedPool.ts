/**
 * The pool every folder job reads through (CSV export, sort): an async function over a stream
 * of inputs with at most `concurrency` calls in flight, results yielded in input order.
 *
 * Input order keeps a CSV deterministic. Two bounds keep memory flat whatever the folder
 * holds: the number of calls in flight, and the bytes held by results that are done but wait
 * for an earlier, slower one (a file with a 40 MB header must not be joined by fifteen more).
 * Cancelling stops taking inputs; calls already started finish (they close their files).
 */

export interface PoolOptions<R> {
  /** Calls in flight at once (at least 1). */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** Most bytes held by finished results waiting for their turn (default: no limit besides `concurrency`). */
  readonly maxBytesInFlight?: number;
  /** Bytes a result holds (needed with `maxBytesInFlight`). */
  readonly sizeOf?: (result: R) => number;
}

export async function* mapOrdered<T, R>(inputs: AsyncIterable<T>, fn: (input: T) => Promise<R>, options: PoolOptions<R>): AsyncGenerator<R> {
  const { signal, sizeOf } = options;
  const limit = Math.max(1, Math.floor(options.concurrency));
  const maxBytes = options.maxBytesInFlight ?? Infinity;
  const pending: { promise: Promise<R>; size: number }[] = [];
  let held = 0;
  const next = async (): Promise<R> => {
    const head = pending.shift()!;
    const result = await head.promise;
    held -= head.size;
    return result;
  };
  const start = (input: T): void => {
    const slot = { promise: fn(input), size: 0 };
    if (sizeOf && maxBytes !== Infinity) {
      void slot.promise.then((result) => {
        slot.size = sizeOf(result);
        held += slot.size;
      }, () => undefined);
    }
    pending.push(slot);
  };
  try {
    for await (const input of inputs) {
      if (signal?.aborted) break;
      start(input);
      while (pending.length >= limit || (held > maxBytes && pending.length > 0)) yield await next();
    }
    while (pending.length > 0 && !signal?.aborted) yield await next();
  } finally {
    // Let work already started finish (it closes its files) before the caller moves on.
    await Promise.allSettled(pending.map((slot) => slot.promise));
  }
}
