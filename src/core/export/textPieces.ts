/**
 * Text made piece by piece, with the file reads it needs on the way: the consumer takes the
 * strings in order and, when it meets a promise (a value being read from the file), awaits it
 * before it asks for the next piece. A writer is then a plain generator, fast over millions of
 * small pieces, that waits for the file only where it reads, and the consumer sets the pace
 * (a stream's backpressure), so the whole text never has to be held at once.
 */
export type TextPieces = Iterable<string | Promise<unknown>>;

/** The whole text, for a consumer that needs one string (a copy to the clipboard). */
export async function joinPieces(pieces: TextPieces): Promise<string> {
  let text = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') text += piece;
    else await piece;
  }
  return text;
}

/**
 * Inside a writer: starts a read, hands it to the consumer to await (see TextPieces), and
 * returns what it read: `const bytes = yield* awaitRead(source.read(...))`.
 */
export function* awaitRead<T>(read: Promise<T>): Generator<Promise<unknown>, T, undefined> {
  let result: { readonly value: T } | undefined;
  yield read.then((value) => { result = { value }; });
  if (result === undefined) throw new Error('a read of the file was not awaited before the next piece was asked for');
  return result.value;
}
