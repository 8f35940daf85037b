/**
 * `dicom-inspector validate FILE... [--json]`
 *
 * Checks each file: the reader's problems, PS3.5 encoding rules, PS3.10 file meta rules and
 * PS3.3 IOD rules (src/core/checks). Prints every issue with its byte offset and code.
 *
 * Exit status: 0 no errors (warnings and notes allowed), 1 errors found in at least one file,
 * 2 a file could not be read or is not DICOM, or bad usage. With --consistency, see
 * validateConsistency.ts.
 */
import { parseArgs } from 'node:util';
import { validateFile, type ValidationReport } from '../../core/checks';
import type { Issue } from '../../core/model';
import { offsetText } from '../../core/format/presentation';
import { readDicom } from '../../core/parse/readDicom';
import { withFileAccess } from '../../node/fileAccess';
import { runConsistency } from './validateConsistency';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

export const VALIDATE_USAGE = `Usage: dicom-inspector validate FILE... [--json]
       dicom-inspector validate --consistency FOLDER... [--json]

Checks DICOM files: values against their VR (PS3.5), the data dictionary's VR and VM, the
File Meta Information (PS3.10), and the attributes the IOD of the SOP Class requires (PS3.3).
Every issue has a code, a severity and the byte offset it concerns.

With --consistency, checks across the DICOM files under the folders instead, as dcentvfy
does: files of one Patient ID, Study Instance UID or Series Instance UID that disagree on that
entity's attributes, and one SOP Instance UID naming two different contents.

Options:
  --consistency  Check consistency across files (exit 1 when any inconsistency is found);
                 --json prints {"files", "issues": [{"file", "other", "code", ...}]}
  --json    Print an array, one object per file:
            {"file", "sopClassUid", "iod", "issues": [{"code", "severity", "offset", "tag",
            "keyword", "path", "message"}]}

Exit status: 0 no errors, 1 errors found, 2 a file unreadable or not DICOM (or bad usage).
`;

interface FileResult {
  readonly file: string;
  readonly report: ValidationReport | null;
  /** Why the file could not be checked at all. */
  readonly unreadable?: string;
}

function jsonIssue(issue: Issue): object {
  return {
    code: issue.code, severity: issue.severity, offset: issue.offset, tag: issue.tag ?? null,
    keyword: issue.keyword ?? null, path: issue.path ?? null, message: issue.message,
  };
}

function toJson(result: FileResult): object {
  return {
    file: result.file,
    sopClassUid: result.report?.sopClassUid ?? null,
    iod: result.report?.iod?.name ?? null,
    issues: result.report ? result.report.issues.map(jsonIssue)
      : [{ code: 'unreadable', severity: 'error', offset: null, tag: null, keyword: null, path: null, message: result.unreadable }],
  };
}

function toText(result: FileResult): string {
  if (!result.report) return `${result.file}: cannot be read: ${result.unreadable}\n`;
  const { report } = result;
  const iod = report.iod ? `${report.iod.name} IOD` : 'no IOD checked';
  const head = `${result.file}: ${report.sopClassUid ?? 'no SOP Class UID'} (${iod}): ${report.issues.length === 0 ? 'no problems found' : `${report.issues.length} issue(s)`}\n`;
  const lines = report.issues.map((issue) =>
    `  ${(issue.offset === null ? '-' : offsetText(issue.offset)).padEnd(10)} ${issue.severity.padEnd(7)} ${issue.code.padEnd(26)} ${issue.message}\n`);
  return head + lines.join('');
}

async function check(path: string): Promise<FileResult> {
  try {
    // Blocking reads: a CLI run has nothing else to keep responsive (see openFileAccess).
    const file = await withFileAccess(path, (access) => readDicom(access, { headerOnly: true }), { blocking: true });
    if (file.notDicom) return { file: path, report: null, unreadable: 'not a DICOM file' };
    return { file: path, report: validateFile(file) };
  } catch (problem) {
    return { file: path, report: null, unreadable: (problem as Error).message };
  }
}

export async function runValidate(argv: string[], out: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, consistency: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${VALIDATE_USAGE}`);
    return EXIT_UNUSABLE;
  }
  if (parsed.values.help) {
    await write(out.stdout, VALIDATE_USAGE);
    return EXIT_OK;
  }
  if (parsed.positionals.length === 0) {
    await write(out.stderr, VALIDATE_USAGE);
    return EXIT_UNUSABLE;
  }
  if (parsed.values.consistency) return runConsistency(parsed.positionals, parsed.values.json === true, out);
  const results: FileResult[] = [];
  for (const path of parsed.positionals) {
    const result = await check(path);
    results.push(result);
    if (!parsed.values.json) await write(out.stdout, toText(result));
  }
  if (parsed.values.json) await write(out.stdout, JSON.stringify(results.map(toJson), null, 2) + '\n');
  if (results.some((r) => !r.report)) return EXIT_UNUSABLE;
  return results.some((r) => r.report!.issues.some((issue) => issue.severity === 'error')) ? EXIT_PROBLEMS : EXIT_OK;
}
