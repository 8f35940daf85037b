// One document per open file: the editor, the DICOM Tags view, the text dump, the frame server
// and the copy commands all use the one parse; a change on disk parses once more and every one
// of them follows. Frames cut short by the end of the file come back in part, through the worker.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureByName } from '../../fixtures/catalog';
import type { FrameMessage, FrameErrorMessage, ImageInfoMessage } from '../../../src/shared/viewerProtocol';
import { memoryFileAccess } from '../../../src/core/io';
import { openDicom } from '../../../src/core/parse/readDicom';
import { openPixelReader } from '../../../src/core/pixels/readFrame';
import { allNodes, closeAllEditors, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

/** 5 frames of 16 × 12 at 16 bits: 384 bytes a frame, the pixel data last in the file. */
const FIXTURE = 'multiframe-native-16bit';
const FRAME_BYTES = 16 * 12 * 2;

suite('One document per open file', () => {
  let scratch: string;
  let bytes: Uint8Array;

  suiteSetup(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-doc-'));
    bytes = fixtureByName(FIXTURE).build().bytes;
  });

  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  teardown(closeAllEditors);

  async function frame(uri: vscode.Uri, index: number): Promise<FrameMessage | FrameErrorMessage> {
    const api = await openInInspector(uri);
    const document = api.documents.find(uri);
    assert.ok(document, 'the editor holds the document');
    const reply = await api.frames.answer({ type: 'viewer/getFrame', frame: index }, document);
    assert.ok(reply && (reply.type === 'viewer/frame' || reply.type === 'viewer/frameError'), `a frame reply, not ${reply?.type}`);
    return reply;
  }

  test('the editor, tree, text dump, frames and copy commands parse the file once; a change on disk once more', async () => {
    const target = path.join(scratch, 'shared.dcm');
    writeFileSync(target, bytes);
    const uri = vscode.Uri.file(target);
    const api = await openInInspector(uri);
    const document = api.documents.find(uri);
    assert.ok(document);
    assert.equal(api.tagTree.provider.currentDocument, document, 'the tree shows the editor\'s document');

    const dumpUri = await vscode.commands.executeCommand<string>('dicomInspector.openTextDump', uri);
    const dump = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === dumpUri), 'the dump document');
    assert.match(dump.getText(), /PixelData/);
    const info = await api.frames.answer({ type: 'viewer/ready' }, document);
    assert.equal((info as ImageInfoMessage).info?.numberOfFrames, 5);
    for (let i = 0; i < 5; i++) assert.equal((await frame(uri, i)).type, 'viewer/frame');
    const node = allNodes(api).find((n) => n.element?.keyword === 'Rows');
    assert.ok(node);
    await api.tagTree.view.reveal(node, { select: true });
    await vscode.commands.executeCommand('dicomInspector.copyValue', node);
    assert.equal(await vscode.env.clipboard.readText(), '16');
    assert.equal(document.version, 1, 'one parse for every view of the file');

    // A new content: 3 frames instead of 5.
    const before = dump.getText();
    writeFileSync(target, bytes.subarray(0, bytes.length - 2 * FRAME_BYTES));
    await waitFor(() => document.version === 2, 'the file to be parsed again', 20_000);
    await waitFor(() => dump.getText() !== before, 'the dump to follow', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a second parse would show by now
    assert.equal(document.version, 2, 'a change on disk parses once');
    assert.equal(api.tagTree.provider.file, document.file, 'the tree shows the new parse');
    const last = await frame(uri, 2);
    assert.equal(last.type, 'viewer/frame');
    const gone = await frame(uri, 3);
    assert.equal(gone.type, 'viewer/frameError', 'frames past the new end are not served from the old parse');
  });

  test('a frame cut short by the end of the file comes back in part, with its missing rows named', async () => {
    const target = path.join(scratch, 'cut.dcm');
    // The last frame keeps 284 of its 384 bytes: 11 whole rows of 24 bytes, and a part of the 12th.
    writeFileSync(target, bytes.subarray(0, bytes.length - 100));
    const uri = vscode.Uri.file(target);
    const reply = await frame(uri, 4);
    assert.equal(reply.type, 'viewer/frame', reply.type === 'viewer/frameError' ? reply.message : '');
    if (reply.type !== 'viewer/frame') return;
    assert.equal(reply.partial?.completeRows, 11);
    assert.match(reply.partial?.message ?? '', /Frame 5 is cut short: 284 of its 384 bytes are there \(the file ends at byte \d+\); rows 12–16 of 16 are missing/);
    const samples = new Uint16Array(reply.samples);
    assert.equal(samples.length, 16 * 12);
    assert.ok(samples.subarray(12 * 12).every((v) => v === 0), 'rows past the end read as zeros');
    const whole = await frame(uri, 3);
    assert.equal(whole.type === 'viewer/frame' && whole.partial, null, 'the frames before are whole');
  });

  test('frames of a deflated file come from the document\'s inflated stream', async function () {
    const uri = workspaceFile('fixtures/good/syntax-deflated');
    await requireFiles(this, uri);
    const reply = await frame(uri, 0);
    assert.equal(reply.type, 'viewer/frame', reply.type === 'viewer/frameError' ? reply.message : '');
    if (reply.type !== 'viewer/frame') return;
    const { file, source } = await openDicom(memoryFileAccess(await vscode.workspace.fs.readFile(uri)));
    const expected = await (await openPixelReader(file, source)).readFrame(0);
    assert.ok(file.deflated);
    assert.deepEqual([...new Uint8Array(reply.samples)], [...new Uint8Array(expected.samples.buffer, expected.samples.byteOffset, expected.samples.byteLength)]);
    assert.equal((await openInInspector(uri)).documents.find(uri)?.version, 1, 'the frame worker did not make the document parse again');
  });
});
