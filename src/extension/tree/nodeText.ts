/**
 * Labels, descriptions and tooltip facts of tag tree nodes. Pure (no `vscode`).
 */
import type { CsaElement, DicomElement, DicomFile } from '../../core/model';
import type { OffsetFormat } from '../../shared/protocol';
import type { TagNode } from './tagNodes';
import { formatOffset as coreFormatOffset, formatText, oneLine } from '../../core/format/formatValue';
import { displayValueText } from './valueText';
import { privateLabel } from '../../core/format/privateLabel';

export interface NodeTextOptions {
  readonly offsetFormat: OffsetFormat;
  readonly maxValueLength: number;
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** "(0008,0016)" */
export function tagText(element: Pick<DicomElement, 'group' | 'element'>): string {
  return `(${hex4(element.group)},${hex4(element.element)})`;
}

/** "0x0080" in hex (at least four digits, as hex editors show them) or "128" in decimal. */
export function formatOffset(offset: number, format: OffsetFormat): string {
  return coreFormatOffset(offset, format, 4);
}

/** The keyword, or what is known about a tag the dictionary does not name. */
export function keywordText(element: DicomElement): string {
  if (element.keyword) return element.keyword;
  if (element.group % 2 === 1) {
    if (element.element === 0x0000) return 'PrivateGroupLength';
    if (element.element >= 0x0010 && element.element <= 0x00ff) return 'PrivateCreator';
    return privateLabel(element) ?? 'Private';
  }
  return element.element === 0x0000 ? 'GroupLength' : 'Unknown';
}

/** "CSA EchoLinePosition IS = 128", as gdcmdump --csa names CSA elements. */
function csaLabel(csa: CsaElement, options: NodeTextOptions): string {
  const head = `CSA ${csa.name} ${csa.vr}`;
  const value = oneLine(formatText(csa.values.join('\\'), options.maxValueLength));
  return value.length > 0 ? `${head} = ${value}` : head;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function elementLabel(element: DicomElement, options: NodeTextOptions): string {
  const head = `${tagText(element)} ${keywordText(element)} ${element.vr}`;
  if (element.items) return `${head} (${plural(element.items.length, 'item')})`;
  if (element.fragments) return `${head} (${plural(element.fragments.length, 'fragment')})`;
  const value = displayValueText(element, options.maxValueLength);
  return value.length > 0 ? `${head} = ${value}` : head;
}

export function nodeLabel(node: TagNode, file: DicomFile, options: NodeTextOptions): string {
  switch (node.kind) {
    case 'preamble':
      return `Preamble (${node.end - node.offset} bytes)`;
    case 'prefix':
      return 'Prefix "DICM"';
    case 'meta':
      return `File Meta Information (${plural(file.meta.length, 'element')})`;
    case 'dataSet':
      return `Data Set (${plural(file.dataSet.length, 'element')})`;
    case 'element':
      return node.element ? elementLabel(node.element, options) : '';
    case 'item':
      return `Item ${node.index} (${plural(node.item?.elements.length ?? 0, 'element')})`;
    case 'itemDelimiter':
      return '(FFFE,E00D) Item Delimitation Item';
    case 'sequenceDelimiter':
      return '(FFFE,E0DD) Sequence Delimitation Item';
    case 'offsetTable':
      return `Basic Offset Table (${node.fragment?.length ?? 0} bytes)`;
    case 'fragment':
      return `Fragment ${node.index} (${node.fragment?.length ?? 0} bytes)`;
    case 'csaElement':
      return node.csa ? csaLabel(node.csa, options) : '';
  }
}

/** The description shown after the label: the node's offset, noting inflated positions. */
export function nodeDescription(node: TagNode, file: DicomFile, format: OffsetFormat): string {
  const offset = formatOffset(node.offset, format);
  const inflated = file.deflated && node.offset >= file.dataSetOffset && node.kind !== 'meta';
  return inflated ? `${offset} (inflated)` : offset;
}

export interface TooltipFact {
  readonly label: string;
  readonly value: string;
}

function lengthText(length: number | null): string {
  return length === null ? 'undefined (0xFFFFFFFF)' : `${length} (0x${length.toString(16).toUpperCase()})`;
}

/** The facts a tooltip lists: offsets, length, VR, VM and the full value. */
export function tooltipFacts(node: TagNode, file: DicomFile, format: OffsetFormat): TooltipFact[] {
  const facts: TooltipFact[] = [{ label: 'Offset', value: formatOffset(node.offset, format) }];
  const element = node.element;
  if (element) {
    facts.push({ label: 'Value offset', value: formatOffset(element.valueOffset, format) });
    facts.push({ label: 'Length', value: lengthText(element.length) });
    facts.push({ label: 'VR', value: `${element.vr}${element.explicitVr ? '' : ' (from the dictionary)'}` });
    facts.push({ label: 'VM', value: String(element.vm) });
    if (element.name) facts.push({ label: 'Name', value: element.name });
    if (element.privateCreator) facts.push({ label: 'Private creator', value: element.privateCreator });
    if (element.retired) facts.push({ label: 'Retired', value: 'yes' });
    if (element.uidName) facts.push({ label: 'UID name', value: element.uidName });
    facts.push({ label: 'Value', value: displayValueText(element, 0) });
  } else if (node.item) {
    facts.push({ label: 'Value offset', value: formatOffset(node.item.valueOffset, format) });
    facts.push({ label: 'Length', value: lengthText(node.item.length) });
  } else if (node.csa) {
    facts.push({ label: 'VR', value: node.csa.vr });
    facts.push({ label: 'VM', value: String(node.csa.vm) });
    facts.push({ label: 'SyngoDT', value: String(node.csa.syngoDt) });
    facts.push({ label: 'Items', value: String(node.csa.itemCount) });
    facts.push({ label: 'Value', value: node.csa.values.join('\\') });
  } else if (node.fragment) {
    facts.push({ label: 'Value offset', value: formatOffset(node.fragment.valueOffset, format) });
    facts.push({ label: 'Length', value: lengthText(node.fragment.length) });
  } else {
    facts.push({ label: 'Length', value: String(node.end - node.offset) });
  }
  facts.push({ label: 'End', value: formatOffset(node.end, format) });
  if (file.deflated && node.offset >= file.dataSetOffset) {
    facts.push({ label: 'Note', value: 'positions in the inflated data set stream (the file is deflated)' });
  }
  return facts;
}
