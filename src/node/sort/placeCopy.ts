/**
 * Placing one copy without ever overwriting anything and without ever leaving a half file.
 *
 * The bytes go to a temporary file in the destination's staging folder first (the file
 * system's own copy: `copyFile`, which uses copy_file_range / clonefile / CopyFileEx). The
 * finished file is then given its real name with `link`, which fails with EEXIST instead of
 * replacing an existing file, unlike `rename` on POSIX. Where hard links are not supported
 * (FAT, some network shares) it falls back to "check, then rename"; the check and the rename
 * are not atomic there, which only matters if something else writes the same name meanwhile.
 */
import { sameBytes } from './sameBytes';
import { asyncSortFs, type SortFs } from './sortFs';

export type PlaceResult =
  /** The copy now has the target name. */
  | 'placed'
  /** A file with identical bytes already has the target name. */
  | 'identical'
  /** Something else (different bytes, a folder, a link) has the target name. */
  | 'taken';

/** Tells whether the regular file at `target` (of `size` bytes) has the source's bytes. */
export type SameContent = (target: string, size: number) => Promise<boolean>;

async function existing(target: string, same: SameContent, fs: SortFs): Promise<PlaceResult | null> {
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Never follow a link planted at the target: it could point anywhere.
  if (!stat.isFile()) return 'taken';
  return (await same(target, stat.size)) ? 'identical' : 'taken';
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export async function placeCopy(
  source: string,
  target: string,
  temporary: string,
  same: SameContent | undefined,
  /** The caller knows the name is free (a folder made in this run): skip the first look. */
  knownFree = false,
  fs: SortFs = asyncSortFs,
  /** `temporary` already holds a copy of the source (made while headers were read). */
  staged = false,
): Promise<PlaceResult> {
  const compare: SameContent = same ?? ((t, size) => sameBytes(source, t, size, fs));
  try {
    if (!knownFree) {
      const before = await existing(target, compare, fs);
      if (before !== null) return before;
    }
    if (!staged) await fs.copyFileExclusive(source, temporary);
    try {
      await fs.link(temporary, target);
      return 'placed';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return (await existing(target, compare, fs)) ?? 'taken';
      if (!LINK_UNSUPPORTED.has(code)) throw error;
    }
    const raced = await existing(target, compare, fs);
    if (raced !== null) return raced;
    await fs.rename(temporary, target);
    return 'placed';
  } finally {
    // After a link the temporary is a second name of the placed file; after a rename it is
    // gone; a staged copy that was not used is dropped.
    await fs.unlink(temporary).catch(() => undefined);
  }
}
