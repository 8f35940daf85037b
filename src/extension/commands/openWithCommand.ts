/**
 * Opening files in DICOM Inspector that VS Code would not: files without an extension (most
 * DICOM files from scanners have none), from the Explorer's context menu; and, when a file
 * that starts with a DICOM preamble and "DICM" is opened in the text or binary editor, an offer
 * to reopen it in DICOM Inspector.
 */
import * as vscode from 'vscode';
import { EDITOR_VIEW_TYPE } from '../editor/dicomEditorProvider';
import { readFileHead } from '../io/workspaceFileAccess';
import { readSettings, SETTINGS_SECTION } from '../settings';
import { looksLikeDicom, DICOM_HEAD_LENGTH } from './dicomSniff';

async function openInInspector(uri: vscode.Uri, viewColumn?: vscode.ViewColumn): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, EDITOR_VIEW_TYPE, viewColumn);
}

function activeFileUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return undefined;
}

/** Files already asked about in this session: ask once per file. */
const offered = new Set<string>();

/** Names DICOM Inspector opens by default: seeing one as text means the user chose text. */
const OWN_NAMES = /(\.dcm|\.dicom|^dicomdir)$/i;

/**
 * Other file systems (git:, virtual ones) have no ranged read, so sniffing would read the
 * whole file; there, only small files are looked at.
 */
const MAX_SNIFF_WITHOUT_RANGES = 1048576;

async function worthSniffing(uri: vscode.Uri): Promise<boolean> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (OWN_NAMES.test(name)) return false;
  if (uri.scheme === 'file') return true;
  try {
    return (await vscode.workspace.fs.stat(uri)).size <= MAX_SNIFF_WITHOUT_RANGES;
  } catch {
    return false;
  }
}

async function offerReopen(tab: vscode.Tab): Promise<void> {
  const input = tab.input;
  if (!(input instanceof vscode.TabInputText) || offered.has(input.uri.toString())) return;
  const settings = readSettings();
  if (!settings.offerReopenForDicomFiles) return;
  offered.add(input.uri.toString());
  if (!(await worthSniffing(input.uri))) return;
  let head: Uint8Array;
  try {
    head = await readFileHead(input.uri, DICOM_HEAD_LENGTH, settings.maxWholeFileReadMiB * 1048576);
  } catch {
    return; // Unreadable or virtual without content: nothing to offer.
  }
  if (!looksLikeDicom(head)) return;
  const reopen = 'Reopen in DICOM Inspector';
  const never = "Don't Ask Again";
  const choice = await vscode.window.showInformationMessage(`${tab.label} is a DICOM file.`, reopen, never);
  if (choice === reopen) {
    const column = tab.group.viewColumn;
    await openInInspector(input.uri, column);
    // Tab objects are replaced as the group changes, so the text tab is looked up again.
    const textTabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === input.uri.toString());
    if (textTabs.length > 0) await vscode.window.tabGroups.close(textTabs).then(undefined, () => undefined);
  } else if (choice === never) {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('offerReopenForDicomFiles', false, vscode.ConfigurationTarget.Global);
  }
}

export function registerOpenWithCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dicomInspector.openWith', async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : activeFileUri();
      if (!target) {
        const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Open with DICOM Inspector' });
        if (picked?.[0]) await openInInspector(picked[0]);
        return;
      }
      await openInInspector(target);
    }),
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      for (const tab of event.opened) void offerReopen(tab);
    }),
  );
  // Tabs already open when the extension activated (it activates only on use).
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) void offerReopen(tab);
  }
}
