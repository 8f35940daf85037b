/**
 * Entry point. `activate` only wires features up, one register call per feature; VS Code calls
 * it on first use (opening a DICOM editor, running a command or showing the tags view).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serveCodecWasmFrom } from '../node/codecWasm';
import { registerCopyCommands } from './commands/copyCommands';
import { registerOpenWithCommands } from './commands/openWithCommand';
import { registerRevealOffsetCommand } from './commands/revealOffsetCommand';
import { registerCsvExport } from './csv/registerCsvExport';
import { registerTextDump } from './dump/textDumpProvider';
import { registerDicomEditor } from './editor/dicomEditorProvider';
import { registerSortFolder } from './sort/registerSortFolder';
import { registerStructureView, type StructureView } from './structure/structureTreeView';
import { registerDicomExplorer, type DicomExplorer } from './explorer/explorerView';
import { EditorTracker } from './editor/editorTracker';
import { registerTagTree, type TagTree } from './tree/tagTreeView';
import { registerFrameServer } from './viewer/frameServer';

/** What `activate` returns: used by the integration tests to look inside the running extension. */
export interface InspectorApi {
  readonly tracker: EditorTracker;
  readonly tagTree: TagTree;
  readonly structure: StructureView;
  readonly explorer: DicomExplorer;
}

export function activate(context: vscode.ExtensionContext): InspectorApi {
  // Frames of files on other file systems are decoded on this thread: their codecs need the binaries too.
  serveCodecWasmFrom(path.join(context.extensionPath, 'dist', 'wasm'));
  const tracker = new EditorTracker();
  context.subscriptions.push(tracker);
  registerDicomEditor(context, tracker);
  const tagTree = registerTagTree(context, tracker);
  registerCopyCommands(context, tagTree);
  const structure = registerStructureView(context, tracker, tagTree);
  registerRevealOffsetCommand(context, tagTree);
  registerOpenWithCommands(context);
  registerCsvExport(context, { currentDocumentUri: () => tracker.currentDocument?.uri });
  registerTextDump(context, tracker);
  registerSortFolder(context);
  const explorer = registerDicomExplorer(context);
  context.subscriptions.push(registerFrameServer());
  return { tracker, tagTree, structure, explorer };
}

export function deactivate(): void {
  // Everything registered is in context.subscriptions, which VS Code disposes.
}
