/**
 * The one way this project writes an output file (CSV export, PNG render), for the CLI and
 * the extension alike:
 *
 * - never over one of the job's inputs, whatever the caller says: a CSV written over the
 *   DICOM file it was read from destroys the data it describes;
 * - never over an existing file unless the caller says so (`--force`, or the user confirmed
 *   in a save dialog), and never over a read-only one even then;
 * - written under a temporary name in the same folder and given its name only when complete,
 *   so a failed or cancelled run never leaves a file that looks finished, and without
 *   `overwrite` the final name is taken with `link`, which fails rather than replace a file
 *   that appeared meanwhile;
 * - every refusal and file-system error as one line naming the user's path (`OutputError`).
 */
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { fsMessage } from './fsMessage';
import { isInside } from './pathInside';

export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

export interface OutputOptions {
  /** Replace an existing file (never an input, never a read-only file). */
  readonly overwrite?: boolean;
  /** Files and folders the job reads: the output may be none of them, nor a file inside one. */
  readonly inputs?: readonly string[];
  /** Added to the "already exists" refusal, e.g. "add --force to replace it". */
  readonly overwriteHint?: string;
}

async function statOrNull(target: string): Promise<Stats | null> {
  try {
    return await fs.stat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OutputError(fsMessage(`cannot write ${target}`, error));
  }
}

/** How the existing file `target` is one of the inputs (the same file, or a file inside an input folder), if it is. */
async function asInput(target: string, existing: Stats, inputs: readonly string[]): Promise<string | null> {
  const realTarget = await fs.realpath(target);
  for (const input of inputs) {
    const stats = await fs.stat(input).catch(() => null);
    if (stats === null) continue;
    // Same device and inode: the same file under any spelling (links, case, `..`).
    if (stats.dev === existing.dev && stats.ino === existing.ino) return `it is one of the inputs (${input})`;
    if (stats.isDirectory() && isInside(realTarget, await fs.realpath(input))) return `it is among the files read from ${input}`;
  }
  return null;
}

/** Throws an `OutputError` when `target` must not or cannot be written. */
export async function checkOutputTarget(target: string, options: OutputOptions = {}): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  const folderStats = await statOrNull(folder);
  if (folderStats === null) throw new OutputError(`cannot write ${target}: the folder ${folder} does not exist`);
  if (!folderStats.isDirectory()) throw new OutputError(`cannot write ${target}: ${folder} is not a folder`);
  const existing = await statOrNull(target);
  if (existing === null) return;
  if (existing.isDirectory()) throw new OutputError(`cannot write ${target}: it is a folder`);
  const input = await asInput(target, existing, options.inputs ?? []);
  if (input !== null) throw new OutputError(`will not write ${target}: ${input}; choose another output file`);
  if (!options.overwrite) {
    throw new OutputError(`will not replace ${target}: it already exists${options.overwriteHint ? `; ${options.overwriteHint}` : ''}`);
  }
  // The mode bits, not access(2): root passes every access check, and a file marked
  // read-only is a request not to change it whoever runs the job.
  const writable = (existing.mode & 0o222) !== 0 && (await fs.access(target, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new OutputError(`will not replace ${target}: it is read-only`);
}

export interface AtomicOutput {
  /** The final path. */
  readonly path: string;
  /** The temporary path being written (list it nowhere, e.g. leave it out of a folder walk). */
  readonly partialPath: string;
  write(data: string | Uint8Array): Promise<void>;
  /** Closes the file and gives it its final name. */
  commit(): Promise<void>;
  /** Closes and deletes the temporary file (safe after a failed write or commit). */
  discard(): Promise<void>;
}

/** Names under which `link` is not available: the final name is then taken by `rename`. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

async function publish(partial: string, target: string, options: OutputOptions): Promise<void> {
  if (!options.overwrite) {
    try {
      await fs.link(partial, target);
      await fs.unlink(partial);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw new OutputError(`will not replace ${target}: a file of that name appeared while writing`);
      if (!LINK_UNSUPPORTED.has(code)) throw error;
    }
  }
  // Checked again: a file may have appeared (or become read-only) while the output was written.
  await checkOutputTarget(target, options);
  await fs.rename(partial, target);
}

/** Checks `target`, then opens a temporary file beside it; nothing has the final name until `commit`. */
export async function openAtomicOutput(target: string, options: OutputOptions = {}): Promise<AtomicOutput> {
  await checkOutputTarget(target, options);
  const resolved = path.resolve(target);
  const partialPath = `${resolved}.partial-${process.pid}-${randomBytes(3).toString('hex')}`;
  let handle: FileHandle;
  try {
    handle = await fs.open(partialPath, 'wx');
  } catch (error) {
    throw new OutputError(fsMessage(`cannot write in ${path.dirname(resolved)}`, error));
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    path: resolved,
    partialPath,
    write: async (data) => {
      try {
        // writeFile writes all of it from the current position (write may stop short).
        await handle.writeFile(data);
      } catch (error) {
        throw new OutputError(fsMessage(`cannot write ${target}`, error));
      }
    },
    commit: async () => {
      try {
        await close();
        await publish(partialPath, resolved, options);
      } catch (error) {
        if (error instanceof OutputError) throw error;
        throw new OutputError(fsMessage(`cannot write ${target}`, error));
      }
    },
    discard: async () => {
      await close().catch(() => undefined);
      await fs.rm(partialPath, { force: true }).catch(() => undefined);
    },
  };
}

/** Writes a whole output at once through `openAtomicOutput`. */
export async function writeOutputFile(target: string, data: string | Uint8Array, options: OutputOptions = {}): Promise<void> {
  const output = await openAtomicOutput(target, options);
  try {
    await output.write(data);
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
}
