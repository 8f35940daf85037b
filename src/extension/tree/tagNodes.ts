/**
 * The tag tree's nodes, built lazily from the core's element model.
 * Pure TypeScript (no `vscode` import) so it is unit-tested with node:test; the VS Code
 * TreeDataProvider in tagTreeProvider.ts only maps these nodes to TreeItems.
 *
 * Node ids encode the path through the model by list index ("ds/e3/i0/e2"), so they are stable
 * across filtering and the private-tag setting, and a node can be found again from its id
 * without building the whole tree.
 */
import type { CsaElement, DicomElement, DicomFile, DicomItem, Fragment } from '../../core/model';

export type TagNodeKind =
  | 'preamble'
  | 'prefix'
  | 'meta'
  | 'dataSet'
  | 'element'
  | 'item'
  | 'itemDelimiter'
  | 'sequenceDelimiter'
  | 'offsetTable'
  | 'fragment'
  | 'csaElement';

export interface TagNode {
  readonly id: string;
  readonly kind: TagNodeKind;
  readonly parent: TagNode | null;
  /** First byte of the node (tag, item tag, preamble...). */
  readonly offset: number;
  /** One past the node's last byte. */
  readonly end: number;
  readonly element?: DicomElement;
  readonly item?: DicomItem;
  readonly fragment?: Fragment;
  /** An element of the Siemens CSA header its parent element holds. */
  readonly csa?: CsaElement;
  /** Item or fragment number within its parent; element index within its list. */
  readonly index: number;
}

export interface TagTreeOptions {
  readonly showPrivateTags: boolean;
}

/** Length of an item or sequence delimitation item: tag (4) + zero length (4). */
const DELIMITER_LENGTH = 8;

export function isPrivateElement(element: DicomElement): boolean {
  return element.group % 2 === 1;
}

function elementNode(parent: TagNode, element: DicomElement, index: number): TagNode {
  return { id: `${parent.id}/e${index}`, kind: 'element', parent, offset: element.offset, end: element.end, element, index };
}

function elementNodes(parent: TagNode, elements: readonly DicomElement[], options: TagTreeOptions): TagNode[] {
  const nodes: TagNode[] = [];
  elements.forEach((element, index) => {
    if (options.showPrivateTags || !isPrivateElement(element)) nodes.push(elementNode(parent, element, index));
  });
  return nodes;
}

function listEnd(elements: readonly DicomElement[], fallback: number): number {
  return elements.length > 0 ? elements[elements.length - 1].end : fallback;
}

/** The top-level nodes: preamble, prefix, file meta information and data set (those present). */
export function rootNodes(file: DicomFile): TagNode[] {
  const roots: TagNode[] = [];
  if (file.preamble) {
    roots.push({ id: 'preamble', kind: 'preamble', parent: null, offset: file.preamble.offset, end: file.preamble.offset + file.preamble.length, index: 0 });
  }
  if (file.prefix) {
    roots.push({ id: 'prefix', kind: 'prefix', parent: null, offset: file.prefix.offset, end: file.prefix.offset + file.prefix.length, index: 0 });
  }
  if (file.meta.length > 0) {
    roots.push({ id: 'meta', kind: 'meta', parent: null, offset: file.meta[0].offset, end: Math.max(file.dataSetOffset, listEnd(file.meta, 0)), index: 0 });
  }
  const dataSetStart = file.dataSet.length > 0 ? Math.min(file.dataSetOffset, file.dataSet[0].offset) : file.dataSetOffset;
  roots.push({ id: 'ds', kind: 'dataSet', parent: null, offset: dataSetStart, end: Math.max(listEnd(file.dataSet, dataSetStart), dataSetStart), index: 0 });
  return roots;
}

function sequenceDelimiterNode(parent: TagNode, offset: number): TagNode {
  return { id: `${parent.id}/sd`, kind: 'sequenceDelimiter', parent, offset, end: offset + DELIMITER_LENGTH, index: 0 };
}

function elementChildren(node: TagNode, element: DicomElement): TagNode[] {
  const children: TagNode[] = [];
  element.csa?.elements.forEach((csa, index) => {
    children.push({ id: `${node.id}/c${index}`, kind: 'csaElement', parent: node, offset: csa.offset, end: csa.end, csa, index });
  });
  element.items?.forEach((item, index) => {
    children.push({ id: `${node.id}/i${index}`, kind: 'item', parent: node, offset: item.offset, end: item.end, item, index });
  });
  if (element.basicOffsetTable) {
    const table = element.basicOffsetTable.item;
    children.push({ id: `${node.id}/bot`, kind: 'offsetTable', parent: node, offset: table.offset, end: table.valueOffset + table.length, fragment: table, index: 0 });
  }
  element.fragments?.forEach((fragment, index) => {
    children.push({ id: `${node.id}/f${index}`, kind: 'fragment', parent: node, offset: fragment.offset, end: fragment.valueOffset + fragment.length, fragment, index });
  });
  if (element.sequenceDelimiterOffset !== undefined && element.sequenceDelimiterOffset !== null) {
    children.push(sequenceDelimiterNode(node, element.sequenceDelimiterOffset));
  }
  return children;
}

/** The children of a node, in file order. Cheap: only one level is built. */
export function childNodes(node: TagNode, file: DicomFile, options: TagTreeOptions): TagNode[] {
  switch (node.kind) {
    case 'meta':
      return elementNodes(node, file.meta, options);
    case 'dataSet':
      return elementNodes(node, file.dataSet, options);
    case 'element':
      return node.element ? elementChildren(node, node.element) : [];
    case 'item': {
      const item = node.item;
      if (!item) return [];
      const children = elementNodes(node, item.elements, options);
      if (item.delimiterOffset !== null) {
        children.push({ id: `${node.id}/id`, kind: 'itemDelimiter', parent: node, offset: item.delimiterOffset, end: item.delimiterOffset + DELIMITER_LENGTH, index: 0 });
      }
      return children;
    }
    default:
      return [];
  }
}

export function hasChildren(node: TagNode, file: DicomFile, options: TagTreeOptions): boolean {
  switch (node.kind) {
    case 'meta':
    case 'dataSet':
    case 'item':
      return childNodes(node, file, options).length > 0;
    case 'element': {
      const element = node.element;
      if (!element) return false;
      return (
        (element.items?.length ?? 0) > 0 ||
        (element.csa?.elements.length ?? 0) > 0 ||
        (element.fragments?.length ?? 0) > 0 ||
        element.basicOffsetTable !== undefined ||
        (element.sequenceDelimiterOffset ?? null) !== null
      );
    }
    default:
      return false;
  }
}

/** Finds a node again from its id, walking only the path the id names. */
export function nodeById(id: string, file: DicomFile, options: TagTreeOptions): TagNode | undefined {
  const [rootId, ...steps] = id.split('/');
  let node = rootNodes(file).find((root) => root.id === rootId);
  for (const step of steps) {
    if (!node) return undefined;
    const stepId: string = `${node.id}/${step}`;
    node = childNodes(node, file, { ...options, showPrivateTags: true }).find((child) => child.id === stepId);
  }
  return node;
}

/**
 * Where a node's header ends and its contents begin: the value of an element, the contents of
 * an item, the data of a fragment. A delimiter is all header; preamble, prefix and the groups
 * are all contents.
 */
export function contentOffset(node: TagNode): number {
  if (node.element) return node.element.valueOffset;
  if (node.item) return node.item.valueOffset;
  if (node.fragment) return node.fragment.valueOffset;
  if (node.kind === 'itemDelimiter' || node.kind === 'sequenceDelimiter') return node.end;
  return node.offset;
}
