/**
 * Diagnostics for every open DICOM document: the reader's issues and the checks' (src/core/
 * checks), in the Problems panel, refreshed when the file changes or settings change, removed
 * when its last editor closes. Settings: `dicomInspector.validation.enabled` and
 * `dicomInspector.validation.severity` (per code: error, warning, information, hint or off).
 */
import * as vscode from 'vscode';
import type { DicomDocument } from '../document/dicomDocument';
import { EDITOR_VIEW_TYPE } from '../editor/dicomEditorProvider';
import type { EditorTracker } from '../editor/editorTracker';
import { SETTINGS_SECTION, onSettingsChanged } from '../settings';
import { REVEAL_PROBLEM_COMMAND, toDiagnostic } from './problemDiagnostics';
import { shownIssues } from './shownIssues';

function diagnosticsFor(document: DicomDocument): vscode.Diagnostic[] {
  if (!document.file) return [];
  return shownIssues(document.file).map(({ issue, severity }) => toDiagnostic(document.uri, issue, severity));
}

export function registerValidation(context: vscode.ExtensionContext, tracker: EditorTracker): void {
  const collection = vscode.languages.createDiagnosticCollection('dicom-inspector');
  const watched = new Map<DicomDocument, vscode.Disposable>();

  const refresh = (document: DicomDocument): void => collection.set(document.uri, diagnosticsFor(document));

  /** Follows the tracker's open documents: new ones get diagnostics, closed ones lose them. */
  const sync = (): void => {
    const open = new Set(tracker.openDocuments);
    for (const [document, subscription] of watched) {
      if (open.has(document)) continue;
      subscription.dispose();
      watched.delete(document);
      collection.delete(document.uri);
    }
    for (const document of open) {
      if (watched.has(document)) continue;
      watched.set(document, document.onDidReload(() => refresh(document)));
      refresh(document);
    }
  };

  context.subscriptions.push(
    collection,
    tracker.onDidChangeCurrentDocument(sync),
    vscode.window.tabGroups.onDidChangeTabs(sync),
    onSettingsChanged(() => tracker.openDocuments.forEach(refresh)),
    vscode.commands.registerCommand(REVEAL_PROBLEM_COMMAND, async (uriText: unknown, offset: unknown) => {
      if (typeof uriText !== 'string' || typeof offset !== 'number') return;
      const uri = vscode.Uri.parse(uriText);
      await vscode.commands.executeCommand('vscode.openWith', uri, EDITOR_VIEW_TYPE);
      const document = tracker.openDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) tracker.requestReveal({ document, offset });
    }),
    { dispose: () => watched.forEach((subscription) => subscription.dispose()) },
  );
  sync();
}
