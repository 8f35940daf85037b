/**
 * `JSON.stringify(value, null, 2)` in pieces, for values holding lists too long to turn into
 * one string (or one array of objects) at once. A `StreamedArray` stands for an array whose
 * entries are made one at a time while they are written; everything else is written exactly as
 * JSON.stringify writes it, so the joined pieces are byte for byte its output.
 */

const INDENT = '  ';

/** An array in the JSON whose entries are made from `list` one by one, as they are written. */
export class StreamedArray<T = unknown> {
  constructor(readonly list: Iterable<T>, readonly entry: (node: T) => unknown) {}

  /** A plain JSON.stringify sees the whole array (it cannot stream). */
  toJSON(): unknown[] {
    return Array.from(this.list, this.entry);
  }
}

export function* streamJson(value: unknown): Generator<string, void, undefined> {
  yield* piece(value, '');
}

/** The value as JSON.stringify writes it at nesting `indent`; nested lines start with `indent`. */
function stringified(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  // JSON.stringify escapes line breaks inside strings, so every '\n' is one of its own.
  return indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', '\n' + indent);
}

function* piece(value: unknown, indent: string): Generator<string, void, undefined> {
  if (value instanceof StreamedArray) {
    yield* streamedArray(value, indent);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && holdsStreamedArray(value)) {
    yield* objectPieces(value as Record<string, unknown>, indent);
  } else {
    yield stringified(value, indent);
  }
}

function holdsStreamedArray(value: object): boolean {
  for (const field of Object.values(value)) if (field instanceof StreamedArray) return true;
  return false;
}

function* streamedArray(array: StreamedArray, indent: string): Generator<string, void, undefined> {
  const inner = indent + INDENT;
  let first = true;
  for (const node of array.list) {
    yield first ? `[\n${inner}` : `,\n${inner}`;
    first = false;
    // JSON.stringify writes null for entries it cannot represent (undefined, functions).
    const entry = array.entry(node);
    yield* piece(entry === undefined || typeof entry === 'function' || typeof entry === 'symbol' ? null : entry, inner);
  }
  yield first ? '[]' : `\n${indent}]`;
}

function* objectPieces(object: Record<string, unknown>, indent: string): Generator<string, void, undefined> {
  const inner = indent + INDENT;
  let first = true;
  for (const [key, field] of Object.entries(object)) {
    // JSON.stringify leaves out fields it cannot represent.
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* piece(field, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}
