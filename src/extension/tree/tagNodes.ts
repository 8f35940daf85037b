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
  | 'csaElement'
  /** A slice of a long child list (see childRanges.ts). */
  | 'range';

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
  /** A range's slice of its owner's children: [rangeStart, rangeEnd), and what it says ("(0009,1000) … (0009,13E7) (1,000)"). */
  readonly rangeStart?: number;
  readonly rangeEnd?: number;
  readonly rangeLabel?: string;
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

/** A node's children without building them all: how many there are, and each one by position. */
export interface ChildList {
  readonly length: number;
  at(position: number): TagNode;
}

type Part = readonly [count: number, make: (index: number) => TagNode];

const NO_CHILDREN: ChildList = { length: 0, at: (position) => { throw new RangeError(`child ${position} of none`); } };

/** Parts laid end to end (CSA elements, items, offset table, fragments, delimiter). */
function joined(parts: readonly Part[]): ChildList {
  const used = parts.filter(([count]) => count > 0);
  return {
    length: used.reduce((sum, [count]) => sum + count, 0),
    at(position) {
      let rest = position;
      for (const [count, make] of used) {
        if (rest < count) return make(rest);
        rest -= count;
      }
      throw new RangeError(`child ${position} of ${this.length}`);
    },
  };
}

function elementParts(parent: TagNode, elements: readonly DicomElement[]): Part {
  return [elements.length, (index) => elementNode(parent, elements[index], index)];
}

function elementChildParts(node: TagNode, element: DicomElement): Part[] {
  const csa = element.csa?.elements ?? [];
  const items = element.items ?? [];
  const fragments = element.fragments ?? [];
  const table = element.basicOffsetTable?.item;
  const delimiter = element.sequenceDelimiterOffset ?? null;
  return [
    [csa.length, (index) => ({ id: `${node.id}/c${index}`, kind: 'csaElement', parent: node, offset: csa[index].offset, end: csa[index].end, csa: csa[index], index })],
    [items.length, (index) => ({ id: `${node.id}/i${index}`, kind: 'item', parent: node, offset: items[index].offset, end: items[index].end, item: items[index], index })],
    [table ? 1 : 0, () => ({ id: `${node.id}/bot`, kind: 'offsetTable', parent: node, offset: table!.offset, end: table!.valueOffset + table!.length, fragment: table, index: 0 })],
    [fragments.length, (index) => ({ id: `${node.id}/f${index}`, kind: 'fragment', parent: node, offset: fragments[index].offset, end: fragments[index].valueOffset + fragments[index].length, fragment: fragments[index], index })],
    [delimiter === null ? 0 : 1, () => sequenceDelimiterNode(node, delimiter!)],
  ];
}

/** Every child of a node in file order, private elements included, built only when asked for. */
export function childList(node: TagNode, file: DicomFile): ChildList {
  switch (node.kind) {
    case 'meta':
      return joined([elementParts(node, file.meta)]);
    case 'dataSet':
      return joined([elementParts(node, file.dataSet)]);
    case 'element': {
      const element = node.element;
      const leaf = !element || (!element.csa && !element.items && !element.basicOffsetTable && !element.fragments && (element.sequenceDelimiterOffset ?? null) === null);
      // Most elements have no children: no parts to lay out.
      return leaf ? NO_CHILDREN : joined(elementChildParts(node, element));
    }
    case 'item': {
      const item = node.item;
      if (!item) return NO_CHILDREN;
      const delimiter = item.delimiterOffset;
      return joined([
        elementParts(node, item.elements),
        [delimiter === null ? 0 : 1, () => ({ id: `${node.id}/id`, kind: 'itemDelimiter', parent: node, offset: delimiter!, end: delimiter! + DELIMITER_LENGTH, index: 0 })],
      ]);
    }
    default:
      return NO_CHILDREN;
  }
}

/** True when a child is shown with these options (private elements may be hidden). */
export function isShownChild(child: TagNode, options: TagTreeOptions): boolean {
  return options.showPrivateTags || !child.element || !isPrivateElement(child.element) || child.kind !== 'element';
}

/** The children of a node, in file order. Cheap: only one level is built. */
export function childNodes(node: TagNode, file: DicomFile, options: TagTreeOptions): TagNode[] {
  const list = childList(node, file);
  const children: TagNode[] = [];
  for (let position = 0; position < list.length; position++) {
    const child = list.at(position);
    if (isShownChild(child, options)) children.push(child);
  }
  return children;
}

export function hasChildren(node: TagNode, file: DicomFile, options: TagTreeOptions): boolean {
  switch (node.kind) {
    case 'meta':
    case 'dataSet':
    case 'item': {
      // Stops at the first shown child: a data set may have millions.
      const list = childList(node, file);
      for (let position = 0; position < list.length; position++) if (isShownChild(list.at(position), options)) return true;
      return false;
    }
    case 'range':
      return true;
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

/** Finds a node again from its id, walking only the path the id names (one child built a level). */
export function nodeById(id: string, file: DicomFile): TagNode | undefined {
  const [rootId, ...steps] = id.split('/');
  let node = rootNodes(file).find((root) => root.id === rootId);
  for (const step of steps) {
    if (!node) return undefined;
    const list = childList(node, file);
    const position = stepPosition(node, step, list.length);
    const child = position >= 0 && position < list.length ? list.at(position) : undefined;
    node = child?.id === `${node.id}/${step}` ? child : undefined;
  }
  return node;
}

/** Where an id step ("e12", "i3", "f7", "bot", "sd", "id", "c2") puts a child in its parent's child list; -1 when nowhere. */
function stepPosition(parent: TagNode, step: string, count: number): number {
  const number = Number.parseInt(step.slice(1), 10);
  if (parent.kind !== 'element' || !parent.element) {
    if (step === 'id') return count - 1;
    return step.startsWith('e') ? number : -1;
  }
  const element = parent.element;
  const csa = element.csa?.elements.length ?? 0;
  const items = element.items?.length ?? 0;
  const table = element.basicOffsetTable ? 1 : 0;
  if (step === 'bot') return csa + items;
  if (step === 'sd') return count - 1;
  if (step.startsWith('c')) return number;
  if (step.startsWith('i')) return csa + number;
  if (step.startsWith('f')) return csa + items + table + number;
  return -1;
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
