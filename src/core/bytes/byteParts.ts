/**
 * What each byte of a range is, as runs the Bytes pane colours: preamble, `DICM`, the tag, VR,
 * reserved and length fields of element headers, values, item and delimiter headers, the Basic
 * Offset Table, fragment headers and fragment data. Built on `locateOffset`, so a coloured byte
 * and a clicked byte are named by the same function.
 *
 * A range is walked run by run: a part without children (a header field, a plain value, a
 * fragment) is skipped whole, so a page inside a 2 GiB pixel value costs one lookup.
 */
import type { DicomFile } from '../model';
import { locateOffset, type Located } from '../locate/locateOffset';

export type BytePart =
  | 'preamble'
  | 'prefix'
  | 'tag'
  | 'vr'
  | 'reserved'
  | 'length'
  | 'value'
  | 'item'
  | 'delimiter'
  | 'offsetTable'
  | 'fragmentHeader'
  | 'fragment'
  /** Compressed bytes of a deflated data set, shown when looking at the raw file. */
  | 'deflated'
  /** Bytes no node holds: damage between elements, or past what the reader could read. */
  | 'unread';

export const BYTE_PARTS: readonly BytePart[] = [
  'preamble', 'prefix', 'tag', 'vr', 'reserved', 'length', 'value', 'item', 'delimiter',
  'offsetTable', 'fragmentHeader', 'fragment', 'deflated', 'unread',
];

export interface PartRun {
  readonly start: number;
  /** One past the run's last byte. */
  readonly end: number;
  readonly part: BytePart;
  /** The locate path of the node ("" for preamble, prefix and unread bytes). */
  readonly path: string;
  /** Tag of the innermost element ("GGGGEEEE"), or "" when there is none. */
  readonly tag: string;
  readonly keyword: string;
}

/** Which bytes the runs describe: the model's positions, or the raw file of a deflated data set. */
export type ByteStream = 'model' | 'raw';

function partOf(located: Located, offset: number): { part: BytePart; end: number } {
  switch (located.part) {
    case 'header':
      return { part: located.headerField ?? 'tag', end: located.end };
    case 'fragment': {
      const fragment = located.fragment!;
      if (offset < fragment.valueOffset) return { part: 'fragmentHeader', end: fragment.valueOffset };
      return { part: located.path.endsWith('.BasicOffsetTable') ? 'offsetTable' : 'fragment', end: fragment.end };
    }
    default:
      return { part: located.part, end: located.end };
  }
}

/**
 * True when the located range holds children the lookup did not descend into at `offset`
 * (the bytes of a sequence or item between its children): then the walk moves byte by byte.
 */
function hasChildrenAhead(located: Located, offset: number): boolean {
  if (located.part === 'value') return Boolean(located.element?.items || located.element?.fragments);
  return located.part === 'item' && located.item !== null && offset >= located.item.valueOffset;
}

/** Runs covering [start, end) of `stream`, in order, adjacent runs of one part and node merged. */
export function partRuns(file: DicomFile, start: number, end: number, stream: ByteStream = 'model'): PartRun[] {
  const runs: PartRun[] = [];
  const push = (run: PartRun): void => {
    const last = runs[runs.length - 1];
    if (last && last.end === run.start && last.part === run.part && last.path === run.path) {
      runs[runs.length - 1] = { ...last, end: run.end };
    } else {
      runs.push(run);
    }
  };
  let at = start;
  if (stream === 'raw' && file.deflated && end > file.dataSetOffset) {
    const compressedFrom = Math.max(start, file.dataSetOffset);
    const headRuns = compressedFrom > start ? partRuns(file, start, compressedFrom) : [];
    return [...headRuns, { start: compressedFrom, end, part: 'deflated', path: '', tag: '', keyword: '' }];
  }
  while (at < end) {
    const located = locateOffset(file, at);
    if (!located) {
      push({ start: at, end: at + 1, part: 'unread', path: '', tag: '', keyword: '' });
      at++;
      continue;
    }
    const { part, end: partEnd } = partOf(located, at);
    const next = hasChildrenAhead(located, at) || partEnd <= at ? at + 1 : Math.min(partEnd, end);
    const element = located.element;
    push({ start: at, end: next, part, path: located.path, tag: element?.tag ?? '', keyword: element?.keyword ?? '' });
    at = next;
  }
  return runs;
}
