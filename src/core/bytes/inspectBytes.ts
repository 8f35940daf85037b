/**
 * The data inspector of the Bytes pane: what the bytes at the cursor read as, as numbers of
 * every width in both byte orders, as a tag, and as text in the data set's character set.
 * Pure: the webview shows these rows, tests check them against Node's Buffer readers.
 */
import { oneLine } from '../format/presentation';
import { decodeText } from '../values/text';

export interface InspectorRow {
  readonly label: string;
  /** In the byte order of the bytes' place: the File Meta Information is always little endian. */
  readonly value: string;
  /** In the other byte order. */
  readonly swapped: string;
}

/** How many bytes the inspector reads from the cursor: the widest number, or a short text. */
export const INSPECTED_BYTES = 16;

type Reader = (view: DataView, littleEndian: boolean) => string;

const NUMBERS: ReadonlyArray<{ label: string; size: number; read: Reader }> = [
  { label: 'int8', size: 1, read: (v) => String(v.getInt8(0)) },
  { label: 'uint8', size: 1, read: (v) => String(v.getUint8(0)) },
  { label: 'int16', size: 2, read: (v, le) => String(v.getInt16(0, le)) },
  { label: 'uint16', size: 2, read: (v, le) => String(v.getUint16(0, le)) },
  { label: 'int32', size: 4, read: (v, le) => String(v.getInt32(0, le)) },
  { label: 'uint32', size: 4, read: (v, le) => String(v.getUint32(0, le)) },
  { label: 'int64', size: 8, read: (v, le) => v.getBigInt64(0, le).toString() },
  { label: 'uint64', size: 8, read: (v, le) => v.getBigUint64(0, le).toString() },
  { label: 'float32', size: 4, read: (v, le) => String(v.getFloat32(0, le)) },
  { label: 'float64', size: 8, read: (v, le) => String(v.getFloat64(0, le)) },
];

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Rows for `bytes` (the bytes from the cursor on, fewer at the end of the file). A reading that
 * needs more bytes than there are is shown as "—".
 */
export function inspectBytes(bytes: Uint8Array, littleEndian: boolean, characterSet: readonly string[]): InspectorRow[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: InspectorRow[] = NUMBERS.map(({ label, size, read }) =>
    bytes.length < size ? { label, value: '—', swapped: '—' } : { label, value: read(view, littleEndian), swapped: read(view, !littleEndian) },
  );
  const tag = (le: boolean): string => `(${hex4(view.getUint16(0, le))},${hex4(view.getUint16(2, le))})`;
  rows.push(bytes.length < 4 ? { label: 'tag', value: '—', swapped: '—' } : { label: 'tag', value: tag(littleEndian), swapped: tag(!littleEndian) });
  // Text has no byte order; "LO" is a VR that uses the Specific Character Set.
  const text = oneLine(decodeText(bytes, 'LO', characterSet.join('\\')));
  rows.push({ label: 'text', value: text, swapped: text });
  return rows;
}
