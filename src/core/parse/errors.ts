import type { IssueCode } from '../model';

/**
 * Control flow of the reader. NeedMoreData asks the caller for a longer prefix of the file
 * (header-only reading); ParseStop ends parsing at a byte offset with a message. Neither ever
 * leaves the core: readDicom turns them into issues.
 */
export class NeedMoreData extends Error {
  constructor(readonly neededEnd: number) {
    super(`need bytes up to offset ${neededEnd}`);
  }
}

export class ParseStop extends Error {
  /** `code` is the issue code the stop becomes (see IssueCode in model.ts). */
  constructor(readonly code: IssueCode, readonly offset: number | null, message: string) {
    super(message);
  }
}

/** Offsets in messages read as everywhere else: "0x0080". */
export { offsetText as hex } from '../format/presentation';

export function tagText(tag: number): string {
  const digits = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${digits.slice(0, 4)},${digits.slice(4)})`;
}
