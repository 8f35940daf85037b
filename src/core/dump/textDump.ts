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

/**
 * A dcmdump-like text dump with the byte offset of every line: one element, item, delimiter
 * or fragment per line, indented by nesting. The VS Code text dump shows exactly this, so it
 * can be diffed against the output of one's own parser.
 */
export function formatTextDump(file: DicomFile, options: TextDumpOptions = {}): string {
  const width = Math.max(4, file.size.toString(16).length);
  const showOffsets = options.offsets !== false;
  const offset = (n: number) => offsetText(n, options.offsetFormat ?? 'hex', width).padStart(options.offsetFormat === 'decimal' ? String(file.size).length : 0);
  /** The offset column of a line: the offset and two spaces, or nothing at all. */
  const at = (n: number) => (showOffsets ? `${offset(n)}  ` : '');
  const lines: string[] = [];
  const maxValueLength = options.maxValueLength ?? 64;
  const showPrivate = options.showPrivateTags !== false;

  const line = (position: number, depth: number, tag: string, vr: string, length: number | null | string, label: string, value = '') => {
    const len = (length === null ? 'u/l' : String(length)).padStart(LENGTH_WIDTH);
    lines.push(`${at(position)}${'  '.repeat(depth)}${tag} ${vr.padEnd(4)}${len}  ${label}${value ? '  ' + value : ''}`.trimEnd());
  };

  const item = (it: DicomItem, index: number, depth: number) => {
    line(it.offset, depth, '(FFFE,E000)', '', it.length, itemName(index));
    elements(it.elements, depth + 1);
    if (it.delimiterOffset !== null) line(it.delimiterOffset, depth, '(FFFE,E00D)', '', 0, 'ItemDelimitationItem');
  };

  const element = (el: DicomElement, depth: number) => {
    if (!showPrivate && el.group % 2 === 1) return;
    const name = el.keyword ?? privateLabel(el) ?? (el.group % 2 === 1 ? '[private]' : '[unknown]');
    const label = el.decodedVr ? `${name} (read as ${el.decodedVr})` : name;
    line(el.offset, depth, tagText(el), el.vr, el.length, label, valueText(el, maxValueLength));
    // A Siemens CSA header lists its elements below it, like gdcmdump --csa: number of items
    // in the length column, the name with its declared VM, the non-empty items as values.
    el.csa?.elements.forEach((csa, i) => {
      const values = truncate(oneLine(csa.values.join('\\')), maxValueLength);
      line(csa.offset, depth + 1, `CSA #${i}`.padEnd(11), csa.vr, csa.itemCount, `${csa.name} (VM ${csa.vm})`, values);
    });
    el.items?.forEach((it, i) => item(it, i, depth + 1));
    if (el.basicOffsetTable) {
      const bot = el.basicOffsetTable;
      line(bot.item.offset, depth + 1, '(FFFE,E000)', '', bot.item.length, 'BasicOffsetTable', bot.offsets.slice(0, 16).join('\\') + (bot.offsets.length > 16 ? '\\…' : ''));
    }
    el.fragments?.forEach((f, i) => line(f.offset, depth + 1, '(FFFE,E000)', '', f.length, fragmentName(i)));
    if (el.sequenceDelimiterOffset != null) line(el.sequenceDelimiterOffset, depth, '(FFFE,E0DD)', '', 0, 'SequenceDelimitationItem');
  };

  const elements = (list: DicomElement[], depth: number) => list.forEach((el) => element(el, depth));

  const syntax = file.transferSyntax ? `${file.transferSyntax.uid} (${file.transferSyntax.name})` : 'none';
  lines.push(`# ${options.fileName ?? 'DICOM file'}: ${file.size} bytes, transfer syntax ${syntax}, dictionary ${dictionaryEdition}`);
  if (file.deflated && showOffsets) lines.push(`# deflated: offsets from ${offset(file.dataSetOffset)} on are positions in the inflated stream`);
  if (file.preamble) lines.push(`${at(file.preamble.offset)}Preamble (${file.preamble.length} bytes)`);
  if (file.prefix) lines.push(`${at(file.prefix.offset)}Prefix "DICM"`);
  if (file.meta.length > 0) {
    lines.push('# File Meta Information');
    elements(file.meta, 0);
  }
  lines.push('# Data Set');
  elements(file.dataSet, 0);
  if (file.stoppedBeforePixelData) lines.push('# header only: the pixel data value was not read');
  for (const issue of file.issues) {
    lines.push(`# ${issue.severity}${issue.offset === null || !showOffsets ? '' : ' at ' + offset(issue.offset)}: ${oneLine(issue.message)}`);
  }
  return lines.join('\n') + '\n';
}
