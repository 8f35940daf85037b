/**
 * The tag tree's context menu: Copy Value, Tag, Keyword, Offset, Path and as JSON. Each takes
 * every selected node (the tree's multi-selection, or the element list's): one line per node,
 * and for JSON one array.
 */
import * as vscode from 'vscode';
import { nodeJson, nodeJsonText } from '../tree/nodeJson';
import { nodePath } from '../tree/nodePath';
import { keywordText, offsetText, rawValueText, tagText } from '../../core/format/presentation';
import type { TagNode } from '../tree/tagNodes';
import type { TagTree } from '../tree/tagTreeView';
import { readSettings } from '../settings';

type CopyText = (node: TagNode) => string | undefined;

/** Several nodes as JSON: one array of what Copy as JSON gives each. */
function jsonOfMany(nodes: readonly TagNode[]): string {
  return nodes.length === 1 ? nodeJsonText(nodes[0]) : JSON.stringify(nodes.map(nodeJson), null, 2);
}

/** The text one copy command puts on the clipboard for `nodes`, or undefined when none has the property. */
export function copiedText(command: string, nodes: readonly TagNode[]): string | undefined {
  if (command === 'dicomInspector.copyAsJson') return nodes.length > 0 ? jsonOfMany(nodes) : undefined;
  const copy = COPIERS[command];
  const texts = nodes.map((node) => copy(node)).filter((text): text is string => text !== undefined);
  return texts.length > 0 ? texts.join('\n') : undefined;
}

const COPIERS: Record<string, CopyText> = {
  'dicomInspector.copyValue': (node) => (node.element ? rawValueText(node.element) : undefined),
  'dicomInspector.copyTag': (node) => (node.element ? tagText(node.element) : undefined),
  'dicomInspector.copyKeyword': (node) => (node.element ? keywordText(node.element) : undefined),
  'dicomInspector.copyOffset': (node) => offsetText(node.offset, readSettings().offsetFormat),
  'dicomInspector.copyPath': (node) => nodePath(node),
  'dicomInspector.copyAsJson': (node) => nodeJsonText(node),
};

export function registerCopyCommands(context: vscode.ExtensionContext, tree: TagTree): void {
  for (const command of Object.keys(COPIERS)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, async (clicked?: unknown, selected?: unknown) => {
        const nodes = tree.selectedNodes(clicked, selected);
        if (nodes.length === 0) {
          void vscode.window.showInformationMessage('Select a node in the DICOM Tags view first.');
          return;
        }
        const text = copiedText(command, nodes);
        if (text === undefined) {
          void vscode.window.showInformationMessage('This node has no such property to copy.');
          return;
        }
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(`Copied ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`, 2500);
      }),
    );
  }
}
