/**
 * Wires the "DICOM Tags" view: follows the current DICOM editor, tells the editor page what is
 * selected, reveals nodes asked for by the page, and hosts the filter commands.
 */
import * as vscode from 'vscode';
import type { DicomDocument } from '../document/dicomDocument';
import type { EditorTracker } from '../editor/editorTracker';
import { onSettingsChanged } from '../settings';
import { deepestNodeAtOffset, shownNodeById } from './offsetLookup';
import type { TagNode } from './tagNodes';
import { selectionSender } from '../bytes/selectionSender';
import { TagTreeProvider } from './tagTreeProvider';

export const TAG_VIEW_ID = 'dicomInspector.tags';
const FILTER_ACTIVE_CONTEXT = 'dicomInspector.tagFilterActive';

export interface TagTree {
  readonly provider: TagTreeProvider;
  readonly view: vscode.TreeView<TagNode>;
  /**
   * Reveals and selects the deepest visible node containing `offset`; undefined when none does.
   * `focus: false` leaves the keyboard where it is (a caret moving in the text dump).
   */
  revealOffset(offset: number, options?: { readonly focus?: boolean }): Promise<TagNode | undefined>;
  revealId(id: string): Promise<TagNode | undefined>;
  /** The node a command applies to: the one it was invoked on, else the first selected. */
  targetNode(argument: unknown): TagNode | undefined;
  /**
   * The nodes a command applies to, in this order: the tree's multi-selection it was invoked
   * with, the node it was invoked on, else the current document's selection: the element
   * list's when the list was used last, else the tree's.
   */
  selectedNodes(clicked?: unknown, selected?: unknown): readonly TagNode[];
}

function isTagNode(value: unknown): value is TagNode {
  return typeof value === 'object' && value !== null && typeof (value as TagNode).id === 'string' && typeof (value as TagNode).kind === 'string';
}

export function registerTagTree(context: vscode.ExtensionContext, tracker: EditorTracker): TagTree {
  const provider = new TagTreeProvider();
  const sendSelection = selectionSender(tracker);
  const view = vscode.window.createTreeView(TAG_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  // Each document keeps its element list's selection: it never carries over to another file.
  const listSelections = new WeakMap<DicomDocument, readonly TagNode[]>();
  /** The id of a node revealed for the element list, whose tree selection must not replace the list's. */
  let echoOf: string | undefined;

  const updateMessage = (): void => {
    // The view's title shows which file it lists (the tree follows the last active DICOM editor).
    view.description = provider.currentDocument?.fileName;
    const filter = provider.filter;
    view.message = filter ? `Filter "${filter.query}": ${filter.matches.size} match${filter.matches.size === 1 ? '' : 'es'}` : undefined;
    void vscode.commands.executeCommand('setContext', FILTER_ACTIVE_CONTEXT, filter !== undefined);
  };

  const reveal = async (node: TagNode | undefined, focus = true): Promise<TagNode | undefined> => {
    if (!node) return undefined;
    const filter = provider.filter;
    if (filter && !filter.visible.has(node.id) && ![...filter.matches].some((id) => node.id.startsWith(`${id}/`))) {
      provider.setFilter(undefined); // The node is filtered out: show everything again.
      updateMessage();
    }
    await view.reveal(node, { select: true, focus, expand: false });
    return node;
  };

  const tree: TagTree = {
    provider,
    view,
    revealOffset: async (offset, options) => {
      const file = provider.file;
      return reveal(file ? deepestNodeAtOffset(file, offset, provider.options) : undefined, options?.focus ?? true);
    },
    revealId: async (id) => {
      const file = provider.file;
      return reveal(file ? shownNodeById(id, file, provider.options) : undefined);
    },
    targetNode: (argument) => (isTagNode(argument) ? argument : tree.selectedNodes()[0]),
    selectedNodes: (clicked, selected) => {
      if (Array.isArray(selected) && selected.length > 0 && selected.every(isTagNode)) return selected;
      if (isTagNode(clicked)) return [clicked];
      const document = provider.currentDocument;
      return (document && listSelections.get(document)) ?? view.selection;
    },
  };

  provider.setDocument(tracker.currentDocument);
  updateMessage();
  context.subscriptions.push(
    provider,
    view,
    tracker.onDidChangeCurrentDocument((document) => {
      provider.setDocument(document);
      updateMessage();
    }),
    tracker.onDidRequestReveal(async (request) => {
      if (request.document !== provider.currentDocument) return;
      if ('id' in request) await tree.revealId(request.id);
      else await tree.revealOffset(request.offset);
    }),
    tracker.onDidSelectInList(async (event) => {
      listSelections.set(event.document, event.nodes);
      if (event.document !== provider.currentDocument) return;
      // The list keeps the keyboard: the tree follows without taking the focus.
      echoOf = event.focus.id;
      await reveal(event.focus, false);
    }),
    view.onDidChangeSelection((event) => {
      const document = provider.currentDocument;
      const echo = event.selection.length === 1 && event.selection[0].id === echoOf;
      echoOf = undefined;
      if (document && !echo) listSelections.delete(document);
      // With several selected, the bytes of the last one show.
      const node = event.selection[event.selection.length - 1];
      if (node && document) sendSelection(document, node, echo);
    }),
    onSettingsChanged(() => {
      provider.refresh();
      updateMessage();
    }),
    // An argument (from keybindings, other extensions or tests) skips the input box.
    vscode.commands.registerCommand('dicomInspector.filterTags', async (argument?: unknown) => {
      const query = typeof argument === 'string' ? argument : await vscode.window.showInputBox({
        title: 'Filter DICOM Tags',
        prompt: 'Tag (0008,0016 or 00080016), keyword, name or value; empty shows everything',
        value: provider.filter?.query ?? '',
      });
      if (query === undefined) return;
      provider.setFilter(query);
      updateMessage();
    }),
    vscode.commands.registerCommand('dicomInspector.clearTagFilter', () => {
      provider.setFilter(undefined);
      updateMessage();
    }),
  );
  return tree;
}
