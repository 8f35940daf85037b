/**
 * The reading side of a CSV export (and of other folder jobs given files and folders from
 * VS Code): listing through the shared walker of VS Code file systems, ranged reads.
 */
import * as vscode from 'vscode';
import { readCsvHeader, type CsvExportIo } from '../../core/csv/exportCsv';
import type { DicomFile } from '../../core/model';
import { openWorkspaceFileAccess } from '../io/workspaceFileAccess';
import { listInputs, type WorkspaceInput } from '../io/workspaceWalk';
import { readSettings } from '../settings';

/** The parse of a file the extension already holds (an open document), if any. */
export type ParsedFileLookup = (uri: vscode.Uri) => DicomFile | null | undefined;

/**
 * Reading side of the export io; `write` is added by the caller. A file that is open in the
 * editor is not parsed again: its document's parse (the same header-only read) is used.
 */
export function csvReadIo(inputs: readonly WorkspaceInput[], signal: AbortSignal, parsed: ParsedFileLookup = () => undefined): Omit<CsvExportIo, 'write'> {
  const limit = readSettings().maxWholeFileReadMiB * 1048576;
  return {
    listFiles: () => listInputs(inputs, signal),
    open: (path) => openWorkspaceFileAccess(vscode.Uri.parse(path), limit),
    readHeader: async (access, firstRead, path, stopAfterTag) => parsed(vscode.Uri.parse(path)) ?? readCsvHeader(access, firstRead, stopAfterTag),
  };
}
