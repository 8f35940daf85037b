// The extension loads in a real VS Code, activates only on use, and registers every command it
// contributes (a command in package.json without a handler shows "command not found").
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dicom-inspector.dicom-inspector';

/** Commands the user-facing features depend on (see the extension's README). */
const REQUIRED_COMMANDS = [
  'dicomInspector.openWith',
  'dicomInspector.revealOffset',
  'dicomInspector.openTextDump',
];

interface ContributedCommand {
  readonly command: string;
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

suite('Extension activation', () => {
  test('does not activate at startup', () => {
    const events: readonly string[] = extension().packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'activationEvents contains "*"');
    assert.ok(!events.includes('onStartupFinished'), 'activationEvents contains "onStartupFinished"');
  });

  test('activates without throwing', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('registers every contributed command', async () => {
    const ext = extension();
    await ext.activate();
    const contributed: readonly ContributedCommand[] = ext.packageJSON.contributes?.commands ?? [];
    const contributedIds = contributed.map((c) => c.command);
    for (const id of REQUIRED_COMMANDS) {
      assert.ok(contributedIds.includes(id), `package.json does not contribute ${id}`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedIds.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
