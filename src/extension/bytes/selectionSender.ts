/**
 * Tells the editor pages of a document which node the DICOM Tags view selected, with the Bytes
 * pane's pages around the node read first: the pane then draws the highlighted bytes from the
 * message itself instead of asking for them and waiting for the reply.
 */
import type { SelectElementMessage } from '../../shared/protocol';
import type { DicomDocument } from '../document/dicomDocument';
import type { EditorTracker } from '../editor/editorTracker';
import { contentOffset, type TagNode } from '../tree/tagNodes';
import { documentPagesAround } from './bytesServer';

/** `fromList` marks a selection the tree only followed from the element list (see SelectElementMessage). */
export type SelectionSender = (document: DicomDocument, node: TagNode, fromList?: boolean) => void;

export function selectionSender(tracker: EditorTracker): SelectionSender {
  let latest = 0;
  return (document, node, fromList = false) => {
    const sequence = ++latest;
    const selection: SelectElementMessage = { type: 'selectElement', id: node.id, offset: node.offset, valueOffset: contentOffset(node), end: node.end, ...(fromList ? { fromList: true } : {}) };
    void documentPagesAround(node.offset, document).then(
      (pages) => pages,
      () => [], // Without its pages the pane still highlights the node, asking for them itself.
    ).then((pages) => {
      // Reads may finish out of order: a later selection has already been sent, keep that one.
      if (sequence === latest) tracker.post(document, { ...selection, pages });
    });
  };
}
