import type { DicomElement, DicomFile, DicomItem } from '../model';
import { fragmentName, itemName, offsetText, oneLine, privateLabel, tagText, truncate, valueText } from '../format/presentation';
import { dictionaryEdition } from '../dictionary/dataDictionary';

export interface TextDumpOptions {
  readonly offsetFormat?: 'hex' | 'decimal';
  /** Longest value shown per line (0: no limit). Default 64. */
  readonly maxValueLength?: number;
  readonly showPrivateTags?: boolean;
  /** Name of the file, printed in the first line. */
  readonly fileName?: string;
  /**
   * False leaves out the offset column (and the offsets of problems), so that the dumps of two
   * files line up in a text diff: one inserted element would otherwise change every later line.
   */
  readonly offsets?: boolean;
}

const LENGTH_WIDTH = 10;

/** The dump's lines, and for each the byte offset it is about (null for the comment lines). */
export interface TextDumpLines {
  readonly lines: readonly string[];
  readonly offsets: readonly (number | null)[];
}

/**
 * A dcmdump-like text dump with the byte offset of every line: one element, item, delimiter
 * or fragment per line, indented by nesting. The VS Code text dump shows exactly this, so it
 * can be diffed against the output of one's own parser.
 */
export function formatTextDump(file: DicomFile, options: TextDumpOptions = {}): string {
  let text = '';
  for (const line of dumpLines(file, options)) text += line.text + '\n';
  return text;
}

/**
 * The lines of `formatTextDump` with the offset of each: the element, item, delimiter or
 * fragment a line shows starts there (a problem line: where the problem is), which is how the
 * VS Code text dump links its lines to the DICOM Tags view and the Bytes pane.
 */
export function textDumpWithOffsets(file: DicomFile, options: TextDumpOptions = {}): TextDumpLines {
  const lines: string[] = [];
  const offsets: (number | null)[] = [];
  for (const line of dumpLines(file, options)) {
    lines.push(line.text);
    offsets.push(line.offset);
  }
  return { lines, offsets };
}

/** One line of the dump (without its line break) and the byte offset it is about. */
export interface DumpLine {
  readonly text: string;
  readonly offset: number | null;
}

/**
 * The lines of the text dump (without their line breaks), produced one by one as they are
 * asked for, so that the dump of a file of millions of nodes is written as it is made and is
 * never one string or one array of lines (`dicom-inspector dump` streams them to stdout).
 */
export function* textDumpLines(file: DicomFile, options: TextDumpOptions = {}): Generator<string, void, undefined> {
  for (const line of dumpLines(file, options)) yield line.text;
}

/** The dump's lines with their offsets, one by one (see `textDumpLines`). */
function* dumpLines(file: DicomFile, options: TextDumpOptions): Generator<DumpLine, void, undefined> {
  const width = Math.max(4, file.size.toString(16).length);
  const showOffsets = options.offsets !== false;
  const offset = (n: number) => offsetText(n, options.offsetFormat ?? 'hex', width).padStart(options.offsetFormat === 'decimal' ? String(file.size).length : 0);
  /** The offset column of a line: the offset and two spaces, or nothing at all. */
  const at = (n: number) => (showOffsets ? `${offset(n)}  ` : '');
  const maxValueLength = options.maxValueLength ?? 64;
  const showPrivate = options.showPrivateTags !== false;

  const line = (position: number, depth: number, tag: string, vr: string, length: number | null | string, label: string, value = '') => {
    const len = (length === null ? 'u/l' : String(length)).padStart(LENGTH_WIDTH);
    return { text: `${at(position)}${'  '.repeat(depth)}${tag} ${vr.padEnd(4)}${len}  ${label}${value ? '  ' + value : ''}`.trimEnd(), offset: position };
  };

  const elementLine = (el: DicomElement, depth: number) => {
    const name = el.keyword ?? privateLabel(el) ?? (el.group % 2 === 1 ? '[private]' : '[unknown]');
    const label = el.decodedVr ? `${name} (read as ${el.decodedVr})` : name;
    return line(el.offset, depth, tagText(el), el.vr, el.length, label, valueText(el, maxValueLength));
  };

  function* item(it: DicomItem, index: number, depth: number): Generator<DumpLine, void, undefined> {
    yield line(it.offset, depth, '(FFFE,E000)', '', it.length, itemName(index));
    yield* elements(it.elements, depth + 1);
    if (it.delimiterOffset !== null) yield line(it.delimiterOffset, depth, '(FFFE,E00D)', '', 0, 'ItemDelimitationItem');
  }

  /** The lines an element has below its own: CSA elements, items, fragments, delimiter. */
  function* children(el: DicomElement, depth: number): Generator<DumpLine, void, undefined> {
    // A Siemens CSA header lists its elements below it, like gdcmdump --csa: number of items
    // in the length column, the name with its declared VM, the non-empty items as values.
    if (el.csa) {
      for (const [i, csa] of el.csa.elements.entries()) {
        const values = truncate(oneLine(csa.values.join('\\')), maxValueLength);
        yield line(csa.offset, depth + 1, `CSA #${i}`.padEnd(11), csa.vr, csa.itemCount, `${csa.name} (VM ${csa.vm})`, values);
      }
    }
    if (el.items) for (const [i, it] of el.items.entries()) yield* item(it, i, depth + 1);
    if (el.basicOffsetTable) {
      const bot = el.basicOffsetTable;
      yield line(bot.item.offset, depth + 1, '(FFFE,E000)', '', bot.item.length, 'BasicOffsetTable', bot.offsets.slice(0, 16).join('\\') + (bot.offsets.length > 16 ? '\\…' : ''));
    }
    if (el.fragments) for (const [i, f] of el.fragments.entries()) yield line(f.offset, depth + 1, '(FFFE,E000)', '', f.length, fragmentName(i));
    if (el.sequenceDelimiterOffset != null) yield line(el.sequenceDelimiterOffset, depth, '(FFFE,E0DD)', '', 0, 'SequenceDelimitationItem');
  }

  function* elements(list: readonly DicomElement[], depth: number): Generator<DumpLine, void, undefined> {
    for (const el of list) {
      if (!showPrivate && el.group % 2 === 1) continue;
      yield elementLine(el, depth);
      // Most elements have nothing below them: no nested generator for those.
      if (el.csa || el.items || el.basicOffsetTable || el.fragments || el.sequenceDelimiterOffset != null) yield* children(el, depth);
    }
  }

  const syntax = file.transferSyntax ? `${file.transferSyntax.uid} (${file.transferSyntax.name})` : 'none';
  yield { text: `# ${options.fileName ?? 'DICOM file'}: ${file.size} bytes, transfer syntax ${syntax}, dictionary ${dictionaryEdition}`, offset: null };
  if (file.deflated && showOffsets) yield { text: `# deflated: offsets from ${offset(file.dataSetOffset)} on are positions in the inflated stream`, offset: null };
  if (file.preamble) yield { text: `${at(file.preamble.offset)}Preamble (${file.preamble.length} bytes)`, offset: file.preamble.offset };
  if (file.prefix) yield { text: `${at(file.prefix.offset)}Prefix "DICM"`, offset: file.prefix.offset };
  if (file.meta.length > 0) {
    yield { text: '# File Meta Information', offset: null };
    yield* elements(file.meta, 0);
  }
  yield { text: '# Data Set', offset: null };
  yield* elements(file.dataSet, 0);
  if (file.stoppedBeforePixelData) yield { text: '# header only: the pixel data value was not read', offset: null };
  for (const issue of file.issues) {
    yield { text: `# ${issue.severity}${issue.offset === null || !showOffsets ? '' : ' at ' + offset(issue.offset)}: ${oneLine(issue.message)}`, offset: issue.offset };
  }
}
