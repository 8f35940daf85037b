/**
 * `JSON.stringify(value, null, 2)` of plain data (objects, arrays, strings, numbers, booleans,
 * null: what the model holds), appended to a `ChunkedText` at a nesting indent, with a chunk
 * handed on whenever one fills inside a long array. Written by hand because JSON.stringify makes
 * one string of its whole input: a value of 16 million entries would be one string of hundreds
 * of MB (and JSON.stringify per small node, re-indented, was a quarter of the dump's time).
 * Strings are escaped by JSON.stringify itself, so the text is byte for byte its output.
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
    text += `${text === '' ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: ${scalarJson(field)}`;
  }
  return text === '' ? '{}' : `${text}\n${indent}}`;
}

/** Appends `value` at nesting `indent`: its first line continues the current one. */
export function* jsonValue(out: ChunkedText, value: unknown, indent: string): Generator<string, void, undefined> {
  if (value === null || typeof value !== 'object') {
    out.text += scalarJson(value);
  } else if (Array.isArray(value)) {
    yield* jsonArray(out, value, indent);
  } else {
    const flat = flatObjectJson(value, indent);
    if (flat !== null) out.text += flat;
    else yield* jsonObject(out, value as Record<string, unknown>, indent);
  }
}

/** `jsonValue` of a value known to be small (a bulk summary, a short value list), as one string. */
export function jsonString(value: unknown, indent: string): string {
  const out = new ChunkedText();
  let text = '';
  for (const chunk of jsonValue(out, value, indent)) text += chunk;
  return text + out.text;
}

/** An array one entry per line, handing on each chunk as it fills (value lists may have millions of entries). */
function* jsonArray(out: ChunkedText, array: readonly unknown[], indent: string): Generator<string, void, undefined> {
  if (array.length === 0) {
    out.text += '[]';
    return;
  }
  const firstLine = `[\n${indent}${INDENT}`;
  const nextLine = `,\n${indent}${INDENT}`;
  const inner = indent + INDENT;
  for (let i = 0; i < array.length; i++) {
    const entry = array[i];
    out.text += i === 0 ? firstLine : nextLine;
    if (entry === null || typeof entry !== 'object') out.text += unrepresentable(entry) ? 'null' : scalarJson(entry);
    else yield* jsonValue(out, entry, inner);
    if (out.full) yield out.take();
  }
  out.text += `\n${indent}]`;
}

function* jsonObject(out: ChunkedText, object: Record<string, unknown>, indent: string): Generator<string, void, undefined> {
  const inner = indent + INDENT;
  let first = true;
  for (const key of Object.keys(object)) {
    const field = object[key];
    if (unrepresentable(field)) continue;
    out.text += `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonValue(out, field, inner);
  }
  out.text += first ? '{}' : `\n${indent}}`;
}
