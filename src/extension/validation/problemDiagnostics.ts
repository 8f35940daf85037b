/**
 * Issues as VS Code diagnostics. A DICOM file has no lines, so a diagnostic's range is line 0
 * with columns = byte offsets (start at the issue's offset, end at its end); the message starts
 * with the hex offset so the Problems panel reads like the tree. The code links to
 * `dicomInspector.revealProblem`, which opens the file and reveals the element everywhere.
 */
import * as vscode from 'vscode';
import type { Issue } from '../../core/model';
import { hex } from '../../core/parse/errors';
import type { SeverityChoice } from './severityOverrides';

export const REVEAL_PROBLEM_COMMAND = 'dicomInspector.revealProblem';

const SEVERITIES: Record<Exclude<SeverityChoice, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(uri: vscode.Uri, issue: Issue, severity: Exclude<SeverityChoice, 'off'>): vscode.Diagnostic {
  const start = issue.offset ?? 0;
  const range = new vscode.Range(0, start, 0, Math.max(start, issue.end ?? start));
  const where = issue.offset === null ? '' : `${hex(issue.offset)} `;
  const diagnostic = new vscode.Diagnostic(range, `${where}${issue.message}`, SEVERITIES[severity]);
  diagnostic.source = 'DICOM Inspector';
  const args = encodeURIComponent(JSON.stringify([uri.toString(), start]));
  diagnostic.code = { value: issue.code, target: vscode.Uri.parse(`command:${REVEAL_PROBLEM_COMMAND}?${args}`) };
  return diagnostic;
}
