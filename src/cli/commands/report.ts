/**
 * `dicom-inspector report FILE [--json]`: the content tree of a structured report.
 *
 * Exit status: 0 read cleanly, 1 read with problems (output still printed), 2 not DICOM, not a
 * structured report, unreadable, or bad usage.
 */
import { parseArgs } from 'node:util';
import { readDicom } from '../../core/parse/readDicom';
import { readReport } from '../../core/report/readReport';
import { formatReport } from '../../core/report/reportText';
import { withFileAccess } from '../../node/fileAccess';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

export const REPORT_USAGE = `Usage: dicom-inspector report FILE [--json]

Prints a structured report (any SR document or Key Object Selection) as its content tree: one
line per content item, <relationship VALUE-TYPE:(code,scheme,"concept name")=value>, indented
by nesting, as DCMTK's "dsrdump +Pc +Pl +Pu +Psu" prints it; then the problems found.

Options:
  --json    Print the document and its content tree as JSON (positions, paths and byte offsets
            of every content item)

Exit status: 0 read cleanly, 1 read with problems, 2 not a structured report or unreadable.
`;

export async function runReport(argv: string[], out: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${REPORT_USAGE}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(out.stdout, REPORT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    await write(out.stderr, REPORT_USAGE);
    return EXIT_UNUSABLE;
  }
  const path = positionals[0];
  let file;
  try {
    file = await withFileAccess(path, (access) => readDicom(access, { headerOnly: true }), { blocking: true });
  } catch (problem) {
    await write(out.stderr, `dicom-inspector: cannot read ${path}: ${(problem as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  const report = file.notDicom ? null : readReport(file);
  if (!report) {
    await write(out.stderr, `dicom-inspector: ${path} is ${file.notDicom ? 'not a DICOM file' : 'not a structured report (no SR SOP class and no root CONTAINER)'}\n`);
    return EXIT_UNUSABLE;
  }
  const issues = [...file.issues, ...report.issues];
  if (values.json) {
    await write(out.stdout, JSON.stringify({ file: path, ...report, issues }, null, 2) + '\n');
  } else {
    await write(out.stdout, formatReport({ ...report, issues }));
  }
  return issues.some((issue) => issue.severity !== 'info') ? EXIT_PROBLEMS : EXIT_OK;
}
