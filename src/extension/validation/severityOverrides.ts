/**
 * The `dicomInspector.validation.severity` setting: per issue code, the severity the Problems
 * panel shows, or "off" to hide the code. Kept free of `vscode` so it is unit-tested directly.
 */
import type { Issue } from '../../core/model';

export type ShownSeverity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityChoice = ShownSeverity | 'off';

const CHOICES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps the entries whose value is a known choice; anything else in settings.json is ignored. */
export function readSeverityOverrides(raw: unknown): ReadonlyMap<string, SeverityChoice> {
  const overrides = new Map<string, SeverityChoice>();
  if (typeof raw !== 'object' || raw === null) return overrides;
  for (const [code, choice] of Object.entries(raw)) {
    if (typeof choice === 'string' && CHOICES.has(choice)) overrides.set(code, choice as SeverityChoice);
  }
  return overrides;
}

/** The severity `issue` is shown with, or "off". */
export function shownSeverity(issue: Issue, overrides: ReadonlyMap<string, SeverityChoice>): SeverityChoice {
  const override = overrides.get(issue.code);
  if (override) return override;
  return issue.severity === 'info' ? 'information' : issue.severity;
}
