/**
 * At most MAX_LISTED issues of one code are listed; the rest are counted and told in one
 * closing issue of the same code ("1,999,000 more like this from 0x0154 to 0xF5A3B2"). A file of
 * two million repeated tags would otherwise carry two million warnings, each an object with its
 * message (gigabytes, and a Problems panel no one can read), where a thousand say as much.
 */
import type { Issue, IssueCode, Severity } from '../model';
import { hex } from './errors';

export const MAX_LISTED = 1000;

interface Unlisted {
  severity: Severity;
  count: number;
  first: number | null;
  last: number | null;
}

export class IssueCap {
  private readonly listed = new Map<IssueCode, number>();
  private readonly unlisted = new Map<IssueCode, Unlisted>();

  /** True when an issue of `code` is still listed; otherwise it is counted. */
  admit(code: IssueCode, severity: Severity, offset: number | null): boolean {
    const listed = this.listed.get(code) ?? 0;
    if (listed < MAX_LISTED) {
      this.listed.set(code, listed + 1);
      return true;
    }
    const unlisted = this.unlisted.get(code);
    if (unlisted) {
      unlisted.count++;
      unlisted.last = offset ?? unlisted.last;
    } else {
      this.unlisted.set(code, { severity, count: 1, first: offset, last: offset });
    }
    return false;
  }

  /** A cap with what this one has counted so far, for a read that may be tried again. */
  copy(): IssueCap {
    const copy = new IssueCap();
    for (const [code, count] of this.listed) copy.listed.set(code, count);
    for (const [code, unlisted] of this.unlisted) copy.unlisted.set(code, { ...unlisted });
    return copy;
  }

  /** One issue per code that went past the cap, saying how many more there were and where. */
  closingIssues(): Issue[] {
    return [...this.unlisted].map(([code, { severity, count, first, last }]) => {
      const span = first === null ? '' : last === null || last === first ? ` at ${hex(first)}` : ` from ${hex(first)} to ${hex(last)}`;
      return { code, severity, offset: first, message: `${count.toLocaleString('en-US')} more ${code} ${severity === 'info' ? 'notes' : `${severity}s`} like the ${MAX_LISTED.toLocaleString('en-US')} above${span} are not listed one by one` };
    });
  }
}
