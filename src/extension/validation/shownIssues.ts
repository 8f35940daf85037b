/**
 * The problems of an open file as every place in VS Code shows them (the Problems panel and the
 * editor page's own list): the reader's issues plus the checks' when validation is enabled,
 * less the codes the severity setting turns off.
 */
import * as vscode from 'vscode';
import { validateFile } from '../../core/checks';
import type { DicomFile, Issue } from '../../core/model';
import { SETTINGS_SECTION } from '../settings';
import { readSeverityOverrides, shownSeverity, type ShownSeverity } from './severityOverrides';

export interface ShownIssue {
  readonly issue: Issue;
  readonly severity: ShownSeverity;
}

export function shownIssues(file: DicomFile): ShownIssue[] {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const issues = config.get<boolean>('validation.enabled', true) ? validateFile(file).issues : file.issues;
  const overrides = readSeverityOverrides(config.get('validation.severity'));
  const shown: ShownIssue[] = [];
  for (const issue of issues) {
    const severity = shownSeverity(issue, overrides);
    if (severity !== 'off') shown.push({ issue, severity });
  }
  return shown;
}
