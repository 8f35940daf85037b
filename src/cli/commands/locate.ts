/**
 * `dicom-inspector locate FILE OFFSET... [--json]`: for each byte offset, the innermost node of
 * the file holding it and which part of it (preamble, prefix, element header, value, item,
 * delimiter, fragment), with its path in tags and items from 0.
 *
 * Exit status: 0 when every offset was located (a byte no node holds is reported, not an
 * error), 2 for a bad offset, an unreadable or non-DICOM file, or bad usage.
 */
import { parseArgs } from 'node:util';
import { openDicom } from '../../core/parse/readDicom';
import { locateOffset, type Located } from '../../core/locate/locateOffset';
import { parseOffset } from '../../core/locate/parseOffset';
import type { DicomFile } from '../../core/model';
import { offsetText } from '../../core/format/presentation';
import { withFileAccess } from '../../node/fileAccess';
import { EXIT_OK, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

export const LOCATE_USAGE = `Usage: dicom-inspector locate FILE OFFSET... [--json]

Names what each byte offset of a DICOM file belongs to: the innermost element, item,
delimiter or fragment holding it, the part (preamble, prefix, header, value, item,
delimiter, fragment) and its path with tags and items from 0 (00081115[0].00081150;
7FE00010.Fragment[0] for the first fragment after the Basic Offset Table).
Offsets are decimal, or hex as 0x1A4, #1A4 or 1A4h. In a deflated file, offsets after the file meta group
are positions in the inflated data set, as everywhere in this tool.

Options:
  --json    Print [{"offset", "path", "tag", "keyword", "part", ...}] instead of text
`;

interface LocateRow {
  readonly offset: number;
  readonly path: string | null;
  readonly tag: string | null;
  readonly keyword: string | null;
  readonly part: Located['part'] | null;
  readonly headerField?: string;
  readonly start?: number;
  readonly end?: number;
  readonly inflated?: true;
}

function row(file: DicomFile, offset: number): LocateRow {
  const found = locateOffset(file, offset);
  const inflated = file.deflated && offset >= file.dataSetOffset ? { inflated: true as const } : {};
  if (!found) return { offset, path: null, tag: null, keyword: null, part: null, ...inflated };
  return {
    offset, path: found.path, tag: found.element?.tag ?? null, keyword: found.element?.keyword ?? null, part: found.part,
    ...(found.headerField ? { headerField: found.headerField } : {}), start: found.start, end: found.end, ...inflated,
  };
}

function textLine(r: LocateRow): string {
  const at = offsetText(r.offset);
  if (r.part === null) return `${at}  (no element, item or fragment holds this byte)`;
  const part = r.headerField ? `header (${r.headerField})` : r.part;
  const name = r.keyword ? `  ${r.keyword}` : '';
  const range = `  [${offsetText(r.start!)}, ${offsetText(r.end!)})`;
  return `${at}  ${part.padEnd(17)}  ${r.path || '-'}${name}${range}${r.inflated ? '  (inflated stream)' : ''}`;
}

export async function runLocate(argv: string[], out: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (problem) {
    await write(out.stderr, `${(problem as Error).message}\n\n${LOCATE_USAGE}`);
    return EXIT_UNUSABLE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(out.stdout, LOCATE_USAGE);
    return EXIT_OK;
  }
  if (positionals.length < 2) {
    await write(out.stderr, LOCATE_USAGE);
    return EXIT_UNUSABLE;
  }
  const [path, ...offsetTexts] = positionals;
  const offsets = offsetTexts.map(parseOffset);
  const bad = offsetTexts.find((_, i) => offsets[i] === null);
  if (bad !== undefined) {
    await write(out.stderr, `dicom-inspector: "${bad}" is not a byte offset (a decimal number, or hex as 0x1A4, #1A4 or 1A4h)\n`);
    return EXIT_UNUSABLE;
  }
  let opened;
  try {
    opened = await withFileAccess(path, async (access) => {
      const result = await openDicom(access);
      return { file: result.file, streamSize: await result.source.size() };
    }, { blocking: true });
  } catch (problem) {
    await write(out.stderr, `dicom-inspector: cannot read ${path}: ${(problem as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  const { file, streamSize } = opened;
  if (file.notDicom) {
    await write(out.stderr, `dicom-inspector: ${path} is not a DICOM file\n`);
    return EXIT_UNUSABLE;
  }
  const outside = (offsets as number[]).find((offset) => offset >= streamSize);
  if (outside !== undefined) {
    const what = file.deflated ? `the inflated stream of ${path} (${streamSize} bytes)` : `${path} (${streamSize} bytes)`;
    await write(out.stderr, `dicom-inspector: offset ${outside} (${offsetText(outside)}) is past the end of ${what}\n`);
    return EXIT_UNUSABLE;
  }
  const rows = (offsets as number[]).map((offset) => row(file, offset));
  await write(out.stdout, values.json ? JSON.stringify(rows, null, 2) + '\n' : rows.map(textLine).join('\n') + '\n');
  return EXIT_OK;
}
