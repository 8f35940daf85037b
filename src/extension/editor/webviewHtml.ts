/**
 * The editor page's HTML shell and its Content Security Policy.
 *
 * The page shows text taken from untrusted files, so it runs under a strict policy:
 * nothing by default, scripts only with this load's nonce, styles and images only from the
 * extension's own folders (localResourceRoots), no remote content, no inline handlers.
 * All file content reaches the page later as messages and is set as text, never as HTML.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Folders the webview may load from: the bundled page scripts and the shipped media. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: webviewResourceRoots(extensionUri) };
}

export function createNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function editorHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = createNonce()): string {
  // One bundle: the page and the frame viewer it mounts for files with pixel data.
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'editor.js'));
  const editorCss = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'editor.css'));
  const bytesCss = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'bytes.css'));
  const reportCss = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report.css'));
  const elementsCss = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'elements.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${editorCss.toString()}">
  <link rel="stylesheet" href="${bytesCss.toString()}">
  <link rel="stylesheet" href="${reportCss.toString()}">
  <link rel="stylesheet" href="${elementsCss.toString()}">
  <title>DICOM Inspector</title>
</head>
<body>
  <main id="app" aria-live="polite"><p class="loading">Reading DICOM header…</p></main>
  <script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
