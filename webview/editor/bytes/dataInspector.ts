/**
 * The data inspector under the Bytes pane: what the bytes at the cursor read as (numbers of every
 * width in both byte orders, a tag, text in the data set's character set).
 */
import { inspectBytes } from '../../../src/core/bytes/inspectBytes';
import { offsetText, type OffsetFormat } from '../../../src/core/format/presentation';
import { element } from '../dom';

export interface InspectedPlace {
  readonly offset: number;
  readonly bytes: Uint8Array;
  readonly littleEndian: boolean;
  readonly characterSet: readonly string[];
  readonly offsetFormat: OffsetFormat;
}

export class DataInspector {
  readonly root: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly orderHeads: [HTMLElement, HTMLElement];

  constructor() {
    this.caption = element('caption', { text: 'Click a byte to inspect it' });
    this.orderHeads = [element('th', { attributes: { scope: 'col' } }), element('th', { attributes: { scope: 'col' } })];
    this.body = element('tbody');
    this.root = element('table', { className: 'data-inspector', attributes: { 'aria-label': 'Data inspector' } }, [
      this.caption,
      element('thead', {}, [element('tr', {}, [element('th', { text: 'Type', attributes: { scope: 'col' } }), ...this.orderHeads])]),
      this.body,
    ]);
    this.show(null);
  }

  /**
   * Shows what the bytes of `place` read as. Without a place every row is there with "—", so the
   * inspector keeps its height and the rows above it never move when a byte is clicked.
   */
  show(place: InspectedPlace | null): void {
    this.caption.textContent = place ? `At ${offsetText(place.offset, place.offsetFormat)}` : 'Click a byte to inspect it';
    place ??= { offset: 0, bytes: new Uint8Array(0), littleEndian: true, characterSet: [], offsetFormat: 'hex' };
    // The byte order of the place comes first; the other one is there to spot a wrong guess.
    this.orderHeads[0].textContent = place.littleEndian ? 'Little endian (this data)' : 'Big endian (this data)';
    this.orderHeads[1].textContent = place.littleEndian ? 'Big endian' : 'Little endian';
    const rows = inspectBytes(place.bytes, place.littleEndian, place.characterSet);
    this.body.replaceChildren(
      ...rows.map((row) =>
        element('tr', {}, [
          element('th', { text: row.label, attributes: { scope: 'row' } }),
          element('td', { text: row.value, title: row.value }),
          element('td', { text: row.label === 'text' ? '' : row.swapped, title: row.swapped }),
        ]),
      ),
    );
  }
}
