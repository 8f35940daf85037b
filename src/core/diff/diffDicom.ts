import type { DicomElement, DicomItem } from '../model';
import type { OpenedDicom } from '../parse/readDicom';
import { valueText } from '../format/presentation';
import { valueRange, wordSize } from '../values/valueBytes';
import { makeDiffFilter } from './diffFilter';
import { pairElements, pairItemsByKey, pairItemsByPosition } from './pairing';
import { compareDecodedPixels } from './pixelCompare';
import { sameByteRanges } from './sameBytes';
import type { DiffEntry, DiffOptions, DiffResult, DiffSide, DiffSink } from './types';

const PIXEL_DATA = '7FE00010';

function elementSide(element: DicomElement): DiffSide {
  return { offset: element.offset, vr: element.vr, length: element.length, value: valueText(element) };
}

function itemSide(item: DicomItem): DiffSide {
  return { offset: item.offset, vr: '', length: item.length, value: `${item.elements.length} element${item.elements.length === 1 ? '' : 's'}` };
}

function sameDecoded(x: DicomElement['value'], y: DicomElement['value']): boolean {
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => v === y[i]);
  }
  return x === y;
}

/**
 * A structural comparison of two parsed files: elements paired by tag (meta group and data set
 * together), sequences item by item, values compared as decoded (so a value that merely moved,
 * or changed byte order, is not a change) and bulk values compared byte for byte through each
 * file's access. Offsets are reported, never compared; values are made into text only for
 * the differences.
 *
 * Differences are collected into `entries`, or, with a `sink`, given to it as they are found
 * and not kept: two files of millions of elements can differ in millions of places.
 */
export async function diffDicom(a: OpenedDicom, b: OpenedDicom, options: DiffOptions = {}, sink?: DiffSink): Promise<DiffResult> {
  const skip = makeDiffFilter(options);
  const keep = (element: DicomElement) => !skip(element);
  const entries: DiffEntry[] = [];
  let differences = 0;
  let compared = 0;
  /** Records a difference; returns a promise only when the sink asks to wait. */
  const report = (entry: DiffEntry): Promise<void> | undefined => {
    differences++;
    if (sink) return sink(entry);
    entries.push(entry);
    return undefined;
  };

  const isBulk = (e: DicomElement) => e.bulk !== undefined || e.fragments !== undefined;
  const byteOrderDiffers = (a.file.transferSyntax?.littleEndian ?? true) !== (b.file.transferSyntax?.littleEndian ?? true);

  const sameBulk = (x: DicomElement, y: DicomElement): Promise<boolean> => {
    const swap = byteOrderDiffers && x.vr === y.vr && !x.fragments ? wordSize(x.vr) : 1;
    return sameByteRanges(a.source, valueRange(x), b.source, valueRange(y), swap);
  };

  const items = async (x: readonly DicomItem[], y: readonly DicomItem[], path: string, element: DicomElement) => {
    const pairs = options.itemKey ? pairItemsByKey(x, y, options.itemKey.toUpperCase()) : pairItemsByPosition(x, y);
    for (const pair of pairs) {
      const itemPath = `${path}[${pair.index}]`;
      if (pair.a && pair.b) {
        await lists(pair.a.elements, pair.b.elements, itemPath + '.');
      } else {
        const change = pair.a ? 'removed' : 'added';
        await report({
          path: itemPath, tag: 'FFFEE000', keyword: `Item of ${element.keyword ?? element.tag}`, change,
          a: pair.a ? itemSide(pair.a) : null, b: pair.b ? itemSide(pair.b) : null,
        });
      }
    }
  };

  const changed = (x: DicomElement, y: DicomElement, path: string, what: string[]): DiffEntry =>
    ({ path, tag: x.tag, keyword: x.keyword ?? y.keyword, change: 'changed', a: elementSide(x), b: elementSide(y), what });

  const sequencePair = async (x: DicomElement, y: DicomElement, path: string, what: string[]) => {
    // A sequence's own length only reflects its items (and the writer's choice of undefined length).
    if (!x.items || !y.items) what.push('value');
    if (what.length > 0) await report(changed(x, y, path, what));
    if (x.items && y.items) await items(x.items, y.items, path, x);
  };

  const bulkPair = async (x: DicomElement, y: DicomElement, path: string, what: string[], topLevel: boolean) => {
    const valueDiffers = !(await sameBulk(x, y));
    if (valueDiffers) what.push('value');
    if (what.length === 0) return;
    const entry = changed(x, y, path, what);
    const decode = topLevel && x.tag === PIXEL_DATA && valueDiffers && options.decodePixels !== false;
    await report(decode ? { ...entry, pixels: await compareDecodedPixels(a, b) } : entry);
  };

  /** Returns a promise only when bytes must be read (bulk values) or items compared. */
  const pairOf = (x: DicomElement, y: DicomElement, path: string, topLevel: boolean): Promise<void> | undefined => {
    compared++;
    const what: string[] = [];
    if (x.vr !== y.vr) what.push('vr');
    if (x.items || y.items) return sequencePair(x, y, path, what);
    if (x.length !== y.length) what.push('length');
    if (isBulk(x) || isBulk(y)) return bulkPair(x, y, path, what, topLevel);
    // Most values are decoded in the model: compare them without a trip through the event loop.
    if (!sameDecoded(x.value, y.value)) what.push('value');
    return what.length > 0 ? report(changed(x, y, path, what)) : undefined;
  };

  const lists = async (x: readonly DicomElement[], y: readonly DicomElement[], prefix: string) => {
    for (const pair of pairElements(x, y, keep)) {
      const element = (pair.a ?? pair.b) as DicomElement;
      const path = prefix + element.tag;
      if (pair.a && pair.b) {
        const pending = pairOf(pair.a, pair.b, path, prefix === '');
        if (pending) await pending;
      }
      else {
        compared++;
        const pending = report({
          path, tag: element.tag, keyword: element.keyword, change: pair.a ? 'removed' : 'added',
          a: pair.a ? elementSide(pair.a) : null, b: pair.b ? elementSide(pair.b) : null,
        });
        if (pending) await pending;
      }
    }
  };

  await lists([...a.file.meta, ...a.file.dataSet], [...b.file.meta, ...b.file.dataSet], '');
  return { entries, differences, compared };
}
