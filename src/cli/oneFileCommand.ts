/**
 * The start every command on one DICOM file with a --json switch shares (report, dicomdir):
 * its arguments checked, --help answered, the file's header read. Returns the exit status
 * instead when the command must stop there (usage printed, or the file could not be read).
 */
import { parseArgs } from 'node:util';
import type { DicomFile } from '../core/model';
import { readDicom } from '../core/parse/readDicom';
import { withFileAccess } from '../node/fileAccess';
import { EXIT_OK, EXIT_UNUSABLE, write, type CliOutput } from './cliOutput';

export interface OneFileStart {
  readonly path: string;
  readonly json: boolean;
  readonly file: DicomFile;
}

export async function startOneFileCommand(argv: string[], usage: string, out: CliOutput): Promise<OneFileStart | number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${usage}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(out.stdout, usage);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    await write(out.stderr, usage);
    return EXIT_UNUSABLE;
  }
  const path = positionals[0];
  try {
    // Blocking reads: a CLI run has nothing else to keep responsive (see openFileAccess).
    const file = await withFileAccess(path, (access) => readDicom(access, { headerOnly: true }), { blocking: true });
    return { path, json: values.json === true, file };
  } catch (problem) {
    await write(out.stderr, `dicom-inspector: cannot read ${path}: ${(problem as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
}
