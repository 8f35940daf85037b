/**
 * `dicom-inspector csv PATH... [--tags K1,K2,...] [--long] [--out FILE [--force]]`
 *
 * Exports DICOM headers as CSV: one row per file (columns: every top-level attribute, or the
 * ones `--tags` names), or with `--long` one row per element. Folders are walked recursively.
 */
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { exportCsv, HEAD_LENGTH, readCsvHeader, type CsvColumns, type CsvExportIo } from '../../core/csv/exportCsv';
import { isValidDelimiter } from '../../core/csv/rfc4180';
import { parseSelectorList, SelectorSyntaxError } from '../../core/query/selector';
import { openFileAccess } from '../../node/fileAccess';
import { excludingPath, walkInputs } from '../../node/walk';
import { openAtomicOutput, type AtomicOutput } from '../../node/outputFile';
import { fsMessage, isSystemError } from '../../node/fsMessage';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, type CliOutput } from '../cliOutput';


const USAGE = `Usage: dicom-inspector csv PATH... [options]

Writes the headers of DICOM files as CSV (RFC 4180, UTF-8 with BOM). Folders are read
recursively; files that are not DICOM are skipped.

Options:
  --tags LIST        Columns to export, comma-separated: keywords (PatientID), tags
                     ((0018,9345) or 00189345; private tags by tag) and sequence paths
                     (SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness).
                     Without --tags: every top-level attribute found, ordered by tag.
  --long             One row per element (Path, Tag, Keyword, Name, VR, VM, Length, Offset, Value).
  --out FILE         Write to FILE instead of standard output. FILE is written under a
                     temporary name and renamed when complete. An existing FILE is not
                     replaced (exit 2) unless --force; an input or a read-only file never is.
  --force            Replace an existing --out FILE.
  --delimiter C      Field delimiter: , ; | or "tab" (default ,).
  --no-bom           Leave out the UTF-8 byte order mark.
  --concurrency N    Files read at once (default 16).
  -h, --help         Show this help.

Exit status: 0 exported (files with problems have them in the Error column), 1 no DICOM file
found, 2 bad arguments, an input that cannot be read, or an output that cannot or must not be
written (one line on standard error says which).
`;

/** Writes to a Node stream, waiting for 'drain' when its buffer is full. */
function streamWriter(stream: NodeJS.WritableStream): (text: string) => Promise<void> {
  return async (text) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
}

function parseCsvArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      tags: { type: 'string' },
      long: { type: 'boolean', default: false },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      delimiter: { type: 'string', default: ',' },
      'no-bom': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '16' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export async function runCsv(argv: string[], out: CliOutput): Promise<number> {
  let args: ReturnType<typeof parseCsvArgs>;
  try {
    args = parseCsvArgs(argv);
  } catch (error) {
    out.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = args;
  if (values.help) {
    out.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    out.stderr.write(`No PATH given.\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter!;
  if (!isValidDelimiter(delimiter)) {
    out.stderr.write(`Unsupported delimiter ${JSON.stringify(values.delimiter)}: use , ; | or tab.\n`);
    return EXIT_UNUSABLE;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    out.stderr.write('--concurrency takes a whole number from 1 to 256.\n');
    return EXIT_UNUSABLE;
  }
  if (values.long && values.tags !== undefined) {
    out.stderr.write('--long and --tags do not go together: the long form has one row per element.\n');
    return EXIT_UNUSABLE;
  }
  let columns: CsvColumns = values.long ? { kind: 'long' } : { kind: 'union' };
  if (values.tags !== undefined) {
    try {
      const selectors = parseSelectorList(values.tags);
      if (selectors.length === 0) throw new SelectorSyntaxError(values.tags, 'no attribute named');
      columns = { kind: 'selected', selectors };
    } catch (error) {
      out.stderr.write(`${(error as Error).message}\n`);
      return EXIT_UNUSABLE;
    }
  }

  const missing = await firstMissingInput(positionals);
  if (missing !== null) {
    out.stderr.write(`csv: ${missing}\n`);
    return EXIT_UNUSABLE;
  }
  let output: AtomicOutput | undefined;
  try {
    if (values.out !== undefined) {
      output = await openAtomicOutput(values.out, { overwrite: values.force, inputs: positionals, overwriteHint: 'add --force to replace it' });
    }
  } catch (error) {
    out.stderr.write(`csv: ${(error as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  const partial = output?.partialPath;
  const io: CsvExportIo = {
    // The temporary output may sit in an input folder: it is not an input.
    listFiles: () => excludingPath(walkInputs(positionals), partial),
    // Blocking reads: a CLI run has nothing else to keep responsive (see openFileAccess).
    open: (path) => openFileAccess(path, { blocking: true, prefetch: HEAD_LENGTH }),
    readHeader: (access, firstRead, _path, stopAfterTag) => readCsvHeader(access, firstRead, stopAfterTag),
    write: output ? (text) => output.write(text) : streamWriter(out.stdout),
  };
  try {
    const summary = await exportCsv(io, { columns, delimiter, bom: !values['no-bom'], concurrency });
    await output?.commit();
    const skipped = summary.skipped > 0 ? `, ${summary.skipped} non-DICOM skipped` : '';
    const errors = summary.errors > 0 ? `, ${summary.errors} with errors (see the Error column)` : '';
    out.stderr.write(`Exported ${summary.files} file${summary.files === 1 ? '' : 's'}${skipped}${errors}${output ? ` to ${values.out}` : ''}.\n`);
    return summary.files === 0 ? EXIT_PROBLEMS : EXIT_OK;
  } catch (error) {
    await output?.discard();
    // Reading problems of single files are rows of the CSV; what ends here stopped the whole export.
    out.stderr.write(`csv: ${isSystemError(error) ? fsMessage('cannot read the input', error) : (error as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
}

/** The first input that cannot be read, as a message, or null when all are there. */
async function firstMissingInput(inputs: readonly string[]): Promise<string | null> {
  for (const input of inputs) {
    try {
      await stat(input);
    } catch (error) {
      return fsMessage(`cannot read ${input}`, error);
    }
  }
  return null;
}
