/**
 * "Sort DICOM Folder…" (`dicomInspector.sortFolder`): on a folder from the explorer or the
 * palette, asks for the destination (default: a sibling `<name>-sorted`) and the pattern,
 * reads the headers and shows the preview, then copies on confirmation, with progress and
 * cancel. The work itself is the same as the CLI's (`src/node/sort/`).
 *
 * For tests and other extensions the command takes an optional second argument
 * `{ destination, pattern?, clean?, confirm: true }` that skips the questions, and returns
 * the result summary. A third argument, a list of file URIs inside the folder, sorts only those
 * files (a patient, study or series of the DICOM Explorer).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatPreview } from '../../core/sort/preview';
import { parsePattern } from '../../core/sort/pattern';
import { copyPlannedSort, planSortFolder, summarise, type PlannedSort, type SortFolderResult } from '../../node/sort/sortFolder';
import { readSortSettings } from './sortSettings';
import { PREVIEW_SCHEME, SortPreviewDocuments } from './sortPreviewDocument';

export interface SortCommandOptions {
  readonly destination: string;
  readonly pattern?: string;
  readonly clean?: boolean;
  /** Copy without asking (the preview is still built). */
  readonly confirm: true;
}

export interface SortCommandResult {
  readonly complete: boolean;
  readonly cancelled: boolean;
  readonly problem: string;
  readonly statuses: Record<string, number>;
  readonly manifest: string | null;
  readonly destination: string;
}

function isOptions(value: unknown): value is SortCommandOptions {
  return typeof value === 'object' && value !== null && typeof (value as SortCommandOptions).destination === 'string' && (value as SortCommandOptions).confirm === true;
}

async function chooseFolder(clicked: unknown): Promise<vscode.Uri | undefined> {
  if (clicked instanceof vscode.Uri) return clicked;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'Folder of DICOM files to sort' });
  return picked?.[0];
}

function patternProblem(text: string): string | undefined {
  try {
    parsePattern(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

async function ask(source: string, defaults: { pattern: string }): Promise<{ destination: string; pattern: string } | undefined> {
  const destination = await vscode.window.showInputBox({
    title: 'Sort DICOM Folder (1/2): destination',
    prompt: 'Folder to copy the sorted files into (created if missing; the source is never changed)',
    value: path.join(path.dirname(source), `${path.basename(source)}-sorted`),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Enter a folder path' : path.isAbsolute(v.trim()) ? undefined : 'Enter an absolute path'),
  });
  if (destination === undefined) return undefined;
  const pattern = await vscode.window.showInputBox({
    title: 'Sort DICOM Folder (2/2): pattern',
    prompt: '{Keyword} placeholders, {InstanceNumber:04} pads, {SeriesDescription|SeriesNumber|NA} falls back',
    value: defaults.pattern,
    ignoreFocusOut: true,
    validateInput: patternProblem,
  });
  if (pattern === undefined) return undefined;
  return { destination: destination.trim(), pattern };
}

function progressTask<T>(title: string, run: (signal: AbortSignal, report: (message: string, increment?: number) => void) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return run(controller.signal, (message, increment) => progress.report({ message, increment }));
  });
}

async function planWithProgress(source: string, destination: string, pattern: string, clean: boolean, only: ReadonlySet<string> | undefined): Promise<PlannedSort | undefined> {
  return progressTask('Reading DICOM headers', async (signal, report) => {
    let last = 0;
    const planned = await planSortFolder(source, destination, {
      pattern,
      clean,
      signal,
      only,
      onProgress: (_phase, done) => {
        // Reporting every file would flood the UI thread with messages.
        if (done - last >= 100) report(`${(last = done)} files`);
      },
    });
    return signal.aborted ? undefined : planned;
  });
}

async function copyWithProgress(planned: PlannedSort): Promise<SortFolderResult> {
  return progressTask(`Copying into ${path.basename(planned.destination)}`, async (signal, report) => {
    let reported = 0;
    return copyPlannedSort(planned, {
      signal,
      onProgress: (_phase, done, total) => {
        const percent = total ? Math.floor((done * 100) / total) : 0;
        if (percent > reported) {
          report(`${done} of ${total}`, percent - reported);
          reported = percent;
        }
      },
    });
  });
}

function resultOf(result: SortFolderResult, destination: string): SortCommandResult {
  return { complete: result.complete, cancelled: result.cancelled, problem: result.problem, statuses: summarise(result.outcomes), manifest: result.manifestPath, destination };
}

async function announce(result: SortFolderResult): Promise<void> {
  const statuses = summarise(result.outcomes);
  const text = Object.entries(statuses).map(([s, n]) => `${n} ${s}`).join(', ');
  const open = 'Open Manifest';
  const choice = result.complete
    ? await vscode.window.showInformationMessage(`Sorted: ${text}.`, open)
    : await vscode.window.showWarningMessage(`Sort incomplete (${result.problem}): ${text}.`, open);
  if (choice === open && result.manifestPath) await vscode.window.showTextDocument(vscode.Uri.file(result.manifestPath));
}

function filesIn(argument: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(argument)) return undefined;
  return new Set(argument.filter((uri): uri is vscode.Uri => uri instanceof vscode.Uri && uri.scheme === 'file').map((uri) => uri.fsPath));
}

async function sortCommand(previews: SortPreviewDocuments, clicked: unknown, given: unknown, files: unknown): Promise<SortCommandResult | undefined> {
  const folder = await chooseFolder(clicked);
  if (!folder) return undefined;
  if (folder.scheme !== 'file') {
    void vscode.window.showErrorMessage('Sorting works on folders of the local file system.');
    return undefined;
  }
  const settings = readSortSettings();
  const options = isOptions(given) ? given : undefined;
  const answers = options ? { destination: options.destination, pattern: options.pattern ?? settings.pattern } : await ask(folder.fsPath, settings);
  if (!answers) return undefined;
  const clean = options?.clean ?? settings.clean;
  try {
    const only = filesIn(files);
    const planned = await planWithProgress(folder.fsPath, answers.destination, answers.pattern, clean, only);
    if (!planned) return undefined;
    const preview = formatPreview(planned.plan).join('\n');
    if (!options) {
      const what = only ? `${only.size} file(s) of ${folder.fsPath}` : folder.fsPath;
      await previews.show('Sort preview.txt', `Sort ${what}\ninto ${answers.destination}\n\n${preview}\n`);
      const c = planned.plan.counts;
      const copy = 'Copy';
      const choice = await vscode.window.showInformationMessage(
        `Copy ${c.files} DICOM file(s) into ${answers.destination}?`,
        { modal: true, detail: `${c.patients} patient(s), ${c.studies} study(ies), ${c.series} series; ${c.skipped} non-DICOM file(s) skipped; ${planned.plan.collisions.length} shared name(s). The preview is open beside this window. Nothing is overwritten.` },
        copy,
      );
      if (choice !== copy) return undefined;
    }
    const result = await copyWithProgress(planned);
    if (!options) await announce(result);
    return resultOf(result, answers.destination);
  } catch (error) {
    void vscode.window.showErrorMessage(`Sort failed: ${(error as Error).message}`);
    return { complete: false, cancelled: false, problem: (error as Error).message, statuses: {}, manifest: null, destination: answers.destination };
  }
}

export function registerSortFolder(context: vscode.ExtensionContext): void {
  const previews = new SortPreviewDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    vscode.commands.registerCommand('dicomInspector.sortFolder', (clicked?: unknown, second?: unknown, files?: unknown) => sortCommand(previews, clicked, second, files)),
  );
}
