/**
 * Asking which columns to export: every attribute, a pick from the attributes found in the
 * files (with names and example values), a typed list of selectors, or the long form.
 * The last choice is remembered per workspace.
 */
import * as vscode from 'vscode';
import { censusFiles, type CsvColumns, type CsvExportIo } from '../../core/csv/exportCsv';
import type { TagSummary } from '../../core/csv/columns';
import { parseSelectorList, type AttributeSelector } from '../../core/query/selector';
import type { CsvSettings } from './csvSettings';

const REMEMBERED_KEY = 'dicomInspector.csv.lastColumns';
/** The picker lists attributes found in the first files; more would only slow the question down. */
const CENSUS_FILE_LIMIT = 2000;

type Choice = 'remembered' | 'all' | 'pick' | 'type' | 'long';

function remembered(state: vscode.Memento): AttributeSelector[] | undefined {
  const texts = state.get<string[]>(REMEMBERED_KEY);
  if (!Array.isArray(texts) || texts.length === 0) return undefined;
  try {
    return parseSelectorList(texts.join(','));
  } catch {
    return undefined; // A dictionary update could in principle drop a keyword: ask again.
  }
}

function limited(io: Omit<CsvExportIo, 'write'>, limit: number): Omit<CsvExportIo, 'write'> {
  return {
    ...io,
    listFiles: async function* () {
      let count = 0;
      for await (const entry of io.listFiles()) {
        if (count++ >= limit) return;
        yield entry;
      }
    },
  };
}

async function collectSummaries(io: Omit<CsvExportIo, 'write'>, concurrency: number): Promise<{ summaries: TagSummary[]; files: number } | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Reading DICOM headers for the column list', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const { census, cancelled } = await censusFiles(
        { ...limited(io, CENSUS_FILE_LIMIT), write: () => undefined },
        { concurrency, signal: controller.signal, onProgress: (p) => progress.report({ message: `${p.done} files` }) },
      );
      return cancelled ? undefined : { summaries: census.summaries(), files: census.files };
    },
  );
}

async function pickAttributes(io: Omit<CsvExportIo, 'write'>, settings: CsvSettings, previous: readonly AttributeSelector[] | undefined): Promise<AttributeSelector[] | undefined> {
  const found = await collectSummaries(io, settings.concurrency);
  if (!found) return undefined;
  if (found.summaries.length === 0) {
    void vscode.window.showWarningMessage('No DICOM attributes were found in these files.');
    return undefined;
  }
  const before = new Set(previous?.map((s) => s.text));
  type Item = vscode.QuickPickItem & { readonly header: string };
  const items: Item[] = found.summaries.map((s) => ({
    label: s.header,
    header: s.header,
    description: `(${s.tag.slice(0, 4)},${s.tag.slice(4)}) ${s.vr}${s.name && s.name !== s.keyword ? ` · ${s.name}` : ''}`,
    detail: `${s.example === '' ? '(empty)' : s.example} · in ${s.files} of ${found.files} files`,
    picked: before.has(s.header),
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    title: `Columns to export (attributes found in ${found.files === CENSUS_FILE_LIMIT ? `the first ${found.files}` : found.files} files)`,
    placeHolder: 'Search by keyword, tag, name or value; type sequence paths with "Type attributes…"',
  });
  if (!chosen || chosen.length === 0) return undefined;
  return parseSelectorList(chosen.map((item) => item.header).join(','));
}

async function typeAttributes(previous: readonly AttributeSelector[] | undefined): Promise<AttributeSelector[] | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Columns to export',
    prompt: 'Keywords, tags like (0018,9345) or 00189345 (private tags by tag), sequence paths like SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness; separated by commas',
    value: previous?.map((s) => s.text).join(', ') ?? '',
    validateInput: (value) => {
      try {
        return parseSelectorList(value).length === 0 ? 'Name at least one attribute.' : undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return text === undefined ? undefined : parseSelectorList(text);
}

/** Asks (or, per the settings, decides) which columns to export; undefined when dismissed. */
export async function chooseColumns(
  state: vscode.Memento,
  io: Omit<CsvExportIo, 'write'>,
  settings: CsvSettings,
  singleFile: boolean,
): Promise<CsvColumns | undefined> {
  const last = remembered(state);
  if (settings.columns === 'allAttributes') return { kind: 'union' };
  if (settings.columns === 'lastChosen' && last) return { kind: 'selected', selectors: last };

  type ModeItem = vscode.QuickPickItem & { readonly choice: Choice };
  const modes: ModeItem[] = [];
  if (last) modes.push({ choice: 'remembered', label: 'Last chosen attributes', detail: last.map((s) => s.text).join(', ') });
  modes.push(
    { choice: 'all', label: 'All attributes', detail: 'Every top-level attribute present in any file, ordered by tag' },
    { choice: 'pick', label: 'Choose attributes…', detail: 'Pick from the attributes found in the files' },
    { choice: 'type', label: 'Type attributes…', detail: 'Keywords, tags, private tags and sequence paths' },
  );
  if (singleFile) modes.push({ choice: 'long', label: 'One row per element', detail: 'Path, Tag, Keyword, Name, VR, VM, Length, Offset, Value' });
  const mode = await vscode.window.showQuickPick(modes, { title: 'Export DICOM headers to CSV', placeHolder: 'Which columns?' });
  if (!mode) return undefined;

  let selectors: AttributeSelector[] | undefined;
  switch (mode.choice) {
    case 'all':
      return { kind: 'union' };
    case 'long':
      return { kind: 'long' };
    case 'remembered':
      return { kind: 'selected', selectors: last! };
    case 'pick':
      selectors = await pickAttributes(io, settings, last);
      break;
    case 'type':
      selectors = await typeAttributes(last);
      break;
  }
  if (!selectors) return undefined;
  await state.update(REMEMBERED_KEY, selectors.map((s) => s.text));
  return { kind: 'selected', selectors };
}
