/**
 * Shared steps of the extension's integration suites: open a file in the DICOM editor through
 * VS Code, wait for the tag tree to show it, and walk the tree as VS Code would.
 * Only types are imported from src/extension: the suites talk to the running extension through
 * its exported API and its commands, never to a second copy of its modules.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { memoryFileAccess } from '../../../src/core/io';
import type { DicomFile } from '../../../src/core/model';
import { readDicom } from '../../../src/core/parse/readDicom';
import type { InspectorApi } from '../../../src/extension/extension';
import type { TagNode } from '../../../src/extension/tree/tagNodes';

export const EXTENSION_ID = 'dicom-inspector.dicom-inspector';
export const EDITOR_VIEW_TYPE = 'dicomInspector.viewer';

export async function inspectorApi(): Promise<InspectorApi> {
  const extension = vscode.extensions.getExtension<InspectorApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** A file of the test workspace: `fixtures/good/...`, `fixtures/bad/...` or `corpus/...`. */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/**
 * Skips the test unless every file is in the test workspace (corpus copies live outside the
 * repository). CI always has them, so there a missing file fails the test instead.
 */
export async function requireFiles(test: { skip(): void }, ...uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    if (await exists(uri)) continue;
    if (process.env.CI) throw new Error(`${uri.fsPath} is not in the test workspace`);
    test.skip();
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the tag tree shows the parse of `uri` (opened in a DICOM editor). */
export async function waitForInspector(uri: vscode.Uri): Promise<InspectorApi> {
  const api = await inspectorApi();
  await waitFor(() => api.tagTree.provider.currentDocument?.uri.toString() === uri.toString() && api.tagTree.provider.file !== null, `the tag tree to show ${uri.path}`);
  return api;
}

/** Opens `uri` in the DICOM editor (or with `command`, given the URI) and waits for its tree. */
export async function openInInspector(uri: vscode.Uri, command = 'vscode.openWith'): Promise<InspectorApi> {
  await inspectorApi();
  if (command === 'vscode.openWith') await vscode.commands.executeCommand(command, uri, EDITOR_VIEW_TYPE);
  else await vscode.commands.executeCommand(command, uri);
  return waitForInspector(uri);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The parse the extension should show, made here directly with the core reader. */
export async function coreParse(uri: vscode.Uri): Promise<DicomFile> {
  return readDicom(memoryFileAccess(new Uint8Array(readFileSync(uri.fsPath))), { headerOnly: true });
}

/** Every node of the tree, depth first, asking the provider exactly as the tree view does. */
export function allNodes(api: InspectorApi, limit = 100_000): TagNode[] {
  const provider = api.tagTree.provider;
  const nodes: TagNode[] = [];
  const stack = [...provider.getChildren()].reverse();
  while (stack.length > 0 && nodes.length < limit) {
    const node = stack.pop()!;
    nodes.push(node);
    stack.push(...[...provider.getChildren(node)].reverse());
  }
  return nodes;
}

/** The tree item's whole label: the offset, then the node. */
function fullLabel(api: InspectorApi, node: TagNode): string {
  const label = api.tagTree.provider.getTreeItem(node).label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

/** The node's label after the offset that leads it. */
export function treeLabel(api: InspectorApi, node: TagNode): string {
  return fullLabel(api, node).replace(/^\S+ /, '');
}

/** The offset leading the label, with the description's mark ("(inflated)") when there is one. */
export function treeDescription(api: InspectorApi, node: TagNode): string {
  const description = api.tagTree.provider.getTreeItem(node).description;
  const offset = fullLabel(api, node).split(' ')[0];
  return typeof description === 'string' && description.length > 0 ? `${offset} ${description}` : offset;
}
