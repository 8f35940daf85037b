/**
 * The two read-only documents of a comparison: the difference report (scheme `dicom-compare`)
 * and the offset-free text dump of one file (scheme `dicom-compare-text`) that "Compare as
 * Text" puts on both sides of VS Code's diff editor. Both carry their sources in the query.
 */
import * as vscode from 'vscode';
import { diffDicom } from '../../core/diff/diffDicom';
import { formatDiffText } from '../../core/diff/formatDiff';
import type { DiffOptions } from '../../core/diff/types';
import { formatTextDump } from '../../core/dump/textDump';
import type { DicomDocuments } from '../document/dicomDocuments';
import { readSettings } from '../settings';
import { withOpenedDicom } from './openedDicom';

export const REPORT_SCHEME = 'dicom-compare';
export const PLAIN_DUMP_SCHEME = 'dicom-compare-text';

interface ReportQuery {
  readonly a: string;
  readonly b: string;
  readonly options: DiffOptions;
}

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const shownName = (uri: vscode.Uri) => (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));

export function reportUri(a: vscode.Uri, b: vscode.Uri, options: DiffOptions): vscode.Uri {
  const query: ReportQuery = { a: a.toString(), b: b.toString(), options };
  return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${baseName(a)} ↔ ${baseName(b)}.dicom-diff`, query: JSON.stringify(query) });
}

export function reportSources(uri: vscode.Uri): { a: vscode.Uri; b: vscode.Uri } {
  const query = JSON.parse(uri.query) as ReportQuery;
  return { a: vscode.Uri.parse(query.a, true), b: vscode.Uri.parse(query.b, true) };
}

export function plainDumpUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: PLAIN_DUMP_SCHEME, path: `${source.path}.txt`, query: source.toString() });
}

export const reportProvider = (documents: DicomDocuments): vscode.TextDocumentContentProvider => ({
  async provideTextDocumentContent(uri) {
    const query = JSON.parse(uri.query) as ReportQuery;
    const a = vscode.Uri.parse(query.a, true);
    const b = vscode.Uri.parse(query.b, true);
    try {
      const result = await withOpenedDicom(documents, a, (left) => withOpenedDicom(documents, b, (right) => diffDicom(left, right, query.options)));
      return '# Offsets are links: they open the element in its file.\n' + formatDiffText(result, shownName(a), shownName(b));
    } catch (problem) {
      return `Could not compare ${shownName(a)} with ${shownName(b)}: ${(problem as Error).message}\n`;
    }
  },
});

export const plainDumpProvider = (documents: DicomDocuments): vscode.TextDocumentContentProvider => ({
  async provideTextDocumentContent(uri) {
    const source = vscode.Uri.parse(uri.query, true);
    try {
      // The file name stays out of the first line so that it does not show as a difference.
      return await withOpenedDicom(documents, source, async ({ file }) =>
        formatTextDump(file, { fileName: 'DICOM file', offsets: false, showPrivateTags: readSettings().showPrivateTags }));
    } catch (problem) {
      return `Could not read ${source.toString(true)}: ${(problem as Error).message}\n`;
    }
  },
});

/** Lines "  A 0x01A2 …" and "  B 0x01A2 …" of a report link to that element in file A or B. */
export const reportLinks: vscode.DocumentLinkProvider = {
  provideDocumentLinks(document) {
    const { a, b } = reportSources(document.uri);
    const links: vscode.DocumentLink[] = [];
    for (let line = 0; line < document.lineCount; line++) {
      const match = /^ {2}([AB]) (0x[0-9A-F]+)/.exec(document.lineAt(line).text);
      if (!match) continue;
      const start = 4;
      const range = new vscode.Range(line, start, line, start + match[2].length);
      const args = encodeURIComponent(JSON.stringify([(match[1] === 'A' ? a : b).toString(), Number.parseInt(match[2].slice(2), 16)]));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(`command:dicomInspector.revealInFile?${args}`));
      link.tooltip = `Show this element in ${baseName(match[1] === 'A' ? a : b)}`;
      links.push(link);
    }
    return links;
  },
};
