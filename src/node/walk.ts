/**
 * Recursive file listing for folder exports and sorting.
 *
 * An async generator, so a caller that stops early (cancel) stops the walk, and memory holds
 * one directory's entries per level rather than the whole tree. Entries come in name order,
 * which makes exports and sort plans deterministic. Symbolic links to directories are not
 * followed (a link back up the tree would never end); links to files are listed, and those
 * that lead outside the walked folder say where they lead (`outsideTarget`), so that a sort
 * can refuse to copy a file from elsewhere that a link planted in its source points to.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { isInside } from './pathInside';

export interface WalkEntry {
  /** Absolute (or as given) path to open. */
  readonly path: string;
  /** Path relative to the root that was walked, with `/` separators on every platform. */
  readonly relativePath: string;
  /** For a symbolic link to a file outside the walked folder: the real path it leads to. */
  readonly outsideTarget?: string;
}

export interface WalkOptions {
  readonly signal?: AbortSignal;
  /** Leave out files and folders whose names start with a dot (`.git`, `.DS_Store`). */
  readonly skipHidden?: boolean;
  /** Folders deeper than this below the root are not entered (default 64). */
  readonly maxDepth?: number;
}

interface Listed {
  readonly name: string;
  readonly kind: 'file' | 'dir';
  readonly outsideTarget?: string;
}

interface Level {
  readonly dir: string;
  readonly relative: string;
  readonly names: Listed[];
  index: number;
}

const byName = new Intl.Collator('en', { numeric: true });

async function readLevel(dir: string, relative: string, realRoot: string, options: WalkOptions): Promise<Level> {
  const names: Listed[] = [];
  const handle = await opendir(dir);
  for await (const entry of handle) {
    if (options.skipHidden && entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) names.push({ name: entry.name, kind: 'dir' });
    else if (entry.isFile()) names.push({ name: entry.name, kind: 'file' });
    else if (entry.isSymbolicLink()) {
      const link = path.join(dir, entry.name);
      const target = await stat(link).catch(() => null);
      if (!target?.isFile()) continue;
      const real = await realpath(link);
      names.push(isInside(real, realRoot) ? { name: entry.name, kind: 'file' } : { name: entry.name, kind: 'file', outsideTarget: real });
    }
  }
  names.sort((a, b) => byName.compare(a.name, b.name));
  return { dir, relative, names, index: 0 };
}

/** Every regular file under `root`, depth first in name order. */
export async function* walkFiles(root: string, options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const realRoot = await realpath(root);
  const stack: Level[] = [await readLevel(root, '', realRoot, options)];
  while (stack.length > 0) {
    if (options.signal?.aborted) return;
    const level = stack[stack.length - 1];
    if (level.index >= level.names.length) {
      stack.pop();
      continue;
    }
    const { name, kind, outsideTarget } = level.names[level.index++];
    const full = path.join(level.dir, name);
    const relative = level.relative === '' ? name : `${level.relative}/${name}`;
    if (kind === 'file') {
      yield outsideTarget === undefined ? { path: full, relativePath: relative } : { path: full, relativePath: relative, outsideTarget };
    } else if (stack.length <= (options.maxDepth ?? 64)) {
      // An unreadable folder (permissions) is skipped rather than ending the walk.
      const inner = await readLevel(full, relative, realRoot, options).catch(() => null);
      if (inner) stack.push(inner);
    }
  }
}

export interface InputEntry extends WalkEntry {
  /** Named directly on the command line or in a selection, rather than found in a folder. */
  readonly explicit: boolean;
}

/** The deepest folder that contains every path (which may be the file system root). */
function commonFolder(paths: readonly string[]): string {
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const first = split[0];
  let depth = first.length;
  for (const parts of split.slice(1)) {
    let i = 0;
    while (i < depth && i < parts.length && parts[i] === first[i]) i++;
    depth = i;
  }
  return first.slice(0, depth).join(path.sep) || path.sep;
}

function relativeTo(base: string, target: string): string {
  return path.relative(base, target).split(path.sep).join('/');
}

/**
 * Files named by a list of files and folders, folders walked recursively. Relative paths are
 * taken from the single folder given, or else from the folder that holds all the inputs.
 */
export async function* walkInputs(inputs: readonly string[], options: WalkOptions = {}): AsyncGenerator<InputEntry> {
  if (inputs.length === 0) return;
  const kinds = await Promise.all(inputs.map(async (p) => ((await stat(p)).isDirectory() ? 'dir' : 'file')));
  const base = inputs.length === 1 && kinds[0] === 'dir' ? path.resolve(inputs[0]) : inputs.length === 1 ? path.dirname(path.resolve(inputs[0])) : commonFolder(inputs.map((p, i) => (kinds[i] === 'dir' ? p : path.dirname(p))));
  for (let i = 0; i < inputs.length; i++) {
    if (options.signal?.aborted) return;
    const resolved = path.resolve(inputs[i]);
    if (kinds[i] === 'file') {
      yield { path: resolved, relativePath: relativeTo(base, resolved), explicit: true };
      continue;
    }
    for await (const entry of walkFiles(resolved, options)) {
      yield { path: entry.path, relativePath: relativeTo(base, entry.path), explicit: false };
    }
  }
}

/** The entries of a listing except the one at `excluded` (an output being written among the inputs). */
export async function* excludingPath<T extends { readonly path: string }>(entries: AsyncIterable<T>, excluded: string | undefined): AsyncGenerator<T> {
  for await (const entry of entries) if (entry.path !== excluded) yield entry;
}

/** The entries of a listing whose path is in `kept` (some files of a folder); every entry when `kept` is undefined. */
export async function* keepingPaths<T extends { readonly path: string }>(entries: AsyncIterable<T>, kept: ReadonlySet<string> | undefined): AsyncGenerator<T> {
  for await (const entry of entries) if (!kept || kept.has(entry.path)) yield entry;
}
