import type { DicomElement, DicomFile } from '../model';
import { fragmentName, itemName, offsetText, oneLine, privateLabel, tagText, truncate, valueText } from '../format/presentation';
import { dictionaryEdition } from '../dictionary/dataDictionary';
import { ChunkedText } from './chunkedText';

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
  for (const chunk of textDumpChunks(file, options)) text += chunk;
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
  const sink: LineSink = (text, offset) => {
    lines.push(text);
    offsets.push(offset);
  };
  // A sink that is never full: the writer runs to its end in one step.
  writeLines(file, options, sink, () => false).next();
  return { lines, offsets };
}

/**
 * The text of `formatTextDump` in chunks of about 64 KiB made as they are asked for, so that the
 * dump of a file of millions of nodes is written as it is made and is never one string
 * (`dicom-inspector dump` streams them to stdout).
 */
export function* textDumpChunks(file: DicomFile, options: TextDumpOptions = {}): Generator<string, void, undefined> {
  const out = new ChunkedText();
  const lineWriter = writeLines(file, options, (text) => {
    out.text += text + '\n';
  }, () => out.full);
  for (const _ of lineWriter) yield out.take();
  yield out.take();
}

/** Takes each line of the dump (without its line break) and the byte offset it is about. */
type LineSink = (text: string, offset: number | null) => void;

/**
 * Hands the dump's lines to `emit`, in order, and pauses (yields) after a line whenever `full`
 * says the sink should be emptied first. Generators are made per list of nodes, not per line,
 * and resumed only when the sink is full.
 */
function* writeLines(file: DicomFile, options: TextDumpOptions, emit: LineSink, full: () => boolean): Generator<void, void, undefined> {
  const width = Math.max(4, file.size.toString(16).length);
  const showOffsets = options.offsets !== false;
  const decimalWidth = options.offsetFormat === 'decimal' ? String(file.size).length : 0;
  const offset = (n: number) => offsetText(n, options.offsetFormat ?? 'hex', width).padStart(decimalWidth);
  /** The offset column of a line: the offset and two spaces, or nothing at all. */
  const at = (n: number) => (showOffsets ? `${offset(n)}  ` : '');
  const maxValueLength = options.maxValueLength ?? 64;
  const showPrivate = options.showPrivateTags !== false;
  const indents: string[] = [];
  const indent = (depth: number) => (indents[depth] ??= '  '.repeat(depth));

  const line = (position: number, depth: number, tag: string, vr: string, length: number | null | string, label: string, value = '') => {
    const len = (length === null ? 'u/l' : String(length)).padStart(LENGTH_WIDTH);
    emit(`${at(position)}${indent(depth)}${tag} ${vr.padEnd(4)}${len}  ${label}${value ? '  ' + value : ''}`.trimEnd(), position);
  };

  const elementLine = (el: DicomElement, depth: number) => {
    const name = el.keyword ?? privateLabel(el) ?? (el.group % 2 === 1 ? '[private]' : '[unknown]');
    const label = el.decodedVr ? `${name} (read as ${el.decodedVr})` : name;
    line(el.offset, depth, tagText(el), el.vr, el.length, label, valueText(el, maxValueLength));
  };

  /** The lines an element has below its own: CSA elements, items, fragments, delimiter. */
  function* children(el: DicomElement, depth: number): Generator<void, void, undefined> {
    // A Siemens CSA header lists its elements below it, like gdcmdump --csa: number of items
    // in the length column, the name with its declared VM, the non-empty items as values.
    if (el.csa) {
      for (const [i, csa] of el.csa.elements.entries()) {
        const values = truncate(oneLine(csa.values.join('\\')), maxValueLength);
        line(csa.offset, depth + 1, `CSA #${i}`.padEnd(11), csa.vr, csa.itemCount, `${csa.name} (VM ${csa.vm})`, values);
        if (full()) yield;
      }
    }
    if (el.items) {
      for (const [i, it] of el.items.entries()) {
        line(it.offset, depth + 1, '(FFFE,E000)', '', it.length, itemName(i));
        if (it.elements.length > 0) yield* elements(it.elements, depth + 2);
        if (it.delimiterOffset !== null) line(it.delimiterOffset, depth + 1, '(FFFE,E00D)', '', 0, 'ItemDelimitationItem');
        if (full()) yield;
      }
    }
    if (el.basicOffsetTable) {
      const bot = el.basicOffsetTable;
      line(bot.item.offset, depth + 1, '(FFFE,E000)', '', bot.item.length, 'BasicOffsetTable', bot.offsets.slice(0, 16).join('\\') + (bot.offsets.length > 16 ? '\\…' : ''));
    }
    if (el.fragments) {
      for (const [i, f] of el.fragments.entries()) {
        line(f.offset, depth + 1, '(FFFE,E000)', '', f.length, fragmentName(i));
        if (full()) yield;
      }
    }
    if (el.sequenceDelimiterOffset != null) line(el.sequenceDelimiterOffset, depth, '(FFFE,E0DD)', '', 0, 'SequenceDelimitationItem');
  }

  function* elements(list: readonly DicomElement[], depth: number): Generator<void, void, undefined> {
    for (const el of list) {
      if (!showPrivate && el.group % 2 === 1) continue;
      elementLine(el, depth);
      // Most elements have nothing below them: no nested generator for those.
      if (el.csa || el.items || el.basicOffsetTable || el.fragments || el.sequenceDelimiterOffset != null) yield* children(el, depth);
      if (full()) yield;
    }
  }

  const syntax = file.transferSyntax ? `${file.transferSyntax.uid} (${file.transferSyntax.name})` : 'none';
  emit(`# ${options.fileName ?? 'DICOM file'}: ${file.size} bytes, transfer syntax ${syntax}, dictionary ${dictionaryEdition}`, null);
  if (file.deflated && showOffsets) emit(`# deflated: offsets from ${offset(file.dataSetOffset)} on are positions in the inflated stream`, null);
  if (file.preamble) emit(`${at(file.preamble.offset)}Preamble (${file.preamble.length} bytes)`, file.preamble.offset);
  if (file.prefix) emit(`${at(file.prefix.offset)}Prefix "DICM"`, file.prefix.offset);
  if (file.meta.length > 0) {
    emit('# File Meta Information', null);
    yield* elements(file.meta, 0);
  }
  emit('# Data Set', null);
  yield* elements(file.dataSet, 0);
  if (file.stoppedBeforePixelData) emit('# header only: the pixel data value was not read', null);
  for (const issue of file.issues) {
    emit(`# ${issue.severity}${issue.offset === null || !showOffsets ? '' : ' at ' + offset(issue.offset)}: ${oneLine(issue.message)}`, issue.offset);
    if (full()) yield;
  }
}
