/** The Bytes pane's legend: one swatch per part, in the colours the bytes are drawn in. */
import { BYTE_PARTS } from '../../../src/core/bytes/byteParts';
import { element } from '../dom';
import { PART_LABELS } from './partLabels';

export function bytesLegend(): HTMLElement {
  return element(
    'ul',
    { className: 'bytes-legend', attributes: { 'aria-label': 'Byte colours' } },
    BYTE_PARTS.map((part) => element('li', { className: `p-${part}` }, [element('span', { className: 'swatch', attributes: { 'aria-hidden': 'true' } }), element('span', { text: PART_LABELS[part] })])),
  );
}
