/**
 * The editor layout the user chose last (Bytes pane shown or hidden, the tab in front), kept in
 * the workspace's state so the next file opened in this workspace starts the same way.
 */
import type { Memento } from 'vscode';
import { parseLayout, type EditorLayout } from '../../shared/protocol';

const LAYOUT_KEY = 'dicomInspector.editorLayout';

export class LayoutMemory {
  constructor(private readonly state: Memento) {}

  /** The stored layout; nothing (defaults) when none was stored or what is stored is not a layout. */
  get layout(): EditorLayout {
    return parseLayout(this.state.get<unknown>(LAYOUT_KEY)) ?? {};
  }

  /** Keeps what the page changed, on top of what was kept before. */
  remember(change: EditorLayout): Thenable<void> {
    return this.state.update(LAYOUT_KEY, { ...this.layout, ...change });
  }
}
