// The Bytes pane's host side, linked both ways through the DICOM Tags view: a clicked byte
// (revealOffset) selects the node locateOffset names, and the selection goes to the editor page
// with the node's header and value ranges; pages of bytes come from the document's one parse,
// inflated for a deflated file and compressed when the raw file is asked for.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import { locateOffset } from '../../../src/core/locate/locateOffset';
import { memoryFileAccess } from '../../../src/core/io';
import { openDicom } from '../../../src/core/parse/readDicom';
import type { EditorHostMessage, SelectElementMessage } from '../../../src/shared/protocol';
import * as vscode from 'vscode';
import { closeAllEditors, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const DEFLATED = 'fixtures/good/sequences-undefined-deflated.dcm';

suite('Bytes pane linking', () => {
  teardown(closeAllEditors);

  test('a clicked byte selects the node locateOffset names and comes back with its byte ranges', async function () {
    const uri = workspaceFile(DEFLATED);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri);
    assert.ok(document?.file);
    const { file } = await openDicom(memoryFileAccess(await vscode.workspace.fs.readFile(uri)));
    // A byte inside the value of an element nested in a sequence item.
    const sequence = file.dataSet.find((element) => element.items && element.items.length > 0)!;
    const inner = sequence.items![0].elements[0];
    const clicked = inner.valueOffset + 1;
    const located = locateOffset(file, clicked)!;
    assert.equal(located.element, inner);

    const sent: EditorHostMessage[] = [];
    const post = api.tracker.post.bind(api.tracker);
    api.tracker.post = (target, message) => {
      if (target === document) sent.push(message);
      post(target, message);
    };
    try {
      api.tracker.requestReveal({ document, offset: clicked });
      const selection = await waitFor(() => sent.find((m): m is SelectElementMessage => m.type === 'selectElement'), 'the selection to reach the page');
      assert.deepEqual([selection.offset, selection.valueOffset, selection.end], [inner.offset, inner.valueOffset, inner.end]);
      assert.equal(api.tagTree.view.selection[0]?.element?.tag, inner.tag);
    } finally {
      api.tracker.post = post;
    }
  });

  test('pages: inflated bytes with their parts, or the raw file compressed after the meta group', async function () {
    const uri = workspaceFile(DEFLATED);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri)!;
    const raw = await vscode.workspace.fs.readFile(uri);
    const { file, source } = await openDicom(memoryFileAccess(raw));
    const inflated = await source.read(0, await source.size());

    const start = file.dataSetOffset - 8;
    const page = await api.readBytes({ type: 'bytes/read', stream: 'model', offset: start, length: 64 }, document);
    assert.deepEqual([...new Uint8Array(page.data)], [...inflated.subarray(start, start + 64)]);
    assert.equal(page.streamSize, inflated.length);
    const first = file.dataSet[0];
    assert.ok(page.runs.some((run) => run.part === 'tag' && run.start === first.offset && run.path === first.tag), JSON.stringify(page.runs));

    const rawPage = await api.readBytes({ type: 'bytes/read', stream: 'raw', offset: start, length: 64 }, document);
    assert.deepEqual([...new Uint8Array(rawPage.data)], [...raw.subarray(start, start + 64)]);
    assert.equal(rawPage.streamSize, raw.length);
    assert.deepEqual(rawPage.runs.filter((run) => run.part === 'deflated').map((run) => [run.start, run.end]), [[file.dataSetOffset, start + 64]]);
  });
});
