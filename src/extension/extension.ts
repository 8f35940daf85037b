/**
 * Entry point. `activate` only wires features up, one register call per feature; VS Code calls
 * it on first use (opening a DICOM editor, running a command or showing the tags view).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serveCodecWasmFrom } from '../node/codecWasm';
import { readBytesPage } from './bytes/bytesServer';
import { registerCopyCommands } from './commands/copyCommands';
import { registerCompare } from './compare/registerCompare';
import { registerStandardForms } from './export/registerStandardForms';
import { registerOpenWithCommands } from './commands/openWithCommand';
import { registerRevealOffsetCommand } from './commands/revealOffsetCommand';
import { registerCsvExport } from './csv/registerCsvExport';
import { registerDumpLinking } from './dump/dumpLinking';
import { registerTextDump } from './dump/textDumpProvider';
import { registerDicomEditor } from './editor/dicomEditorProvider';
import { registerSortFolder } from './sort/registerSortFolder';
import { registerStructureView, type StructureView } from './structure/structureTreeView';
import { registerDicomExplorer, type DicomExplorer } from './explorer/explorerView';
import { EditorTracker } from './editor/editorTracker';
import { registerTagTree, type TagTree } from './tree/tagTreeView';
import { FrameServer } from './viewer/frameServer';
import { DicomDocuments } from './document/dicomDocuments';
import { registerValidation } from './validation/registerValidation';
import { registerSeriesStack, type SeriesStacks } from './stack/registerSeriesStack';

/** What `activate` returns: used by the integration tests to look inside the running extension. */
export interface InspectorApi {
  readonly tracker: EditorTracker;
  readonly tagTree: TagTree;
  readonly structure: StructureView;
  readonly explorer: DicomExplorer;
  /** Series open as stacks of frames. */
  readonly stacks: SeriesStacks;
  readonly documents: DicomDocuments;
  readonly frames: FrameServer;
  /** Answers the Bytes pane's page requests for a document (what the editor page asks). */
  readonly readBytes: typeof readBytesPage;
}

export function activate(context: vscode.ExtensionContext): InspectorApi {
  // Without the bundled frame worker, frames are decoded on this thread: its codecs need the binaries too.
  serveCodecWasmFrom(path.join(context.extensionPath, 'dist', 'wasm'));
  const tracker = new EditorTracker();
  const documents = new DicomDocuments();
  const frames = new FrameServer();
  context.subscriptions.push(tracker, documents, frames);
  registerDicomEditor(context, { documents, tracker, frames });
  const tagTree = registerTagTree(context, tracker);
  registerCopyCommands(context, tagTree);
  const structure = registerStructureView(context, tracker, tagTree);
  registerRevealOffsetCommand(context, tagTree);
  registerOpenWithCommands(context);
  registerCsvExport(context, {
    currentDocumentUri: () => tracker.currentDocument?.uri,
    parsedFile: (uri) => documents.find(uri)?.file,
    selectedNodes: (clicked, selected) => tagTree.selectedNodes(clicked, selected),
  });
  registerDumpLinking(context, registerTextDump(context, tracker, documents), tagTree);
  registerSortFolder(context);
  const explorer = registerDicomExplorer(context);
  const stacks = registerSeriesStack(context, { documents, frames, tracker }, explorer);
  registerValidation(context, tracker);
  registerCompare(context, documents);
  registerStandardForms(context, tagTree);
  return { tracker, tagTree, structure, explorer, stacks, documents, frames, readBytes: readBytesPage };
}

export function deactivate(): void {
  // Everything registered is in context.subscriptions, which VS Code disposes.
}
