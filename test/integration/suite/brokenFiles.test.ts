// Broken files show what could be read and where reading stopped; a file that changes on disk
// is parsed again, and its text dump follows.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureByName } from '../../fixtures/catalog';
import { allNodes, closeAllEditors, coreParse, openInInspector, requireFiles, waitFor, workspaceFile } from './inspectorHelpers';

const BROKEN = ['bad-truncated-mid-sequence.dcm', 'bad-length-past-end-explicit.dcm', 'bad-non-item-in-sequence.dcm', 'bad-truncated-mid-element.dcm'];

suite('Broken and changing files', () => {
  let scratch: string;

  suiteSetup(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-it-'));
  });

  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  teardown(closeAllEditors);

  for (const name of BROKEN) {
    test(`${name}: issues with offsets, and the elements before the problem in the tree`, async function () {
      const uri = workspaceFile(`fixtures/bad/${name}`);
      await requireFiles(this, uri);
      const api = await openInInspector(uri);
      const file = api.tagTree.provider.file;
      assert.ok(file);
      const errors = file.issues.filter((issue) => issue.severity === 'error');
      assert.ok(errors.length > 0, 'a broken file reports an error');
      const build = fixtureByName(name.replace(/\.dcm$/, '')).build();
      const problem = build.problem;
      assert.ok(problem, 'the fixture says where it is broken');
      const treeOffsets = new Set(allNodes(api).map((node) => node.offset));
      const kept = build.layout.dataSet.filter((element) => element.end <= problem.keptBefore);
      assert.ok(kept.length > 0, 'the fixture keeps elements before its problem');
      for (const element of kept) assert.ok(treeOffsets.has(element.offset), `element at ${element.offset} is in the tree`);
      // The issues shown are the core reader's, offsets included (the core's own tests check
      // those offsets against the writer's).
      assert.deepEqual(file.issues, (await coreParse(uri)).issues);
    });
  }

  test('a file that is not DICOM at all opens with an explanation, not a crash', async function () {
    const uri = workspaceFile('fixtures/bad/bad-too-short.dcm');
    await requireFiles(this, uri);
    const api = await openInInspector(uri);
    const file = api.tagTree.provider.file;
    assert.ok(file);
    assert.ok(file.issues.length > 0);
  });

  test('the tree and the text dump are refreshed when the file changes on disk', async function () {
    const first = workspaceFile('fixtures/good/syntax-explicit-le.dcm');
    const second = workspaceFile('fixtures/good/private-explicit.dcm');
    await requireFiles(this, first, second);
    const target = path.join(scratch, 'changing.dcm');
    copyFileSync(first.fsPath, target);
    const uri = vscode.Uri.file(target);
    const api = await openInInspector(uri);
    const before = api.tagTree.provider.file;
    assert.ok(before);
    const dumpUri = await vscode.commands.executeCommand<string>('dicomInspector.openTextDump', uri);
    const dump = await waitFor(() => vscode.workspace.textDocuments.find((document) => document.uri.toString() === dumpUri), 'the dump document');
    const dumpBefore = dump.getText();

    copyFileSync(second.fsPath, target);
    await waitFor(() => api.tagTree.provider.file !== before && api.tagTree.provider.file, 'the file to be parsed again', 20_000);
    assert.ok(allNodes(api).some((node) => node.element && node.element.group % 2 === 1), 'the new content (private tags) is in the tree');
    await waitFor(() => dump.getText() !== dumpBefore, 'the dump to refresh', 20_000);

    writeFileSync(target, new Uint8Array(10));
    await waitFor(() => (api.tagTree.provider.file?.issues.length ?? 0) > 0, 'the truncated file to show issues', 20_000);
  });
});
