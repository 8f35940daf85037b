/**
 * The sort preview as a read-only virtual document (`dicom-sort-preview:`): plain text that
 * the user can scroll and search, with no "save changes?" prompt when it is closed.
 */
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'dicom-sort-preview';

export class SortPreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** Opens a new preview beside the current editor and returns its URI. */
  async show(title: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${++this.counter}/${title}` });
    this.texts.set(uri.path, text);
    // Keep only the last few previews' text.
    for (const key of [...this.texts.keys()].slice(0, -5)) this.texts.delete(key);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return uri;
  }
}
