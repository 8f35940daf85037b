// The text dump linked with the DICOM Tags view by byte offset: the caret moved to a dump line
// selects that line's node in the tree (which sends the node with its bytes to the editor page's
// Bytes pane), and a node selected in the tree moves the dump's caret to the node's line.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import type { EditorHostMessage, SelectElementMessage } from '../../../src/shared/protocol';
import * as vscode from 'vscode';
import { closeAllEditors, coreParse, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const FILE = 'fixtures/good/sequences-undefined-explicit.dcm';

const tagText = (tag: string) => `(${tag.slice(0, 4)},${tag.slice(4)})`;

suite('Text dump linking', () => {
  teardown(closeAllEditors);

  test('a dump line selects its node and sends its bytes to the page; a tree node moves the dump caret', async function () {
    const uri = workspaceFile(FILE);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri)!;
    const file = await coreParse(uri);
    // An element inside a sequence item, and another top-level one.
    const sequence = file.dataSet.find((element) => element.items && element.items.length > 0)!;
    const inner = sequence.items![0].elements[0];
    const later = file.dataSet.find((element) => element !== sequence && !element.items)!;
    assert.ok(inner && later, 'the fixture has an element in an item and another top-level element');

    const sent: EditorHostMessage[] = [];
    const post = api.tracker.post.bind(api.tracker);
    api.tracker.post = (target, message) => {
      if (target === document) sent.push(message);
      post(target, message);
    };
    try {
      const dumpUri = await vscode.commands.executeCommand<string>('dicomInspector.openTextDump', uri);
      const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === dumpUri), 'the dump editor');
      const lines = editor.document.getText().split('\n');
      const lineOf = (offset: number, tag: string) => lines.findIndex((line) => line.includes(tagText(tag)) && parseInt(line.slice(2, line.indexOf(' ')), 16) === offset);

      const innerLine = lineOf(inner.offset, inner.tag);
      assert.ok(innerLine > 0, `a dump line at ${inner.offset} shows ${inner.tag}`);
      editor.selection = new vscode.Selection(innerLine, 4, innerLine, 4);
      await waitFor(() => api.tagTree.view.selection[0]?.offset === inner.offset, 'the tree to select the line\'s node');
      assert.equal(api.tagTree.view.selection[0]?.element?.tag, inner.tag);
      const selection = await waitFor(() => sent.find((m): m is SelectElementMessage => m.type === 'selectElement' && m.offset === inner.offset), 'the node to reach the page');
      assert.deepEqual([selection.valueOffset, selection.end], [inner.valueOffset, inner.end]);
      // The node's bytes came with it, read from the one document: the page needs no round trip.
      const page = selection.pages?.find((p) => p.offset <= inner.offset && inner.offset < p.offset + p.data.byteLength);
      assert.ok(page, 'the page holding the node came with the selection');
      const raw = await vscode.workspace.fs.readFile(uri);
      assert.deepEqual([...new Uint8Array(page.data)], [...raw.subarray(page.offset, page.offset + page.data.byteLength)]);
      // The caret stays in the dump (VS Code may leave no active text editor for a moment while
      // the tree reveals the node, so this waits for the settled state).
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === dumpUri, 'the dump to stay the active editor');

      await api.tagTree.revealOffset(later.offset);
      const laterLine = lineOf(later.offset, later.tag);
      await waitFor(() => editor.selection.active.line === laterLine, `the dump caret to move to line ${laterLine}`);
    } finally {
      api.tracker.post = post;
    }
  });
});
