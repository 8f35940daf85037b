/**
 * The "Open Series as Stack" command: from a series of the DICOM Explorer (its context menu or
 * inline button), from the Explorer's selection, or from the command palette (a pick of the
 * workspace's series), opens the series in the frame viewer as one stack of frames.
 */
import * as vscode from 'vscode';
import type { SeriesEntry } from '../../core/explorer/studyIndex';
import { seriesLabel, type ExplorerNode } from '../explorer/explorerNodes';
import type { DicomExplorer } from '../explorer/explorerView';
import { SeriesStackPanel, type StackServices } from './seriesStackPanel';

export const OPEN_SERIES_STACK_COMMAND = 'dicomInspector.openSeriesStack';

/** What the integration tests look at: the stacks open now. */
export interface SeriesStacks {
  readonly panels: ReadonlySet<SeriesStackPanel>;
}

function allSeries(explorer: DicomExplorer): SeriesEntry[] {
  return explorer.workspaceIndex.index.patientList().flatMap((patient) => [...patient.studies.values()].flatMap((study) => [...study.series.values()]));
}

/** The Series Instance UID the command was given, or the one the user picks. */
async function chosenSeries(explorer: DicomExplorer, given: ExplorerNode | string | undefined): Promise<string | undefined> {
  if (typeof given === 'string') return given;
  const node = given ?? explorer.view.selection.find((selected) => selected.kind === 'series');
  if (node?.seriesUid) return node.seriesUid;
  if (!explorer.workspaceIndex.built) await explorer.refresh();
  const picked = await vscode.window.showQuickPick(
    allSeries(explorer).map((series) => ({ label: seriesLabel(series.first), description: `${series.instances.size} instances · ${series.first.patientName}`, detail: series.key, uid: series.key })),
    { title: 'Open Series as Stack', placeHolder: 'Series to step through' },
  );
  return picked?.uid;
}

export function registerSeriesStack(context: vscode.ExtensionContext, services: StackServices, explorer: DicomExplorer): SeriesStacks {
  const panels = new Set<SeriesStackPanel>();
  context.subscriptions.push(
    { dispose: () => [...panels].forEach((panel) => panel.dispose()) },
    vscode.commands.registerCommand(OPEN_SERIES_STACK_COMMAND, async (given?: ExplorerNode | string) => {
      const uid = await chosenSeries(explorer, given);
      if (!uid) return;
      if (!explorer.workspaceIndex.built) await explorer.refresh();
      const order = explorer.workspaceIndex.index.seriesOrder(uid);
      if (!order || order.instances.length === 0) {
        void vscode.window.showWarningMessage(`No file of series ${uid} is in the workspace.`);
        return;
      }
      try {
        const panel = await SeriesStackPanel.open(context.extensionUri, services, { title: seriesLabel(order.instances[0]), order });
        panels.add(panel);
        panel.onDidClose(() => panels.delete(panel));
      } catch (error) {
        if (!(error instanceof vscode.CancellationError)) void vscode.window.showErrorMessage(`The series could not be opened as a stack: ${(error as Error).message}`);
      }
    }),
  );
  return { panels };
}
