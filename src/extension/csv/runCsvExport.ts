/**
 * Runs an export with a cancellable progress notification, writes the CSV through the one
 * output writer (`src/node/outputFile.ts`: never over an input, a read-only file or an
 * unconfirmed existing one; temporary name until complete, deleted when cancelled), then opens
 * it and offers to reveal it.
 */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { exportCsv, type CsvColumns, type CsvExportIo, type CsvExportSummary } from '../../core/csv/exportCsv';
import { openAtomicOutput } from '../../node/outputFile';
import { excludingPath } from '../../node/walk';
import type { CsvSettings } from './csvSettings';

/** Progress notifications are redrawn at most this often. */
const PROGRESS_INTERVAL_MS = 100;

export interface CsvExportResult {
  readonly output: vscode.Uri;
  readonly summary: CsvExportSummary;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** `name.csv`, or `name-2.csv`, `name-3.csv`... beside it when taken: never overwrite. */
export async function freeOutputUri(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${stem}${n === 1 ? '' : `-${n}`}.csv`);
    if (!(await exists(candidate.fsPath))) return candidate;
  }
}

function describe(summary: CsvExportSummary): string {
  const parts = [`${summary.files} file${summary.files === 1 ? '' : 's'}`];
  if (summary.skipped > 0) parts.push(`${summary.skipped} non-DICOM skipped`);
  if (summary.errors > 0) parts.push(`${summary.errors} with errors (see the Error column)`);
  return parts.join(', ');
}

/** Where the CSV goes and what it may replace. */
export interface CsvOutputChoice {
  readonly uri: vscode.Uri;
  /** The user confirmed replacing an existing file (the save dialog asks). */
  readonly overwrite: boolean;
}

/** Local paths of the export's inputs: the output may never be one of them. */
export function inputPaths(inputs: readonly { readonly uri: vscode.Uri }[]): string[] {
  return inputs.filter((input) => input.uri.scheme === 'file').map((input) => input.uri.fsPath);
}

export async function runCsvExport(
  readIo: Omit<CsvExportIo, 'write'>,
  columns: CsvColumns,
  choice: CsvOutputChoice,
  inputs: readonly string[],
  settings: CsvSettings,
  controller: AbortController,
): Promise<CsvExportResult | undefined> {
  const output = choice.uri;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Exporting DICOM headers to CSV', cancellable: true },
    async (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      const sink = await openAtomicOutput(output.fsPath, { overwrite: choice.overwrite, inputs });
      // The temporary file may sit in an exported folder: it is not an input.
      const partialUri = vscode.Uri.file(sink.partialPath).toString();
      let lastReport = 0;
      let reported = 0;
      try {
        const summary = await exportCsv(
          { ...readIo, listFiles: () => excludingPath(readIo.listFiles(), partialUri), write: (text) => sink.write(text) },
          {
            columns,
            delimiter: settings.delimiter,
            bom: settings.includeBom,
            concurrency: settings.concurrency,
            signal: controller.signal,
            onProgress: (p) => {
              const now = Date.now();
              if (now - lastReport < PROGRESS_INTERVAL_MS) return;
              lastReport = now;
              const phase = p.phase === 'census' ? 'Collecting attributes' : 'Writing rows';
              const count = p.total !== null ? `${p.done} of ${p.total}` : `${p.done}`;
              const fraction = p.total ? (100 * p.done) / p.total : undefined;
              progress.report({ message: `${phase}: ${count} files`, increment: fraction === undefined ? undefined : fraction - reported });
              if (fraction !== undefined) reported = fraction;
            },
          },
        );
        if (summary.cancelled) {
          await sink.discard();
          return undefined;
        }
        await sink.commit();
        return { output, summary };
      } catch (error) {
        await sink.discard();
        throw error;
      }
    },
  );
  if (!result) {
    void vscode.window.showInformationMessage('CSV export cancelled; no file was written.');
    return undefined;
  }
  if (settings.openAfterExport) await vscode.window.showTextDocument(output, { preview: false });
  void vscode.window.showInformationMessage(`Exported ${describe(result.summary)} to ${output.fsPath}.`, 'Reveal in File Explorer').then((action) => {
    if (action) void vscode.commands.executeCommand('revealFileInOS', output);
  });
  return result;
}
