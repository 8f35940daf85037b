/**
 * `dicom-inspector dicomdir FILE [--json]`: a DICOMDIR's records as Patient → Study → Series →
 * Image, each with its offset, key attributes and the file it references (checked on disk).
 *
 * Exit status: 0 read cleanly, 1 read with problems (a pointer that misses, a missing file),
 * 2 not a DICOMDIR, unreadable, or bad usage.
 */
import { readDirectory } from '../../core/dicomdir/readDirectory';
import { allRecords, directoryJson, formatDirectory } from '../../core/dicomdir/directoryText';
import type { Issue } from '../../core/model';
import { offsetText } from '../../core/format/presentation';
import { resolveReferencedFile } from '../../node/referencedFiles';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';
import { startOneFileCommand } from '../oneFileCommand';

export const DICOMDIR_USAGE = `Usage: dicom-inspector dicomdir FILE [--json]

Prints the directory records of a DICOMDIR as the hierarchy they encode (Patient, Study,
Series, Image, ...): record type, byte offset, key attributes and referenced file, which is
looked up next to the DICOMDIR and marked "(missing)" when absent. Pointers between records are
checked against the records found.

Options:
  --json    Print {"file", "fileSetId", "records": [{"type", "offset", "keys", "referencedFile",
            "children"}], "issues"} with the records nested by level

Exit status: 0 read cleanly, 1 read with problems, 2 not a DICOMDIR or unreadable.
`;

export async function runDicomdir(argv: string[], out: CliOutput): Promise<number> {
  const start = await startOneFileCommand(argv, DICOMDIR_USAGE, out);
  if (typeof start === 'number') return start;
  const { path, json, file } = start;
  const tree = file.notDicom ? null : readDirectory(file);
  if (!tree) {
    await write(out.stderr, `dicom-inspector: ${path} is ${file.notDicom ? 'not a DICOM file' : 'not a DICOMDIR (no Directory Record Sequence (0004,1220))'}\n`);
    return EXIT_UNUSABLE;
  }
  const missing = new Set<number>();
  const missingIssues: Issue[] = [];
  for (const record of allRecords(tree.records)) {
    if (record.referencedFile === null || resolveReferencedFile(path, record.referencedFile) !== null) continue;
    missing.add(record.offset);
    missingIssues.push({
      code: 'dicomdir-file-missing', severity: 'warning', offset: record.offset, end: record.end, path: record.path,
      message: `${record.type} record at ${offsetText(record.offset)} references ${record.referencedFile}, which is not next to the DICOMDIR`,
    });
  }
  const issues = [...file.issues, ...tree.issues, ...missingIssues];
  if (json) {
    const json = { file: path, fileSetId: tree.fileSetId, records: directoryJson(tree.records, missing), issues };
    await write(out.stdout, JSON.stringify(json, null, 2) + '\n');
  } else {
    await write(out.stdout, formatDirectory(tree, missing, issues));
  }
  return issues.some((issue) => issue.severity !== 'info') ? EXIT_PROBLEMS : EXIT_OK;
}
