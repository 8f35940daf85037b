/**
 * `dicom-inspector report FILE [--json]`: the content tree of a structured report.
 *
 * Exit status: 0 read cleanly, 1 read with problems (output still printed), 2 not DICOM, not a
 * structured report, unreadable, or bad usage.
 */
import { readReport } from '../../core/report/readReport';
import { reportLines } from '../../core/report/reportText';
import type { ContentItem } from '../../core/report/reportModel';
import { StreamedArray, streamJson } from '../../core/dump/streamJson';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, writeStreamed, type CliOutput } from '../cliOutput';
import { startOneFileCommand } from '../oneFileCommand';

export const REPORT_USAGE = `Usage: dicom-inspector report FILE [--json]

Prints a structured report (any SR document or Key Object Selection) as DCMTK's
"dsrdump +Pc +Pl +Pu +Psu" prints it: its header (patient, study, device, flags, observers,
content date/time), then one line per content item,
<relationship VALUE-TYPE:(code,scheme[version],"concept name")=value>, indented by nesting;
then the problems found, with their byte offsets.

Options:
  --json    Print the document and its content tree as JSON (positions, paths and byte offsets
            of every content item)

Exit status: 0 read cleanly, 1 read with problems, 2 not a structured report or unreadable.
`;

export async function runReport(argv: string[], out: CliOutput): Promise<number> {
  const start = await startOneFileCommand(argv, REPORT_USAGE, out);
  if (typeof start === 'number') return start;
  const { path, json, file } = start;
  const report = file.notDicom ? null : readReport(file);
  if (!report) {
    await write(out.stderr, `dicom-inspector: ${path} is ${file.notDicom ? 'not a DICOM file' : 'not a structured report (no SR SOP class and no root CONTAINER)'}\n`);
    return EXIT_UNUSABLE;
  }
  const issues = [...file.issues, ...report.issues];
  // Both forms are written as they are made: a report may hold a million content items.
  if (json) {
    await writeStreamed(out.stdout, jsonLines({ file: path, ...report, root: streamedItem(report.root), issues }));
  } else {
    await writeStreamed(out.stdout, reportLines({ ...report, issues }), { lineBreaks: true });
  }
  return issues.some((issue) => issue.severity !== 'info') ? EXIT_PROBLEMS : EXIT_OK;
}

/** A content item whose children are written one by one (same JSON as the item itself). */
function streamedItem(item: ContentItem): object {
  return { ...item, children: new StreamedArray(item.children, streamedItem) };
}

function* jsonLines(value: unknown): Generator<string, void, undefined> {
  yield* streamJson(value);
  yield '\n';
}
