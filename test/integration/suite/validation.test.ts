// The Problems panel: an open DICOM file's issues become diagnostics with their code and byte
// offsets, follow the severity setting, go away when the editor closes, and the reveal command
// behind a diagnostic's code selects the element in the tag tree.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { ruleFixtures } from '../../fixtures/catalog/validation';
import { closeAllEditors, openInInspector, waitFor } from './inspectorHelpers';

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

suite('Validation in the Problems panel', () => {
  let scratch: string;
  const fixture = ruleFixtures.find((f) => f.name === 'type1-empty')!;
  const written = fixture.build();
  const offset = fixture.offsetOf(written.layout);

  suiteSetup(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-validation-'));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('dicomInspector').update('validation.severity', undefined, vscode.ConfigurationTarget.Global);
    rmSync(scratch, { recursive: true, force: true });
  });

  teardown(closeAllEditors);

  test('an open file with an empty Type 1 attribute shows it, with code and offset, until it closes', async () => {
    const target = path.join(scratch, 'empty-modality.dcm');
    writeFileSync(target, written.bytes);
    const uri = vscode.Uri.file(target);
    await openInInspector(uri);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'type1-empty'), 'a type1-empty diagnostic');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.character, offset);
    assert.match(diagnostic.message, /Modality \(0008,0060\).*General Series module/);
    assert.equal(diagnostic.source, 'DICOM Inspector');

    await vscode.workspace.getConfiguration('dicomInspector').update('validation.severity', { 'type1-empty': 'off' }, vscode.ConfigurationTarget.Global);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'type1-empty'), 'type1-empty turned off');
    await vscode.workspace.getConfiguration('dicomInspector').update('validation.severity', { 'type1-empty': 'warning' }, vscode.ConfigurationTarget.Global);
    const shown = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'type1-empty'), 'type1-empty back as a warning');
    assert.equal(shown.severity, vscode.DiagnosticSeverity.Warning);

    await closeAllEditors();
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics removed when the editor closes');
  });

  test('the code link reveals the element the problem is about in the tag tree', async () => {
    const target = path.join(scratch, 'reveal.dcm');
    writeFileSync(target, written.bytes);
    const uri = vscode.Uri.file(target);
    const api = await openInInspector(uri);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'type1-empty'), 'a type1-empty diagnostic');
    const link = (diagnostic.code as { target: vscode.Uri }).target;
    assert.equal(link.scheme, 'command');
    const [command, args] = [link.path, JSON.parse(decodeURIComponent(link.query)) as unknown[]];
    await vscode.commands.executeCommand(command, ...args);
    await waitFor(() => api.tagTree.view.selection[0]?.offset === offset, `the tree to select the element at ${offset}`);
  });
});
