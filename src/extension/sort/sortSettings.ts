/** The `dicomInspector.sort.*` settings (package.json declares the same keys). */
import * as vscode from 'vscode';
import { DEFAULT_SORT_PATTERN } from '../../core/sort/pattern';

export interface SortSettings {
  readonly pattern: string;
  readonly clean: boolean;
}

export function readSortSettings(): SortSettings {
  const config = vscode.workspace.getConfiguration('dicomInspector.sort');
  const pattern = config.get<string>('pattern', DEFAULT_SORT_PATTERN);
  return { pattern: pattern.trim() === '' ? DEFAULT_SORT_PATTERN : pattern, clean: config.get<boolean>('clean', true) };
}
