import * as vscode from 'vscode';

/**
 * The two files to compare: the two selected in the Explorer (a context-menu command receives
 * the clicked file and the whole selection), else the given or active file and one picked.
 */
export async function pickPair(clicked: unknown, selection: unknown, active: vscode.Uri | undefined): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  const selected = Array.isArray(selection) ? selection.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
  if (selected.length === 2) return [selected[0], selected[1]];
  if (selected.length > 2) {
    void vscode.window.showInformationMessage('Select exactly two files to compare.');
    return undefined;
  }
  const first = clicked instanceof vscode.Uri ? clicked : active;
  if (!first) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Compare', title: 'Pick two DICOM files to compare' });
    return picked?.length === 2 ? [picked[0], picked[1]] : undefined;
  }
  const second = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Compare', title: `Compare ${first.path.split('/').pop()} with…`, defaultUri: vscode.Uri.joinPath(first, '..') });
  return second?.[0] ? [first, second[0]] : undefined;
}
