/**
 * `dicom-inspector json FILE` and `dicom-inspector xml FILE`: the data set in the standard's own
 * forms, DICOM JSON (PS3.18 Annex F) and the Native DICOM Model (PS3.19).
 *
 * Exit status: 0 written, 1 written but the file has read errors, 2 not DICOM, unreadable, or bad usage.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { dicomJsonPieces } from '../../core/export/dicomJson';
import { nativeXmlPieces } from '../../core/export/nativeXml';
import { valueRange } from '../../core/values/valueBytes';
import type { DicomElement } from '../../core/model';
import { openDicom } from '../../core/parse/readDicom';
import { withFileAccess } from '../../node/fileAccess';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, writeStreamed, type CliOutput } from '../cliOutput';

type Form = 'json' | 'xml';

const usage = (form: Form) => `Usage: dicom-inspector ${form} FILE [options]

Prints the data set as ${form === 'json' ? 'DICOM JSON (PS3.18 Annex F)' : 'Native DICOM Model XML (PS3.19)'}. Binary values are
written inline (base64, little endian); encapsulated Pixel Data, which has no inline form, as a
bulk data URI naming its byte range in the file.

Options:
  --bulk-data-uri         Write every binary value as a bulk data URI (file URL with offset and length) instead of inline
`;

export const runJson = (argv: string[], out: CliOutput) => runStandardForm('json', argv, out);
export const runXml = (argv: string[], out: CliOutput) => runStandardForm('xml', argv, out);

async function runStandardForm(form: Form, argv: string[], out: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'bulk-data-uri': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${usage(form)}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(out.stdout, usage(form));
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    await write(out.stderr, usage(form));
    return EXIT_UNUSABLE;
  }
  const path = positionals[0];
  const fileUrl = pathToFileURL(resolve(path)).href;
  const uri = (element: DicomElement) => {
    const range = valueRange(element);
    return `${fileUrl}?offset=${range.offset}&length=${range.length}`;
  };
  const options = { bulkDataUri: values['bulk-data-uri'] ? uri : (element: DicomElement) => (element.fragments ? uri(element) : undefined) };
  let file;
  try {
    file = await withFileAccess(path, async (access) => {
      const opened = await openDicom(access);
      if (opened.file.notDicom) return opened.file;
      // Streamed: values are read and written one at a time, at the pace stdout takes them.
      const pieces = form === 'json' ? dicomJsonPieces(opened.file, opened.source, opened.file.dataSet, options) : nativeXmlPieces(opened.file, opened.source, opened.file.dataSet, options);
      await writeStreamed(out.stdout, pieces);
      return opened.file;
    }, { blocking: true });
  } catch (problem) {
    await write(out.stderr, `dicom-inspector: cannot read ${path}: ${(problem as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  if (file.notDicom) {
    await write(out.stderr, `dicom-inspector: ${path} is not a DICOM file\n`);
    return EXIT_UNUSABLE;
  }
  return file.issues.some((issue) => issue.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}
