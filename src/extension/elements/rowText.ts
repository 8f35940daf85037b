/**
 * The text of one element-list row (Tag | VR | Length | Name | Value) for any tree node, from
 * the presentation module, so the list reads like the DICOM Tags view, the dump and the CSV.
 * Structural rows (items, delimiters, fragments) show their item tag and a name. Pure.
 */
import type { DicomFile } from '../../core/model';
import type { ElementRow } from '../../shared/elementsProtocol';
import { fragmentName, itemName, keywordText, oneLine, tagText, truncate, valueText, vrText } from '../../core/format/presentation';
import { isInflatedPosition } from '../tree/nodeText';
import { contentOffset, type TagNode } from '../tree/tagNodes';

const ITEM_TAG = tagText('FFFEE000');

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function lengthText(length: number | null): string {
  return length === null ? 'undefined' : String(length);
}

type Cells = Pick<ElementRow, 'tag' | 'vr' | 'length' | 'name' | 'value'>;

function cells(node: TagNode, file: DicomFile, maxValueLength: number): Cells {
  const size = String(node.end - node.offset);
  switch (node.kind) {
    case 'element': {
      const element = node.element!;
      return { tag: tagText(element), vr: vrText(element), length: lengthText(element.length), name: keywordText(element), value: valueText(element, maxValueLength) };
    }
    case 'item':
      return { tag: ITEM_TAG, vr: '', length: lengthText(node.item?.length ?? null), name: itemName(node.index), value: plural(node.item?.elements.length ?? 0, 'element') };
    case 'itemDelimiter':
      return { tag: tagText('FFFEE00D'), vr: '', length: '0', name: 'ItemDelimitationItem', value: '' };
    case 'sequenceDelimiter':
      return { tag: tagText('FFFEE0DD'), vr: '', length: '0', name: 'SequenceDelimitationItem', value: '' };
    case 'offsetTable':
      return { tag: ITEM_TAG, vr: '', length: String(node.fragment?.length ?? 0), name: 'BasicOffsetTable', value: '' };
    case 'fragment':
      return { tag: ITEM_TAG, vr: '', length: String(node.fragment?.length ?? 0), name: fragmentName(node.index), value: '' };
    case 'csaElement':
      return { tag: '', vr: node.csa?.vr ?? '', length: size, name: `CSA ${node.csa?.name ?? ''}`, value: truncate(oneLine(node.csa?.values.join('\\') ?? ''), maxValueLength) };
    case 'preamble':
      return { tag: '', vr: '', length: size, name: 'Preamble', value: '' };
    case 'prefix':
      return { tag: '', vr: '', length: size, name: 'Prefix', value: 'DICM' };
    case 'meta':
      return { tag: '', vr: '', length: size, name: 'FileMetaInformation', value: plural(file.meta.length, 'element') };
    case 'dataSet':
      return { tag: '', vr: '', length: size, name: 'DataSet', value: plural(file.dataSet.length, 'element') };
    case 'range':
      // The element list shows every node flat; ranges belong to the DICOM Tags view only.
      return { tag: '', vr: '', length: size, name: node.rangeLabel ?? '', value: '' };
  }
}

export function elementRowText(node: TagNode, file: DicomFile, maxValueLength: number): ElementRow {
  return {
    id: node.id,
    ...cells(node, file, maxValueLength),
    offset: node.offset,
    valueOffset: contentOffset(node),
    end: node.end,
    inflated: isInflatedPosition(node, file),
  };
}
