/**
 * The `dicomInspector.csv.*` settings (package.json declares the same keys for the Settings UI).
 */
import * as vscode from 'vscode';
import { isValidDelimiter } from '../../core/csv/rfc4180';

export type CsvColumnSetting = 'ask' | 'allAttributes' | 'lastChosen';
export type CsvOutputSetting = 'ask' | 'besideInput';

export interface CsvSettings {
  readonly delimiter: string;
  readonly includeBom: boolean;
  readonly columns: CsvColumnSetting;
  readonly output: CsvOutputSetting;
  readonly concurrency: number;
  readonly openAfterExport: boolean;
}

export function readCsvSettings(): CsvSettings {
  const config = vscode.workspace.getConfiguration('dicomInspector.csv');
  const delimiterSetting = config.get<string>('delimiter', ',');
  const delimiter = delimiterSetting === 'tab' ? '\t' : delimiterSetting;
  const columns = config.get<string>('columns', 'ask');
  const concurrency = config.get<number>('concurrency', 16);
  return {
    delimiter: isValidDelimiter(delimiter) ? delimiter : ',',
    includeBom: config.get<boolean>('includeBom', true),
    columns: columns === 'allAttributes' || columns === 'lastChosen' ? columns : 'ask',
    output: config.get<string>('output', 'ask') === 'besideInput' ? 'besideInput' : 'ask',
    concurrency: Number.isFinite(concurrency) ? Math.min(64, Math.max(1, Math.round(concurrency))) : 16,
    openAfterExport: config.get<boolean>('openAfterExport', true),
  };
}
