/**
 * Where an export's files come from, for any URI scheme: local folders through the Node
 * walker (fast, name-ordered), other file systems through `workspace.fs`.
 */
import * as vscode from 'vscode';
import type { CsvExportIo, CsvFileEntry } from '../../core/csv/exportCsv';
import type { DicomFile } from '../../core/model';
import { readDicom } from '../../core/parse/readDicom';
import { walkFiles } from '../../node/walk';
import { openWorkspaceFileAccess } from '../io/workspaceFileAccess';
import { readSettings } from '../settings';

/** One input of an export: a folder (walked) or a file the user picked. */
export interface CsvInput {
  readonly uri: vscode.Uri;
  readonly isFolder: boolean;
}

function relativePath(base: vscode.Uri, target: vscode.Uri): string {
  const prefix = base.path.endsWith('/') ? base.path : `${base.path}/`;
  return target.path.startsWith(prefix) ? target.path.slice(prefix.length) : target.path.slice(target.path.lastIndexOf('/') + 1);
}

async function* walkWorkspaceFs(root: vscode.Uri, signal: AbortSignal): AsyncGenerator<vscode.Uri> {
  const entries = await vscode.workspace.fs.readDirectory(root);
  entries.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  for (const [name, type] of entries) {
    if (signal.aborted) return;
    const child = vscode.Uri.joinPath(root, name);
    if (type & vscode.FileType.Directory) {
      if (!(type & vscode.FileType.SymbolicLink)) yield* walkWorkspaceFs(child, signal);
    } else if (type & vscode.FileType.File) {
      yield child;
    }
  }
}

/** The folder the File column is relative to: the folder exported, or the files' common folder. */
export function exportBase(inputs: readonly CsvInput[]): vscode.Uri {
  if (inputs.length === 1 && inputs[0].isFolder) return inputs[0].uri;
  const folders = inputs.map((input) => (input.isFolder ? input.uri : vscode.Uri.joinPath(input.uri, '..')));
  let common = folders[0].path.split('/');
  for (const folder of folders.slice(1)) {
    const parts = folder.path.split('/');
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return folders[0].with({ path: common.join('/') || '/' });
}

async function* listInputs(inputs: readonly CsvInput[], signal: AbortSignal): AsyncGenerator<CsvFileEntry> {
  const base = exportBase(inputs);
  for (const input of inputs) {
    if (signal.aborted) return;
    if (!input.isFolder) {
      yield { path: input.uri.toString(), relativePath: relativePath(base, input.uri), explicit: true };
    } else if (input.uri.scheme === 'file') {
      for await (const entry of walkFiles(input.uri.fsPath, { signal })) {
        const uri = vscode.Uri.file(entry.path);
        yield { path: uri.toString(), relativePath: relativePath(base, uri) };
      }
    } else {
      for await (const uri of walkWorkspaceFs(input.uri, signal)) yield { path: uri.toString(), relativePath: relativePath(base, uri) };
    }
  }
}

/** The parse of a file the extension already holds (an open document), if any. */
export type ParsedFileLookup = (uri: vscode.Uri) => DicomFile | null | undefined;

/**
 * Reading side of the export io; `write` is added by the caller. A file that is open in the
 * editor is not parsed again: its document's parse (the same header-only read) is used.
 */
export function csvReadIo(inputs: readonly CsvInput[], signal: AbortSignal, parsed: ParsedFileLookup = () => undefined): Omit<CsvExportIo, 'write'> {
  const limit = readSettings().maxWholeFileReadMiB * 1048576;
  return {
    listFiles: () => listInputs(inputs, signal),
    open: (path) => openWorkspaceFileAccess(vscode.Uri.parse(path), limit),
    readHeader: async (access, firstRead, path) => parsed(vscode.Uri.parse(path)) ?? readDicom(access, { headerOnly: true, initialReadBytes: firstRead }),
  };
}

/** Resolves the URIs a command was given into inputs, telling folders from files. */
export async function toInputs(uris: readonly vscode.Uri[]): Promise<CsvInput[]> {
  return Promise.all(
    uris.map(async (uri) => ({ uri, isFolder: ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0 })),
  );
}
