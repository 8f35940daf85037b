/**
 * `dicom-inspector dump FILE [--json] [--full] [--decimal] [--max-value-length N] [--no-private] [--no-offsets]`
 *
 * Exit status: 0 parsed cleanly, 1 parsed with errors (output still printed), 2 not DICOM,
 * unreadable, or bad usage.
 */
import { parseArgs } from 'node:util';
import type { DicomFile } from '../../core/model';
import { readDicom } from '../../core/parse/readDicom';
import { textDumpChunks } from '../../core/dump/textDump';
import { jsonDumpChunks } from '../../core/dump/jsonDumpChunks';
import { withFileAccess } from '../../node/fileAccess';
import { fsMessage, isSystemError } from '../../node/fsMessage';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, writeStreamed, type CliOutput } from '../cliOutput';

export const DUMP_USAGE = `Usage: dicom-inspector dump FILE [options]

Prints every element of a DICOM file, one per line, indented by nesting, with its byte
offset, tag, VR, length, keyword and value; then the problems found, with their offsets.

Options:
  --json                  Print the model as JSON instead (elements with offsets, items, fragments, issues)
  --full                  Read the whole file, including the pixel data and what follows it
  --decimal               Offsets in decimal instead of hex
  --max-value-length N    Cut values longer than N characters (default 64, 0 = no limit)
  --no-private            Leave out private tags
  --no-offsets            Leave out the offset column, so that two dumps line up in a text diff
  -h, --help              Show this help.

Exit status: 0 parsed cleanly, 1 parsed with errors (output still printed), 2 not DICOM,
unreadable, or bad usage.
`;

export async function runDump(argv: string[], out: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' }, full: { type: 'boolean' }, decimal: { type: 'boolean' },
        'max-value-length': { type: 'string' }, 'no-private': { type: 'boolean' }, 'no-offsets': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${DUMP_USAGE}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(out.stdout, DUMP_USAGE);
    return EXIT_OK;
  }
  const maxValueLength = values['max-value-length'] === undefined ? 64 : Number(values['max-value-length']);
  if (positionals.length !== 1 || !Number.isInteger(maxValueLength) || maxValueLength < 0) {
    await write(out.stderr, DUMP_USAGE);
    return EXIT_UNUSABLE;
  }
  const path = positionals[0];
  let file;
  try {
    // Blocking reads: a CLI run has nothing else to keep responsive (see openFileAccess).
    file = await withFileAccess(path, (access) => readDicom(access, { headerOnly: !values.full }), { blocking: true });
  } catch (problem) {
    const message = isSystemError(problem) ? fsMessage(`cannot read ${path}`, problem) : `cannot read ${path}: ${(problem as Error).message}`;
    await write(out.stderr, `dicom-inspector: ${message}\n`);
    return EXIT_UNUSABLE;
  }
  // Streamed: a file of millions of nodes is written as it is dumped, never as one string.
  if (values.json) {
    await writeStreamed(out.stdout, jsonDumpLine(file, path));
  } else {
    await writeStreamed(out.stdout, textDumpChunks(file, {
      fileName: path, offsetFormat: values.decimal ? 'decimal' : 'hex', maxValueLength, showPrivateTags: !values['no-private'], offsets: !values['no-offsets'],
    }));
  }
  if (file.notDicom) {
    await write(out.stderr, `dicom-inspector: ${path} is not a DICOM file\n`);
    return EXIT_UNUSABLE;
  }
  return file.issues.some((issue) => issue.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}

/** The JSON dump and the line break that ends it. */
function* jsonDumpLine(file: DicomFile, path: string): Generator<string, void, undefined> {
  yield* jsonDumpChunks(file, path);
  yield '\n';
}
