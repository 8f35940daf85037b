/**
 * Labels, descriptions and tooltip facts of tag tree nodes, built from the core's presentation
 * functions so the tree reads like the header table and the text dump. Pure (no `vscode`).
 */
import type { CsaElement, DicomFile } from '../../core/model';
import type { OffsetFormat } from '../../shared/protocol';
import type { TagNode } from './tagNodes';
import { elementLabel, fragmentName, itemLabel, itemName, offsetText, oneLine, tagText, truncate, valueText, vrText } from '../../core/format/presentation';

export interface NodeTextOptions {
  readonly offsetFormat: OffsetFormat;
  readonly maxValueLength: number;
}

/** "CSA EchoLinePosition IS = 128", as gdcmdump --csa names CSA elements. */
function csaLabel(csa: CsaElement, options: NodeTextOptions): string {
  const head = `CSA ${csa.name} ${csa.vr}`;
  const value = truncate(oneLine(csa.values.join('\\')), options.maxValueLength);
  return value.length > 0 ? `${head} = ${value}` : head;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
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
      return node.element ? elementLabel(node.element, options.maxValueLength) : '';
    case 'item':
      return node.item ? itemLabel(node.index, node.item) : '';
    case 'itemDelimiter':
      return '(FFFE,E00D) Item Delimitation Item';
    case 'sequenceDelimiter':
      return '(FFFE,E0DD) Sequence Delimitation Item';
    case 'offsetTable':
      return `Basic Offset Table (${node.fragment?.length ?? 0} bytes)`;
    case 'fragment':
      return `${fragmentName(node.index)} (${node.fragment?.length ?? 0} bytes)`;
    case 'csaElement':
      return node.csa ? csaLabel(node.csa, options) : '';
    case 'range':
      return node.rangeLabel ?? '';
  }
}

/** A node's name alone, as the ends of a range name them: "(0009,1000)", "Item 12", "Fragment 3". */
export function shortNodeName(node: TagNode): string {
  switch (node.kind) {
    case 'element':
      return node.element ? tagText(node.element) : '';
    case 'item':
      return itemName(node.index);
    case 'fragment':
      return fragmentName(node.index);
    case 'csaElement':
      return `CSA ${node.csa?.name ?? node.index}`;
    case 'offsetTable':
      return 'Basic Offset Table';
    case 'itemDelimiter':
      return 'Item Delimitation Item';
    case 'sequenceDelimiter':
      return 'Sequence Delimitation Item';
    default:
      return node.kind;
  }
}

/** True when the node's offset is a position in a deflated file's inflated data set stream. */
export function isInflatedPosition(node: TagNode, file: DicomFile): boolean {
  return file.deflated && node.offset >= file.dataSetOffset && node.kind !== 'meta';
}

/** The description shown after the label: the node's offset, noting inflated positions. */
export function nodeDescription(node: TagNode, file: DicomFile, format: OffsetFormat): string {
  const offset = offsetText(node.offset, format);
  return isInflatedPosition(node, file) ? `${offset} (inflated)` : offset;
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
  const facts: TooltipFact[] = [{ label: 'Offset', value: offsetText(node.offset, format) }];
  const element = node.element;
  if (element) {
    facts.push({ label: 'Value offset', value: offsetText(element.valueOffset, format) });
    facts.push({ label: 'Length', value: lengthText(element.length) });
    facts.push({ label: 'VR', value: `${vrText(element)}${element.explicitVr ? '' : ' (from the dictionary)'}` });
    facts.push({ label: 'VM', value: String(element.vm) });
    if (element.name) facts.push({ label: 'Name', value: element.name });
    if (element.privateCreator) facts.push({ label: 'Private creator', value: element.privateCreator });
    if (element.retired) facts.push({ label: 'Retired', value: 'yes' });
    if (element.uidName) facts.push({ label: 'UID name', value: element.uidName });
    facts.push({ label: 'Value', value: valueText(element) });
  } else if (node.item) {
    facts.push({ label: 'Value offset', value: offsetText(node.item.valueOffset, format) });
    facts.push({ label: 'Length', value: lengthText(node.item.length) });
  } else if (node.csa) {
    facts.push({ label: 'VR', value: node.csa.vr });
    facts.push({ label: 'VM', value: String(node.csa.vm) });
    facts.push({ label: 'SyngoDT', value: String(node.csa.syngoDt) });
    facts.push({ label: 'Items', value: String(node.csa.itemCount) });
    facts.push({ label: 'Value', value: node.csa.values.join('\\') });
  } else if (node.fragment) {
    facts.push({ label: 'Value offset', value: offsetText(node.fragment.valueOffset, format) });
    facts.push({ label: 'Length', value: lengthText(node.fragment.length) });
  } else {
    facts.push({ label: 'Length', value: String(node.end - node.offset) });
  }
  facts.push({ label: 'End', value: offsetText(node.end, format) });
  if (file.deflated && node.offset >= file.dataSetOffset) {
    facts.push({ label: 'Note', value: 'positions in the inflated data set stream (the file is deflated)' });
  }
  return facts;
}
