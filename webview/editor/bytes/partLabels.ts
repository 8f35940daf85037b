/** How the Bytes pane names each part, in its legend and its hover line. */
import type { BytePart } from '../../../src/shared/bytesProtocol';

export const PART_LABELS: Readonly<Record<BytePart, string>> = {
  preamble: 'Preamble',
  prefix: 'DICM prefix',
  tag: 'Tag',
  vr: 'VR',
  reserved: 'Reserved',
  length: 'Length',
  value: 'Value',
  item: 'Item header',
  delimiter: 'Delimiter',
  offsetTable: 'Basic Offset Table',
  fragmentHeader: 'Fragment header',
  fragment: 'Fragment data',
  deflated: 'Deflated (compressed)',
  unread: 'Not read',
};
