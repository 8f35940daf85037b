/**
 * The tag tree's context menu: Copy Value, Tag, Keyword, Offset, Path and as JSON.
 */
import * as vscode from 'vscode';
import { nodeJsonText } from '../tree/nodeJson';
import { nodePath } from '../tree/nodePath';
import { keywordText, offsetText, rawValueText, tagText } from '../../core/format/presentation';
import type { TagNode } from '../tree/tagNodes';
import type { TagTree } from '../tree/tagTreeView';
import { readSettings } from '../settings';

type CopyText = (node: TagNode) => string | undefined;

const COPIERS: Record<string, CopyText> = {
  'dicomInspector.copyValue': (node) => (node.element ? rawValueText(node.element) : undefined),
  'dicomInspector.copyTag': (node) => (node.element ? tagText(node.element) : undefined),
  'dicomInspector.copyKeyword': (node) => (node.element ? keywordText(node.element) : undefined),
  'dicomInspector.copyOffset': (node) => offsetText(node.offset, readSettings().offsetFormat),
  'dicomInspector.copyPath': (node) => nodePath(node),
  'dicomInspector.copyAsJson': (node) => nodeJsonText(node),
};

export function registerCopyCommands(context: vscode.ExtensionContext, tree: TagTree): void {
  for (const [command, copy] of Object.entries(COPIERS)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, async (argument?: unknown) => {
        const node = tree.targetNode(argument);
        if (!node) {
          void vscode.window.showInformationMessage('Select a node in the DICOM Tags view first.');
          return;
        }
        const text = copy(node);
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
