/**
 * The open DICOM documents, one per URI, shared by every holder: the custom editor (VS Code
 * holds its document while any editor of the file is open) and each text dump. A document is
 * opened and parsed by the first holder and closed when the last one lets go.
 */
import * as vscode from 'vscode';
import { DicomDocument } from './dicomDocument';

/**
 * One holder's claim on a document. It is the custom editor's `CustomDocument` too: VS Code
 * disposes it when the last editor of the file closes.
 */
export interface DocumentLease extends vscode.CustomDocument {
  readonly document: DicomDocument;
}

interface Entry {
  readonly opening: Promise<DicomDocument>;
  /** Set once `opening` resolved. */
  opened?: DicomDocument;
  holders: number;
}

export class DicomDocuments implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();

  /** The document of `uri`, opened (and parsed) only when no one holds it yet. */
  async acquire(uri: vscode.Uri): Promise<DocumentLease> {
    const key = uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      const created: Entry = { opening: DicomDocument.open(uri), holders: 0 };
      void created.opening.then((document) => (created.opened = document));
      entry = created;
      this.entries.set(key, entry);
    }
    entry.holders++;
    const held = entry;
    const document = await held.opening;
    let released = false;
    return {
      uri,
      document,
      dispose: () => {
        if (released) return;
        released = true;
        if (--held.holders > 0) return;
        if (this.entries.get(key) === held) this.entries.delete(key);
        document.dispose();
      },
    };
  }

  /** The document of `uri` when a holder has it open (and parsed); undefined otherwise. */
  find(uri: vscode.Uri): DicomDocument | undefined {
    return this.entries.get(uri.toString())?.opened;
  }

  dispose(): void {
    for (const entry of this.entries.values()) void entry.opening.then((document) => document.dispose());
    this.entries.clear();
  }
}
