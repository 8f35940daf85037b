/**
 * Runs an async function over a stream of inputs with at most `concurrency` calls in flight,
 * yielding results in input order. Input order keeps the CSV deterministic; the bound keeps
 * memory flat (at most `concurrency` results wait for an earlier slow one).
 */
export async function* mapOrdered<T, R>(
  inputs: AsyncIterable<T>,
  concurrency: number,
  fn: (input: T) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const limit = Math.max(1, Math.floor(concurrency));
  const pending: Promise<R>[] = [];
  try {
    for await (const input of inputs) {
      if (signal?.aborted) break;
      pending.push(fn(input));
      if (pending.length >= limit) yield await pending.shift()!;
    }
    while (pending.length > 0 && !signal?.aborted) yield await pending.shift()!;
  } finally {
    // Let work already started finish (it closes its files) before the caller moves on.
    await Promise.allSettled(pending);
  }
}
