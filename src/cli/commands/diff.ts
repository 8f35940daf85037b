/**
 * `dicom-inspector diff A B [--json] [--ignore TAG,...] [--ignore-uids] [--ignore-private] ...`
 *
 * Exit status: 0 the files hold the same elements, 1 they differ, 2 a file is not DICOM,
 * unreadable, or bad usage.
 */
import { parseArgs } from 'node:util';
import { diffDicom } from '../../core/diff/diffDicom';
import { diffTextHead, diffTextSummary, entryText } from '../../core/diff/formatDiff';
import type { DiffOptions } from '../../core/diff/types';
import { openDicom, type OpenedDicom } from '../../core/parse/readDicom';
import { parseSelectorList } from '../../core/query/selector';
import { openFileAccess, type ClosableFileAccess } from '../../node/fileAccess';
import { chunkedWriter, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

export const DIFF_USAGE = `Usage: dicom-inspector diff A B [options]

Compares two DICOM files element by element (by tag path, sequences item by item) and prints
what was added, removed or changed, with VR, length, value and byte offset on both sides.
Offsets are shown, not compared: an element that only moved is not a difference.

Options:
  --json                  Print the differences as JSON: [{path, tag, keyword, change, a, b}]
  --ignore TAGS           Leave out these attributes (keywords or tags, comma-separated:
                          PatientName,(0008,0018),00291010)
  --ignore-uids           Leave out UIDs (VR UI)
  --ignore-dates          Leave out dates and times (VR DA, DT, TM)
  --ignore-private        Leave out private elements
  --ignore-group-lengths  Leave out group lengths (gggg,0000)
  --ignore-meta           Leave out the file meta group (0002,xxxx)
  --item-key TAG          Pair sequence items by this attribute's value instead of by position
  --no-pixels             Do not decode Pixel Data when its bytes differ

Exit status: 0 same, 1 different, 2 unreadable or not DICOM.
`;

class UsageError extends Error {}

/** Tags of a comma-separated list of keywords or tags; paths into sequences are refused. */
function tagsOf(text: string, option: string): string[] {
  return parseSelectorList(text).map((selector) => {
    if (selector.steps.length !== 1) throw new UsageError(`${option} takes attributes, not paths: ${selector.source}`);
    return selector.steps[0].tag;
  });
}

function diffOptions(values: Record<string, string | boolean | undefined>): DiffOptions {
  const ignore = typeof values.ignore === 'string' ? tagsOf(values.ignore, '--ignore') : [];
  const key = typeof values['item-key'] === 'string' ? tagsOf(values['item-key'], '--item-key')[0] : undefined;
  return {
    ignoreTags: ignore,
    ignoreUids: values['ignore-uids'] === true,
    ignoreDates: values['ignore-dates'] === true,
    ignorePrivate: values['ignore-private'] === true,
    ignoreGroupLengths: values['ignore-group-lengths'] === true,
    ignoreMeta: values['ignore-meta'] === true,
    itemKey: key,
    decodePixels: values['no-pixels'] !== true,
  };
}

/**
 * One element of a JSON array as `JSON.stringify(array, null, 2)` writes it: the array of that
 * element alone, less its opening `[\n` and closing `\n]`.
 */
export function jsonArrayElement(value: unknown): string {
  return JSON.stringify([value], null, 2).slice(2, -2);
}

async function open(path: string, opened: ClosableFileAccess[]): Promise<OpenedDicom> {
  const access = await openFileAccess(path, { blocking: true });
  opened.push(access);
  const dicom = await openDicom(access);
  if (dicom.file.notDicom) throw new Error('not a DICOM file');
  return dicom;
}

export async function runDiff(argv: string[], out: CliOutput): Promise<number> {
  let values;
  let positionals;
  let options: DiffOptions;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' }, ignore: { type: 'string' }, 'ignore-uids': { type: 'boolean' },
        'ignore-dates': { type: 'boolean' }, 'ignore-private': { type: 'boolean' }, 'ignore-group-lengths': { type: 'boolean' },
        'ignore-meta': { type: 'boolean' }, 'item-key': { type: 'string' }, 'no-pixels': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    options = diffOptions(values);
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${DIFF_USAGE}`);
    return EXIT_UNUSABLE;
  }
  if (values.help) {
    await write(out.stdout, DIFF_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2) {
    await write(out.stderr, DIFF_USAGE);
    return EXIT_UNUSABLE;
  }
  const opened: ClosableFileAccess[] = [];
  try {
    const files: OpenedDicom[] = [];
    for (const path of positionals) {
      try {
        files.push(await open(path, opened));
      } catch (problem) {
        await write(out.stderr, `dicom-inspector: cannot read ${path}: ${(problem as Error).message}\n`);
        return EXIT_UNUSABLE;
      }
    }
    // Differences are written as found: two files can differ in millions of elements.
    const stdout = chunkedWriter(out.stdout);
    let result;
    if (values.json) {
      let first = true;
      result = await diffDicom(files[0], files[1], options, (entry) => {
        const piece = (first ? '[\n' : ',\n') + jsonArrayElement(entry);
        first = false;
        return stdout.add(piece);
      });
      stdout.add(first ? '[]\n' : '\n]\n');
    } else {
      stdout.add(diffTextHead(positionals[0], positionals[1]) + '\n');
      result = await diffDicom(files[0], files[1], options, (entry) => stdout.add(entryText(entry) + '\n'));
      stdout.add(diffTextSummary(result) + '\n');
    }
    await stdout.end();
    return result.differences === 0 ? EXIT_OK : EXIT_PROBLEMS;
  } finally {
    await Promise.all(opened.map((access) => access.close()));
  }
}
