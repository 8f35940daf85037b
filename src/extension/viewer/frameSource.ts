/**
 * What a viewer steps through: the frames of one document, or of a series stacked from many.
 * The frame server answers every viewer the same way through it: frame `index` of the viewer is
 * frame `place(index).frame` of document `place(index).document`, decoded by that document's
 * image session, so a stack reads each file through the one document that owns it.
 */
import * as vscode from 'vscode';
import type { StackPlace } from '../../core/explorer/stackFrames';
import type { ImageInfoView } from '../../shared/viewerProtocol';
import type { DicomDocument } from '../document/dicomDocument';

export interface FramePlace {
  readonly document: DicomDocument;
  readonly frame: number;
}

export interface FrameSource {
  /** The document whose image info (size, bits, syntax) describes the source as a whole. */
  readonly lead: DicomDocument;
  /** The viewer's image info from the lead document's: the same for one file, the stack's frame count for a stack. */
  describe(lead: ImageInfoView): ImageInfoView;
  /** Frame `index` of the viewer, or null when there is no such frame. */
  place(index: number): FramePlace | null;
  /** Folder and file name stem that saved PNGs are offered under. */
  readonly saveAs: { readonly folder: vscode.Uri; readonly stem: string };
}

function stemOf(document: DicomDocument): string {
  return document.fileName.replace(/\.[^.]*$/, '') || 'frame';
}

/** The frames of one file, as they are in it. */
export function documentFrames(document: DicomDocument): FrameSource {
  return {
    lead: document,
    describe: (lead) => lead,
    place: (frame) => ({ document, frame }),
    saveAs: { folder: vscode.Uri.joinPath(document.uri, '..'), stem: stemOf(document) },
  };
}

/**
 * The frames of a series' instances in stepping order (`places` from stackFrames.ts, whose
 * `member` indexes `documents`). A stack has no frame rate of its own: cine uses its default.
 */
export function stackedFrames(documents: readonly DicomDocument[], places: readonly StackPlace[], stem: string): FrameSource {
  const lead = documents[places[0]?.member ?? 0];
  return {
    lead,
    describe: (info) => ({ ...info, numberOfFrames: places.length, frameRate: null }),
    place: (index) => {
      const at = places[index];
      return at ? { document: documents[at.member], frame: at.frame } : null;
    },
    saveAs: { folder: vscode.Uri.joinPath(lead.uri, '..'), stem },
  };
}
