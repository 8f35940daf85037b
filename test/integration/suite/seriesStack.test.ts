// A series opened as a stack from the DICOM Explorer: its instances step like the frames of one
// multi-frame file, in the order along the slice normal (the fixture shuffles file names,
// Instance Numbers and positions against one another), each frame with its own instance's
// display settings, each file parsed once by the document the other views share.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { FrameErrorMessage, FrameMessage, ImageInfoMessage } from '../../../src/shared/viewerProtocol';
import { CT_SERIES_SLICES, MIXED_SERIES, ctSeriesSlices, sliceWindowCenter } from '../../fixtures/series/ctSeries';
import { UID_ROOT } from '../../fixtures/catalog/common';
import { closeAllEditors, inspectorApi, requireFiles, waitFor, waitForInspector, workspaceFile } from './inspectorHelpers';

const CT_SERIES_UID = `${UID_ROOT}.61.1`;
const MIXED_SERIES_UID = `${UID_ROOT}.61.2`;

async function openStack(seriesUid: string) {
  const api = await inspectorApi();
  await vscode.commands.executeCommand('dicomInspector.openSeriesStack', seriesUid);
  return waitFor(() => [...api.stacks.panels].find((panel) => panel.view.stack && panel.panel.title.length > 0 && panel.documents.some((d) => d.uri.path.includes(seriesUid === CT_SERIES_UID ? '/series/ct/' : '/series/mixed/'))), 'the stack panel');
}

async function frameAt(panel: Awaited<ReturnType<typeof openStack>>, index: number): Promise<FrameMessage> {
  const reply = (await panel.answer({ type: 'viewer/getFrame', frame: index })) as FrameMessage | FrameErrorMessage;
  assert.equal(reply.type, 'viewer/frame', `frame ${index}: ${(reply as FrameErrorMessage).message ?? ''}`);
  return reply as FrameMessage;
}

suite('Series as a stack', () => {
  teardown(async () => {
    const api = await inspectorApi();
    [...api.stacks.panels].forEach((panel) => panel.dispose());
    await closeAllEditors();
  });

  test('steps through the CT series along the normal, each frame with its instance\'s window, every file parsed once', async function () {
    const slices = ctSeriesSlices().sort((a, b) => a.place - b.place);
    const files = slices.map((slice) => workspaceFile(`fixtures/series/ct/${slice.fileName}`));
    await requireFiles(this, ...files);
    const panel = await openStack(CT_SERIES_UID);
    assert.match(panel.panel.title, /#5 CT Tilted chest stack \(stack\)/);
    assert.match(panel.view.stack!.ordering, /^by Image Position \(Patient\) along the normal/);
    assert.ok(panel.view.summary.some((field) => field.label === 'Stack' && /12 instances, 12 frames, ordered by Image Position/.test(field.value)));
    assert.deepEqual(panel.view.stack!.frames.map((frame) => frame.fileName), slices.map((slice) => slice.fileName));

    const info = (await panel.answer({ type: 'viewer/ready' })) as ImageInfoMessage;
    assert.equal(info.info?.numberOfFrames, CT_SERIES_SLICES);
    assert.equal(info.info?.frameRate, null);
    // Stepping: frame k is the slice at place k, known by its own Window Center.
    for (let k = 0; k < CT_SERIES_SLICES; k++) {
      const frame = await frameAt(panel, k);
      assert.equal(frame.frame, k);
      assert.deepEqual(frame.display.windows.map((w) => w.center), [sliceWindowCenter(k)], `frame ${k} is ${slices[k].fileName}`);
      assert.equal(frame.display.modality.kind, 'rescale');
    }
    assert.equal(((await panel.answer({ type: 'viewer/getFrame', frame: CT_SERIES_SLICES })) as FrameErrorMessage).type, 'viewer/frameError');

    // The stack's documents are the ones every view shares: one parse each.
    const api = await inspectorApi();
    panel.documents.forEach((document, i) => {
      assert.equal(document.uri.toString(), files[i].toString());
      assert.equal(api.documents.find(document.uri), document);
      assert.equal(document.version, 1, `${document.fileName} parsed once`);
    });

    // The file of the frame on screen opens in its own editor, on the same document.
    await panel.answer({ type: 'stack/openInstance', frame: 4 });
    const opened = await waitForInspector(files[4]);
    assert.equal(opened.documents.find(files[4]), panel.documents[4]);
    assert.equal(panel.documents[4].version, 1);
  });

  test('a series without positions stacks by Instance Number, says its sizes differ and shows each at its own size', async function () {
    const byNumber = [...MIXED_SERIES].sort((a, b) => a.instanceNumber - b.instanceNumber);
    await requireFiles(this, ...byNumber.map((image) => workspaceFile(`fixtures/series/mixed/${image.fileName}`)));
    const panel = await openStack(MIXED_SERIES_UID);
    assert.match(panel.view.stack!.ordering, /^by Instance Number/);
    assert.ok(panel.view.issues.some((issue) => issue.code === 'stack-sizes-differ'));
    for (let i = 0; i < byNumber.length; i++) {
      const frame = await frameAt(panel, i);
      assert.deepEqual([frame.width, frame.height], [byNumber[i].size, byNumber[i].size], `frame ${i} is ${byNumber[i].fileName}`);
    }
    panel.dispose();
    const api = await inspectorApi();
    assert.equal([...api.stacks.panels].includes(panel), false);
    assert.equal(api.documents.find(panel.documents[0].uri), undefined, 'closing the stack lets go of its documents');
  });
});
