/**
 * Seeded mutations of DICOM bytes for the fuzz test: bit flips, byte sets, truncations and
 * length fields set to undefined (0xFFFFFFFF), huge, odd or zero values. Every mutation is a
 * pure function of (seed, input), so a failure is replayed from the seed it prints.
 */
import type { DicomElement } from '../../src/core/model';

/** mulberry32: a small, well-known 32-bit PRNG; enough for picking mutations reproducibly. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LengthField {
  /** First byte of the length field. */
  readonly at: number;
  /** 2 or 4 bytes. */
  readonly size: 2 | 4;
}

/** Length fields of every element and item of a parsed tree (file offsets, not deflated). */
export function lengthFields(elements: readonly DicomElement[], explicitVr: boolean, out: LengthField[] = []): LengthField[] {
  for (const e of elements) {
    const shortExplicit = explicitVr && e.valueOffset - e.offset === 8;
    out.push(shortExplicit ? { at: e.valueOffset - 2, size: 2 } : { at: e.valueOffset - 4, size: 4 });
    for (const item of e.items ?? []) {
      out.push({ at: item.offset + 4, size: 4 });
      lengthFields(item.elements, explicitVr, out);
    }
    for (const fragment of e.fragments ?? []) out.push({ at: fragment.offset + 4, size: 4 });
  }
  return out;
}

export interface Mutation {
  readonly bytes: Uint8Array;
  readonly description: string;
}

const LENGTH_VALUES = [0xffffffff, 0x7ffffff0, 0xfffffffe, 0, 1, 3, 0x10001];

export function mutate(input: Uint8Array, random: () => number, fields: readonly LengthField[]): Mutation {
  const pick = (n: number) => Math.floor(random() * n);
  // Most structure lives in the first few KiB; pixel data mutations teach little.
  const position = () => (random() < 0.8 ? pick(Math.min(input.length, 4096)) : pick(input.length));
  const kind = pick(fields.length > 0 ? 5 : 4);
  const bytes = input.slice();
  switch (kind) {
    case 0: {
      const at = position();
      const bit = pick(8);
      bytes[at] ^= 1 << bit;
      return { bytes, description: `flip bit ${bit} at ${at}` };
    }
    case 1: {
      const at = position();
      const value = [0x00, 0xff, 0xfe, 0xe0, 0x80, pick(256)][pick(6)];
      bytes[at] = value;
      return { bytes, description: `set byte ${at} to ${value}` };
    }
    case 2: {
      const at = position();
      return { bytes: input.slice(0, at), description: `truncate at ${at}` };
    }
    case 3: {
      const at = position();
      const run = 1 + pick(16);
      for (let i = at; i < Math.min(bytes.length, at + run); i++) bytes[i] = pick(256);
      return { bytes, description: `randomise ${run} bytes at ${at}` };
    }
    default: {
      const field = fields[pick(fields.length)];
      const value = LENGTH_VALUES[pick(LENGTH_VALUES.length)];
      const view = new DataView(bytes.buffer);
      if (field.at + field.size > bytes.length) return { bytes, description: 'no-op' };
      if (field.size === 2) view.setUint16(field.at, value & 0xffff, true);
      else view.setUint32(field.at, value >>> 0, true);
      return { bytes, description: `length field at ${field.at} (${field.size} bytes) set to 0x${value.toString(16)}` };
    }
  }
}
