/**
 * Test support for the compressed-pixel tests: decode every frame of a file through the
 * project's reader, and the same file decompressed by DCMTK (read back through the native path).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDicom } from '../../src/core/parse/readDicom';
import { openPixelReader } from '../../src/core/pixels/readFrame';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import { openFileAccess } from '../../src/node/fileAccess';

export const ENCAPSULATED = path.resolve(__dirname, '../../../shared/corpus/dicomparser/encapsulated');

export interface DecodedFile {
  readonly transferSyntax: string;
  readonly frames: StoredFrame[];
}

export async function decodeAllFrames(file: string): Promise<DecodedFile> {
  const access = await openFileAccess(file);
  try {
    const { file: parsed, source } = await openDicom(access);
    const reader = await openPixelReader(parsed, source);
    const frames = [];
    for (let i = 0; i < reader.image.numberOfFrames; i++) frames.push(await reader.readFrame(i));
    return { transferSyntax: reader.image.transferSyntax.uid, frames };
  } finally {
    await access.close();
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'codecs-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

/** Runs a DCMTK tool `tool [args] in out` and returns `out` (in a temporary folder). */
export function dcmtk(tool: string, input: string, args: readonly string[] = []): string {
  const out = path.join(scratch, `${counter++}-${tool}-${path.basename(input)}`);
  execFileSync(tool, [...args, input, out], { stdio: 'pipe' });
  return out;
}

/** DCMTK's decompressor for a transfer syntax. */
export function dcmtkDecompressor(uid: string): string {
  if (uid === '1.2.840.10008.1.2.5') return 'dcmdrle';
  if (uid === '1.2.840.10008.1.2.4.80' || uid === '1.2.840.10008.1.2.4.81') return 'dcmdjpls';
  return 'dcmdjpeg';
}

/** Largest absolute difference between two frames' samples (Infinity when their shapes differ). */
export function maxDifference(a: StoredFrame, b: StoredFrame): number {
  if (a.samples.length !== b.samples.length || a.width !== b.width || a.height !== b.height) return Infinity;
  let max = 0;
  for (let i = 0; i < a.samples.length; i++) {
    const d = Math.abs(a.samples[i] - b.samples[i]);
    if (d > max) max = d;
  }
  return max;
}

export function scratchPath(name: string): string {
  return path.join(scratch, `${counter++}-${name}`);
}

/** The messages of a frame's or a codec's warnings, joined, for matching in assertions. */
export function warningText(warnings: readonly { readonly message: string }[] | undefined): string {
  return (warnings ?? []).map((w) => w.message).join(' ');
}
