/**
 * `JSON.stringify(value, null, 2)` in chunks of about 64 KiB, for values too large to be one
 * string: a list of millions of nodes, a value of 16 million entries (JSON.stringify would make
 * hundreds of MB at once, and called per small node and re-indented it was a quarter of the
 * dump's time). A `StreamedArray` stands for an array whose entries are made one at a time while
 * they are written, so they are never all objects at once. Written by hand for plain data (objects,
 * arrays, strings, numbers, booleans, null, and objects with a toJSON such as a lazily decoded
 * element); strings are escaped by JSON.stringify itself, so the text is byte for byte its output.
 */
import { ChunkedText } from './chunkedText';

export const INDENT = '  ';

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
export function unrepresentable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Characters JSON.stringify escapes: quote, backslash, controls and (lone) surrogates. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it. Most strings of a dump (tags, VRs, short values) need
 * no escape: quoting them directly is several times faster than a call of JSON.stringify.
 */
export function stringJson(text: string): string {
  if (text.length > 32) return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** A string, number, boolean or null as JSON.stringify writes it (it throws on a bigint, as JSON.stringify does). */
export function scalarJson(value: unknown): string {
  if (typeof value === 'string') return stringJson(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (value === null) return 'null';
  return JSON.stringify(value);
}

/** `,\n<inner>"key": value` for a scalar field, or nothing for a field JSON.stringify leaves out. */
export function scalarField(key: string, value: unknown, inner: string): string {
  return unrepresentable(value) ? '' : `,\n${inner}"${key}": ${scalarJson(value)}`;
}

/**
 * An object whose fields are all scalars (a fragment, an issue, a bulk summary) as one string,
 * or null when a field is an object or an array (then `jsonValue` writes it piece by piece).
 */
function flatObjectJson(object: object, indent: string): string | null {
  const inner = indent + INDENT;
  let text = '';
  for (const key of Object.keys(object)) {
    const field = (object as Record<string, unknown>)[key];
    if (unrepresentable(field)) continue;
    if (field !== null && typeof field === 'object') return null;
    text += keyStart(key, inner, text === '') + scalarJson(field);
  }
  return text === '' ? '{}' : `${text}\n${indent}}`;
}

/** `{` or `,`, a line break, `inner` and `"key": `: made once per key and indent, as the many fragments or issues of a file share a few keys. */
function keyStart(key: string, inner: string, first: boolean): string {
  let starts = keyStarts.get(inner);
  if (!starts) keyStarts.set(inner, (starts = new Map()));
  let start = starts.get(key);
  if (!start) {
    start = [`{\n${inner}${stringJson(key)}: `, `,\n${inner}${stringJson(key)}: `];
    // Keys come from code, not from files; the bound only keeps an odd caller from growing it.
    if (starts.size < 1024) starts.set(key, start);
  }
  return first ? start[0] : start[1];
}

const keyStarts = new Map<string, Map<string, readonly [string, string]>>();

/** An array in the JSON whose entries are made from `list` one by one, as they are written. */
export class StreamedArray<T = unknown> {
  constructor(readonly list: Iterable<T>, readonly entry: (node: T) => unknown) {}

  /** A plain JSON.stringify sees the whole array (it cannot stream). */
  toJSON(): unknown[] {
    return Array.from(this.list, this.entry);
  }
}

/** The JSON text of `value`, chunk by chunk. */
export function* streamJson(value: unknown): Generator<string, void, undefined> {
  const out = new ChunkedText();
  yield* jsonValue(out, value, '');
  yield out.take();
}

/** Appends `value` at nesting `indent`: its first line continues the current one. */
export function* jsonValue(out: ChunkedText, value: unknown, indent: string): Generator<string, void, undefined> {
  const inline = inlineJson(value, indent);
  if (inline !== null) out.text += inline;
  else if (Array.isArray(value)) yield* jsonArray(out, value, indent);
  else if (value instanceof StreamedArray) yield* jsonArray(out, mapped(value), indent);
  else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') yield* jsonValue(out, (value as { toJSON(): unknown }).toJSON(), indent);
  else yield* jsonObject(out, value as Record<string, unknown>, indent);
}

/**
 * A scalar, or an object of scalar fields (a fragment, an issue), as one string; null for what
 * may be long and is written piece by piece. Most entries of long lists are one of these, and
 * are written without a generator of their own.
 */
function inlineJson(value: unknown, indent: string): string | null {
  if (value === null || typeof value !== 'object') return scalarJson(value);
  if (Array.isArray(value) || value instanceof StreamedArray || typeof (value as { toJSON?: unknown }).toJSON === 'function') return null;
  return flatObjectJson(value, indent);
}

function* mapped<T>(array: StreamedArray<T>): Generator<unknown, void, undefined> {
  for (const node of array.list) yield array.entry(node);
}

/** `jsonValue` of a value known to be small (a bulk summary, a short value list), as one string. */
export function jsonString(value: unknown, indent: string): string {
  const out = new ChunkedText();
  let text = '';
  for (const chunk of jsonValue(out, value, indent)) text += chunk;
  return text + out.text;
}

/** An array one entry per line, handing on each chunk as it fills (value lists may have millions of entries). */
function* jsonArray(out: ChunkedText, entries: Iterable<unknown>, indent: string): Generator<string, void, undefined> {
  const firstLine = `[\n${indent}${INDENT}`;
  const nextLine = `,\n${indent}${INDENT}`;
  const inner = indent + INDENT;
  let first = true;
  for (const entry of entries) {
    out.text += first ? firstLine : nextLine;
    first = false;
    const inline = unrepresentable(entry) ? 'null' : inlineJson(entry, inner);
    if (inline !== null) out.text += inline;
    else yield* jsonValue(out, entry, inner);
    if (out.full) yield out.take();
  }
  out.text += first ? '[]' : `\n${indent}]`;
}

function* jsonObject(out: ChunkedText, object: Record<string, unknown>, indent: string): Generator<string, void, undefined> {
  const inner = indent + INDENT;
  let first = true;
  for (const key of Object.keys(object)) {
    const field = object[key];
    if (unrepresentable(field)) continue;
    out.text += keyStart(key, inner, first);
    first = false;
    yield* jsonValue(out, field, inner);
  }
  out.text += first ? '{}' : `\n${indent}}`;
}
