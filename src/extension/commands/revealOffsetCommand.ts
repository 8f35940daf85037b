/**
 * "Go to Offset…": type `0x1A4` or `420`; the tag tree reveals the deepest node containing
 * that byte.
 */
import * as vscode from 'vscode';
import { offsetText } from '../../core/format/presentation';
import { parseOffset } from '../../core/locate/parseOffset';
import type { TagTree } from '../tree/tagTreeView';

export function registerRevealOffsetCommand(context: vscode.ExtensionContext, tree: TagTree): void {
  context.subscriptions.push(
    // A numeric or text argument (keybindings, other extensions, tests) skips the input box.
    vscode.commands.registerCommand('dicomInspector.revealOffset', async (argument?: unknown) => {
      const file = tree.provider.file;
      if (!file) {
        void vscode.window.showInformationMessage('Open a DICOM file in DICOM Inspector first.');
        return undefined;
      }
      let offset: number | null = typeof argument === 'number' ? argument : typeof argument === 'string' ? parseOffset(argument) : null;
      if (offset === null) {
        const text = await vscode.window.showInputBox({
          title: 'Go to Offset',
          prompt: `Byte offset in ${tree.provider.currentDocument?.fileName ?? 'the file'} (${file.size} bytes): hex like 0x1A4, or decimal like 420`,
          placeHolder: '0x1A4',
          validateInput: (value) => {
            const parsed = parseOffset(value);
            if (parsed === null) return 'Type a hex offset (0x1A4) or a decimal one (420).';
            return parsed >= file.size ? `Past the end of the file (${file.size} bytes).` : undefined;
          },
        });
        if (text === undefined) return undefined;
        offset = parseOffset(text);
      }
      if (offset === null || !Number.isSafeInteger(offset) || offset < 0) return undefined;
      const node = await tree.revealOffset(offset);
      if (!node) {
        const where = offsetText(offset, tree.provider.options.offsetFormat);
        void vscode.window.showInformationMessage(`No element contains byte ${where} (it may lie in pixel data that was not read, or past the parsed header).`);
      }
      return node?.id;
    }),
  );
}
