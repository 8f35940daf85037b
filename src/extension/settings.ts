/**
 * The `dicomInspector.*` settings, read in one place with their defaults and bounds
 * (package.json declares the same keys for the Settings UI).
 */
import * as vscode from 'vscode';
import { DEFAULT_DECODE_LIMIT_MIB } from '../core/pixels/decodeBudget';
import type { OffsetFormat } from '../shared/protocol';

export const SETTINGS_SECTION = 'dicomInspector';

export interface InspectorSettings {
  readonly showPrivateTags: boolean;
  readonly offsetFormat: OffsetFormat;
  readonly maxValueLength: number;
  readonly offerReopenForDicomFiles: boolean;
  /** Largest file (MiB) read whole through workspace.fs when ranged reads are not possible. */
  readonly maxWholeFileReadMiB: number;
  /** Memory one frame's decode may take (MiB); larger frames are refused before decoding. */
  readonly decodeLimitMiB: number;
}

function clampInteger(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

export function readSettings(): InspectorSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    showPrivateTags: config.get<boolean>('showPrivateTags', true),
    offsetFormat: config.get<string>('offsetFormat', 'hex') === 'decimal' ? 'decimal' : 'hex',
    maxValueLength: clampInteger(config.get('maxValueLength'), 128, 8, 100_000),
    offerReopenForDicomFiles: config.get<boolean>('offerReopenForDicomFiles', true),
    maxWholeFileReadMiB: clampInteger(config.get('maxWholeFileReadMiB'), 64, 1, 4096),
    decodeLimitMiB: clampInteger(config.get('decodeLimitMiB'), DEFAULT_DECODE_LIMIT_MIB, 16, 16384),
  };
}

/** Fires `listener` when any of our settings change. */
export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTINGS_SECTION)) listener();
  });
}
