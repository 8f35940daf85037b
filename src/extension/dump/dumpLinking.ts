/**
 * Links the text dump with the DICOM Tags view (and through it the editor's element list and
 * Bytes pane): moving the caret to a line of a dump selects the node that line shows, and
 * selecting a node moves the caret of every visible dump of that file to the node's line. Both
 * sides read the one parsed document; lines and nodes meet by byte offset.
 */
import * as vscode from 'vscode';
import { lineOfOffset, offsetOfLine } from '../../core/dump/dumpLineIndex';
import type { TagTree } from '../tree/tagTreeView';
import type { TagNode } from '../tree/tagNodes';
import { DUMP_SCHEME, sourceUriOf, type TextDumpProvider } from './textDumpProvider';

function isDump(editor: vscode.TextEditor): boolean {
  return editor.document.uri.scheme === DUMP_SCHEME;
}

export function registerDumpLinking(context: vscode.ExtensionContext, provider: TextDumpProvider, tree: TagTree): void {
  /** Per dump editor, the line this module last put the caret on: its own move is not the user's. */
  const placed = new WeakMap<vscode.TextEditor, number>();

  const showsTreeFile = (editor: vscode.TextEditor): boolean => {
    const document = tree.provider.currentDocument;
    return document !== undefined && sourceUriOf(editor.document.uri).toString() === document.uri.toString();
  };

  const onCaretMoved = (event: vscode.TextEditorSelectionChangeEvent): void => {
    const editor = event.textEditor;
    if (!isDump(editor) || !showsTreeFile(editor)) return;
    const line = event.selections[0].active.line;
    if (placed.get(editor) === line) return;
    placed.delete(editor);
    const offset = offsetOfLine(provider.offsetsOf(editor.document.uri), line);
    // The caret stays in the dump: the tree follows without taking the keyboard.
    if (offset !== null) void tree.revealOffset(offset, { focus: false });
  };

  const onNodeSelected = (node: TagNode | undefined): void => {
    if (!node) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (!isDump(editor) || !showsTreeFile(editor)) continue;
      const offsets = provider.offsetsOf(editor.document.uri);
      // A caret already on a line inside the node (its item, a fragment) stays where it is.
      const current = offsetOfLine(offsets, editor.selection.active.line);
      if (current !== null && current >= node.offset && current < Math.max(node.end, node.offset + 1)) continue;
      const line = lineOfOffset(offsets, node.offset);
      if (line === null) continue;
      placed.set(editor, line);
      const position = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  };

  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection(onCaretMoved),
    tree.view.onDidChangeSelection((event) => onNodeSelected(event.selection[0])),
  );
}
