/**
 * File-system errors in one line a user can act on. Node's messages (`EACCES: permission
 * denied, open '/x/y.csv.partial-123'`) name a system call and, often, a temporary file the
 * user never asked for; these name the user's own path and what is wrong with it.
 */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'it is on another device',
};

/** `what` (e.g. "cannot write /out/x.csv") followed by the reason. */
export function fsMessage(what: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code !== undefined && REASONS[code] !== undefined ? REASONS[code] : firstLine(error);
  return `${what}: ${reason}`;
}

/** True for errors raised by a system call (they carry a code such as EACCES). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('E');
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}
