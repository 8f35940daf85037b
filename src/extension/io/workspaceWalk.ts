/**
 * The walker of VS Code file systems, shared by every folder job started from the extension:
 * local folders through the Node walker (fast, name-ordered), other file systems (virtual,
 * remote) through `workspace.fs`, in the same name order; symbolic links to folders are not
 * followed.
 */
import * as vscode from 'vscode';
import { walkFiles } from '../../node/walk';

/** A listed file: its URI as a string, its path relative to the inputs' base, and whether the user named it. */
export interface ScanFileEntry {
  readonly path: string;
  readonly relativePath: string;
  readonly explicit?: boolean;
}

/** One input of a folder job: a folder (walked) or a file the user picked. */
export interface WorkspaceInput {
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

/** The folder listed paths are relative to: the one folder given, or the inputs' common folder. */
export function exportBase(inputs: readonly WorkspaceInput[]): vscode.Uri {
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

/** Every file of the inputs, folders walked in name order, relative to `exportBase`. */
export async function* listInputs(inputs: readonly WorkspaceInput[], signal: AbortSignal): AsyncGenerator<ScanFileEntry> {
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

/** Resolves the URIs a command was given into inputs, telling folders from files. */
export async function toInputs(uris: readonly vscode.Uri[]): Promise<WorkspaceInput[]> {
  return Promise.all(
    uris.map(async (uri) => ({ uri, isFolder: ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0 })),
  );
}
