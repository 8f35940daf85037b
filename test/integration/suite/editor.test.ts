// The DICOM editor opens files of the workspace and the tag tree shows the same elements, at
// the same offsets, as the core reader and the fixture writer's layout.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureByName } from '../../fixtures/catalog';
import type { DicomElement, DicomItem } from '../../../src/core/model';
import {
  EDITOR_VIEW_TYPE,
  allNodes,
  closeAllEditors,
  coreParse,
  openInInspector,
  requireFiles,
  treeDescription,
  treeLabel,
  waitForInspector,
  workspaceFile,
} from './inspectorHelpers';

const CT = 'corpus/CT1_UNC.explicit_little_endian.dcm';

/** Offsets of every element, item and delimiter of the model, in file order. */
function modelOffsets(elements: readonly DicomElement[]): number[] {
  const offsets: number[] = [];
  const visitItem = (item: DicomItem): void => {
    offsets.push(item.offset);
    offsets.push(...modelOffsets(item.elements));
    if (item.delimiterOffset !== null) offsets.push(item.delimiterOffset);
  };
  for (const element of elements) {
    offsets.push(element.offset);
    element.items?.forEach(visitItem);
    if (element.basicOffsetTable) offsets.push(element.basicOffsetTable.item.offset);
    element.fragments?.forEach((fragment) => offsets.push(fragment.offset));
    if (element.sequenceDelimiterOffset !== undefined && element.sequenceDelimiterOffset !== null) offsets.push(element.sequenceDelimiterOffset);
  }
  return offsets;
}

suite('DICOM editor and tag tree', () => {
  suiteSetup(async () => {
    await vscode.workspace.getConfiguration('dicomInspector').update('showPrivateTags', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(closeAllEditors);

  test('a .dcm file opens in the DICOM editor by default', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    await vscode.commands.executeCommand('vscode.open', uri);
    const api = await waitForInspector(uri);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom, 'the active tab is not a custom editor');
    assert.equal(input.viewType, EDITOR_VIEW_TYPE);
    assert.equal(api.tracker.isEditorActive, true);
  });

  test('the tree of a corpus CT has the core model\'s nodes and offsets', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const model = await coreParse(uri);
    const roots = api.tagTree.provider.getChildren();
    assert.deepEqual(roots.map((root) => root.kind), ['preamble', 'prefix', 'meta', 'dataSet']);
    assert.equal(treeDescription(api, roots[1]), '0x0080');
    assert.equal(treeLabel(api, roots[1]), 'Prefix "DICM"');
    const nodes = allNodes(api).filter((node) => node.parent !== null);
    const expected = [...modelOffsets(model.meta), ...modelOffsets(model.dataSet)];
    assert.deepEqual(nodes.map((node) => node.offset), expected);
    const sopClass = nodes.find((node) => node.element?.keyword === 'SOPClassUID');
    assert.ok(sopClass);
    assert.match(treeLabel(api, sopClass), /^\(0008,0016\) SOPClassUID UI = 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2 \(CT Image Storage\)$/);
  });

  test('nested sequences match the fixture writer\'s layout byte for byte', async function () {
    const uri = workspaceFile('fixtures/good/sequences-undefined-explicit.dcm');
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const { layout } = fixtureByName('sequences-undefined-explicit').build();
    const layoutOffsets = modelOffsets(layout.dataSet as unknown as DicomElement[]);
    const dataSet = api.tagTree.provider.getChildren().find((root) => root.kind === 'dataSet');
    assert.ok(dataSet);
    const treeOffsets = allNodes(api).filter((node) => node.id.startsWith('ds/')).map((node) => node.offset);
    assert.deepEqual(treeOffsets, layoutOffsets);
  });

  test('hiding private tags removes them from the tree, and the setting is applied live', async function () {
    const uri = workspaceFile('fixtures/good/private-explicit.dcm');
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const privateCount = (): number => allNodes(api).filter((node) => node.element && node.element.group % 2 === 1).length;
    assert.ok(privateCount() > 0, 'the fixture has private elements');
    await vscode.workspace.getConfiguration('dicomInspector').update('showPrivateTags', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(privateCount(), 0);
    } finally {
      await vscode.workspace.getConfiguration('dicomInspector').update('showPrivateTags', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('offsets in decimal and a shorter value length apply to the open tree at once', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const config = vscode.workspace.getConfiguration('dicomInspector');
    await config.update('offsetFormat', 'decimal', vscode.ConfigurationTarget.Global);
    await config.update('maxValueLength', 12, vscode.ConfigurationTarget.Global);
    try {
      const roots = api.tagTree.provider.getChildren();
      assert.equal(treeDescription(api, roots[1]), '128');
      const dataSet = roots.find((root) => root.kind === 'dataSet')!;
      const sopClass = api.tagTree.provider.getChildren(dataSet).find((node) => node.element?.keyword === 'SOPClassUID')!;
      assert.equal(treeLabel(api, sopClass), '(0008,0016) SOPClassUID UI = 1.2.840.100…');
      assert.equal(treeDescription(api, sopClass), String(sopClass.offset));
    } finally {
      await config.update('offsetFormat', undefined, vscode.ConfigurationTarget.Global);
      await config.update('maxValueLength', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(treeDescription(api, api.tagTree.provider.getChildren()[1]), '0x0080');
  });

  test('a file without an extension opens with "Open with DICOM Inspector"', async function () {
    const uri = workspaceFile('corpus/report_dfl');
    await requireFiles(this, uri);
    const api = await openInInspector(uri, 'dicomInspector.openWith');
    const file = api.tagTree.provider.file;
    assert.ok(file);
    assert.equal(file.deflated, true);
    const dataSet = api.tagTree.provider.getChildren().find((root) => root.kind === 'dataSet');
    assert.ok(dataSet);
    assert.match(treeDescription(api, api.tagTree.provider.getChildren(dataSet)[0]), /\(inflated\)$/);
  });

  test('a large header stays lazy: expanding the data set builds one level only', async function () {
    const uri = workspaceFile(CT);
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const dataSet = api.tagTree.provider.getChildren().find((root) => root.kind === 'dataSet');
    assert.ok(dataSet);
    const children = api.tagTree.provider.getChildren(dataSet);
    assert.ok(children.every((child) => child.parent === dataSet));
    assert.equal(children.length, api.tagTree.provider.file!.dataSet.length);
  });
});
