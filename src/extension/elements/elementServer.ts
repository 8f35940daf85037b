/**
 * Answers the element list's requests for one document: its shape, the text of the rows on
 * screen, filter matches and the index of a node id. A request for a list that is no longer
 * current (the file was re-parsed, a setting changed) gets an empty reply naming the current
 * list, which the page recognises as stale. Selections are handed to `onSelect` as tree nodes.
 * Pure apart from what it is given (no `vscode`).
 */
import type { DicomFile } from '../../core/model';
import type { ElementsToHostMessage, HostToElementsMessage } from '../../shared/elementsProtocol';
import type { TagNode } from '../tree/tagNodes';
import { elementListOf, type ElementList } from './elementList';

export interface ListSelection {
  readonly nodes: readonly TagNode[];
  readonly focus: TagNode;
}

export interface ElementListOptions {
  readonly showPrivateTags: boolean;
  readonly maxValueLength: number;
}

/** A copy: a posted buffer may be transferred, and the list keeps its own. */
function bufferOf(array: Uint16Array | Uint32Array): ArrayBuffer {
  return array.slice().buffer as ArrayBuffer;
}

const EMPTY = new ArrayBuffer(0);

export function answerElements(
  message: ElementsToHostMessage,
  file: DicomFile | null,
  options: ElementListOptions,
  onSelect: (selection: ListSelection) => void,
): HostToElementsMessage | undefined {
  if (!file) {
    // An unreadable file has an empty list; every request gets the empty answer.
    return message.type === 'elements/shape' ? { type: 'elements/shapeReply', listId: 0, depths: EMPTY } : undefined;
  }
  const list = elementListOf(file, options);
  if (message.type === 'elements/shape') return { type: 'elements/shapeReply', listId: list.id, depths: bufferOf(list.depths) };
  const stale = message.listId !== list.id;
  switch (message.type) {
    case 'elements/rows': {
      const indices = stale ? [] : message.indices.filter((index) => index < list.length);
      return { type: 'elements/rowsReply', listId: list.id, indices, rows: indices.map((index) => list.row(index)) };
    }
    case 'elements/filter':
      return { type: 'elements/filterReply', listId: list.id, query: message.query, matches: stale ? EMPTY : bufferOf(list.matches(message.query)) };
    case 'elements/find':
      return { type: 'elements/findReply', listId: list.id, index: stale ? -1 : list.indexOf(message.id) };
    case 'elements/select':
      if (!stale) select(list, message.indices, message.focus, onSelect);
      return undefined;
  }
}

function select(list: ElementList, buffer: ArrayBuffer, focus: number, onSelect: (selection: ListSelection) => void): void {
  if (focus >= list.length) return;
  const nodes = [...new Uint32Array(buffer)].filter((index) => index < list.length).map((index) => list.node(index));
  onSelect({ nodes: nodes.length > 0 ? nodes : [list.node(focus)], focus: list.node(focus) });
}
