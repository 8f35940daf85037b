/**
 * "Compare DICOM Files": a structural difference report with links to both elements, and
 * "Compare as Text": VS Code's diff editor on two dumps without offsets, so the lines match;
 * "Show Series Differences": what varies across the instances of a series.
 */
import * as vscode from 'vscode';
import type { DiffOptions } from '../../core/diff/types';
import type { DicomDocuments } from '../document/dicomDocuments';
import { PLAIN_DUMP_SCHEME, REPORT_SCHEME, plainDumpProvider, plainDumpUri, reportLinks, reportProvider, reportUri } from './compareDocuments';
import { pickPair } from './pickPair';
import { showSeriesDifferences } from './seriesDifferences';

const FILTERS: readonly { label: string; key: keyof DiffOptions }[] = [
  { label: 'Hide UIDs', key: 'ignoreUids' },
  { label: 'Hide dates and times', key: 'ignoreDates' },
  { label: 'Hide private elements', key: 'ignorePrivate' },
  { label: 'Hide group lengths', key: 'ignoreGroupLengths' },
  { label: 'Hide the file meta group', key: 'ignoreMeta' },
];

async function chooseOptions(): Promise<DiffOptions | undefined> {
  const picked = await vscode.window.showQuickPick(
    [...FILTERS.map((f) => ({ label: f.label, key: f.key as string })), { label: 'Match sequence items by an attribute…', key: 'itemKey' }],
    { canPickMany: true, title: 'Compare DICOM Files: what to leave out (none: compare everything)' },
  );
  if (!picked) return undefined;
  const options: Record<string, unknown> = {};
  for (const p of picked) if (p.key !== 'itemKey') options[p.key] = true;
  if (picked.some((p) => p.key === 'itemKey')) {
    const tag = await vscode.window.showInputBox({
      title: 'Pair sequence items by the value of', prompt: 'A tag such as 00081155 (ReferencedSOPInstanceUID)', placeHolder: '00081155',
      validateInput: (value) => (/^[0-9A-Fa-f]{8}$/.test(value.replace(/[(),]/g, '')) ? undefined : 'Eight hex digits, e.g. 00081155 or (0008,1155)'),
    });
    if (tag === undefined) return undefined;
    options.itemKey = tag.replace(/[(),]/g, '').toUpperCase();
  }
  return options as DiffOptions;
}

const activeFile = () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputCustom
  ? (vscode.window.tabGroups.activeTabGroup.activeTab.input as vscode.TabInputCustom).uri
  : vscode.window.activeTextEditor?.document.uri.scheme === 'file' ? vscode.window.activeTextEditor.document.uri : undefined;

export function registerCompare(context: vscode.ExtensionContext, documents: DicomDocuments): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reportProvider(documents)),
    vscode.workspace.registerTextDocumentContentProvider(PLAIN_DUMP_SCHEME, plainDumpProvider(documents)),
    vscode.languages.registerDocumentLinkProvider({ scheme: REPORT_SCHEME }, reportLinks),
    // A third argument (other extensions, tests) gives the options and skips the filter picker.
    vscode.commands.registerCommand('dicomInspector.compareFiles', async (clicked?: unknown, selection?: unknown, given?: DiffOptions) => {
      const pair = await pickPair(clicked, selection, activeFile());
      if (!pair) return undefined;
      const options = given ?? (await chooseOptions());
      if (!options) return undefined;
      const document = await vscode.workspace.openTextDocument(reportUri(pair[0], pair[1], options));
      await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      return document.uri;
    }),
    vscode.commands.registerCommand('dicomInspector.compareAsText', async (clicked?: unknown, selection?: unknown) => {
      const pair = await pickPair(clicked, selection, activeFile());
      if (!pair) return undefined;
      const [a, b] = pair;
      const name = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
      await vscode.commands.executeCommand('vscode.diff', plainDumpUri(a), plainDumpUri(b), `${name(a)} ↔ ${name(b)} (DICOM dumps without offsets)`);
      return [plainDumpUri(a), plainDumpUri(b)];
    }),
    vscode.commands.registerCommand('dicomInspector.seriesDifferences', showSeriesDifferences),
    // Opens a file in the DICOM editor and reveals the element at an offset in the tag tree.
    vscode.commands.registerCommand('dicomInspector.revealInFile', async (uri: string, offset: number) => {
      await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.parse(uri, true), 'dicomInspector.viewer');
      return vscode.commands.executeCommand('dicomInspector.revealOffset', offset);
    }),
  );
}
