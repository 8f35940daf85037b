/**
 * Runs an export with a cancellable progress notification, writes the CSV under a temporary
 * name (renamed when complete, deleted when cancelled), then opens it and offers to reveal it.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import * as vscode from 'vscode';
import { exportCsv, type CsvColumns, type CsvExportIo, type CsvExportSummary } from '../../core/csv/exportCsv';
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

export async function runCsvExport(
  readIo: Omit<CsvExportIo, 'write'>,
  columns: CsvColumns,
  output: vscode.Uri,
  settings: CsvSettings,
  controller: AbortController,
): Promise<CsvExportResult | undefined> {
  const partial = `${output.fsPath}.partial-${process.pid}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Exporting DICOM headers to CSV', cancellable: true },
    async (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      const sink = createWriteStream(partial);
      const sinkError = new Promise<never>((_, reject) => sink.once('error', reject));
      sinkError.catch(() => controller.abort());
      let lastReport = 0;
      let reported = 0;
      try {
        const summary = await Promise.race([
          exportCsv(
            {
              ...readIo,
              write: async (text) => {
                if (!sink.write(text)) await Promise.race([once(sink, 'drain'), sinkError]);
              },
            },
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
          ),
          sinkError,
        ]);
        sink.end();
        await once(sink, 'close');
        if (summary.cancelled) {
          await rm(partial, { force: true });
          return undefined;
        }
        await rename(partial, output.fsPath);
        return { output, summary };
      } catch (error) {
        sink.destroy();
        await rm(partial, { force: true });
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
