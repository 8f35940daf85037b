/**
 * "Copy/Save as DICOM JSON" (PS3.18 Annex F) and "Copy/Save as Native DICOM Model XML"
 * (PS3.19), for the whole data set of the shown file, or for the elements of the tag-tree
 * nodes the command is run on (an element, an item, or a multiple selection).
 */
import * as vscode from 'vscode';
import { dicomJsonPieces } from '../../core/export/dicomJson';
import { nativeXmlPieces } from '../../core/export/nativeXml';
import { joinPieces } from '../../core/export/textPieces';
import type { DicomElement } from '../../core/model';
import type { TagTree } from '../tree/tagTreeView';
import type { TagNode } from '../tree/tagNodes';

type Form = 'json' | 'xml';

/** The elements named by the nodes; undefined means the whole data set. */
function elementsOf(nodes: readonly TagNode[]): DicomElement[] | undefined {
  const elements = nodes.flatMap((node) => (node.element ? [node.element] : node.item ? node.item.elements : []));
  return elements.length > 0 ? elements : undefined;
}

async function render(form: Form, tree: TagTree, argument: unknown): Promise<{ text: string; uri: vscode.Uri } | undefined> {
  const document = tree.provider.currentDocument;
  const file = document?.file;
  const source = document?.source;
  if (!document || !file || !source) {
    void vscode.window.showInformationMessage('Open a DICOM file in DICOM Inspector first.');
    return undefined;
  }
  const clicked = tree.targetNode(argument);
  const nodes = clicked && tree.view.selection.includes(clicked) ? tree.view.selection : clicked ? [clicked] : [];
  const elements = elementsOf(nodes) ?? file.dataSet;
  // The document's source addresses the bytes as its model does (the inflated stream for a deflated file).
  const text = await joinPieces(form === 'json' ? dicomJsonPieces(file, source, elements) : nativeXmlPieces(file, source, elements));
  return { text, uri: document.uri };
}

export function registerStandardForms(context: vscode.ExtensionContext, tree: TagTree): void {
  for (const form of ['json', 'xml'] as const) {
    const name = form === 'json' ? 'DicomJson' : 'NativeXml';
    context.subscriptions.push(
      vscode.commands.registerCommand(`dicomInspector.copyAs${name}`, async (argument?: unknown) => {
        const rendered = await render(form, tree, argument);
        if (!rendered) return undefined;
        await vscode.env.clipboard.writeText(rendered.text);
        vscode.window.setStatusBarMessage(`Copied ${rendered.text.length} characters of ${form === 'json' ? 'DICOM JSON' : 'Native DICOM Model XML'}`, 2500);
        return rendered.text;
      }),
      vscode.commands.registerCommand(`dicomInspector.saveAs${name}`, async (argument?: unknown) => {
        const rendered = await render(form, tree, argument);
        if (!rendered) return undefined;
        const target = await vscode.window.showSaveDialog({
          defaultUri: rendered.uri.with({ path: `${rendered.uri.path}.${form}` }),
          filters: form === 'json' ? { 'DICOM JSON': ['json'] } : { 'Native DICOM Model XML': ['xml'] },
        });
        if (!target) return undefined;
        // The save dialog asked before replacing an existing file.
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(rendered.text));
        return target;
      }),
    );
  }
}
