// Files on a file system other than the disk (a virtual workspace, a remote without a local
// path) are read through workspace.fs: whole, and only when they are small enough.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureByName } from '../../fixtures/catalog';
import { closeAllEditors, inspectorApi, openInInspector, waitFor } from './inspectorHelpers';

const SCHEME = 'dicom-inspector-test-memfs';

/** A read-only in-memory file system: just enough for VS Code to stat, read and watch files. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  put(path: string, bytes: Uint8Array): vscode.Uri {
    this.files.set(path, bytes);
    return vscode.Uri.from({ scheme: SCHEME, path });
  }

  private bytes(uri: vscode.Uri): Uint8Array {
    const bytes = this.files.get(uri.path);
    if (!bytes) throw vscode.FileSystemError.FileNotFound(uri);
    return bytes;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.bytes(uri).length };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.bytes(uri);
  }

  watch(): vscode.Disposable {
    return { dispose: () => undefined };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

suite('Files on virtual file systems', () => {
  const memory = new MemoryFileSystem();
  let registration: vscode.Disposable;

  suiteSetup(() => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory, { isReadonly: true });
  });

  suiteTeardown(async () => {
    registration.dispose();
    await vscode.workspace.getConfiguration('dicomInspector').update('maxWholeFileReadMiB', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(closeAllEditors);

  test('a DICOM file on a virtual file system opens with its tree', async () => {
    const { bytes, layout } = fixtureByName('sequences-undefined-explicit').build();
    const uri = memory.put('/sequences.dcm', bytes);
    const api = await openInInspector(uri);
    const file = api.tagTree.provider.file;
    assert.ok(file);
    assert.deepEqual(file.dataSet.map((element) => element.offset), layout.dataSet.map((element) => element.offset));
  });

  test('a file larger than the whole-read limit is refused with a clear message, not read', async () => {
    await vscode.workspace.getConfiguration('dicomInspector').update('maxWholeFileReadMiB', 1, vscode.ConfigurationTarget.Global);
    const { bytes } = fixtureByName('syntax-explicit-le').build();
    const large = new Uint8Array(2 * 1048576);
    large.set(bytes);
    const uri = memory.put('/large.dcm', large);
    await inspectorApi();
    await vscode.commands.executeCommand('vscode.openWith', uri, 'dicomInspector.viewer');
    const api = await inspectorApi();
    const error = await waitFor(() => api.tracker.currentDocument?.uri.toString() === uri.toString() && api.tracker.currentDocument.loadError, 'the load error');
    assert.match(error, /maxWholeFileReadMiB/);
    assert.equal(api.tagTree.provider.file, null);
  });
});
