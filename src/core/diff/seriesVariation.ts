import type { DicomElement, DicomFile } from '../model';
import { valueText } from '../format/presentation';
import { makeDiffFilter } from './diffFilter';
import type { DiffOptions } from './types';

/** How one attribute varies across the instances of a series. */
export interface AttributeVariation {
  /** Element path, items from 0: "00081115[0].00081155". */
  readonly path: string;
  readonly keyword: string | null;
  /** Number of distinct values (a missing attribute counts as one value, "absent"). */
  readonly distinct: number;
  /** Instances that have the attribute. */
  readonly present: number;
  /** Value in the first and in the last instance (by Instance Number, then name); null when absent. */
  readonly first: string | null;
  readonly last: string | null;
}

export interface SeriesVariation {
  readonly instances: number;
  /** Attributes whose value is not the same in every instance, in path order. */
  readonly varying: readonly AttributeVariation[];
  /** Attributes with one value in every instance. */
  readonly constant: number;
}

export interface SeriesInstance {
  readonly name: string;
  readonly file: DicomFile;
}

const INSTANCE_NUMBER = '00200013';
const PIXEL_DATA = '7FE00010';

/** Every leaf element by path, its value as the dump shows it (bulk values by size and first bytes). */
function leaves(elements: readonly DicomElement[], prefix: string, skip: (e: DicomElement) => boolean, out: Map<string, { keyword: string | null; text: string }>): void {
  for (const element of elements) {
    if (skip(element) || element.tag === PIXEL_DATA) continue;
    const path = prefix + element.tag;
    if (element.items) {
      element.items.forEach((item, i) => leaves(item.elements, `${path}[${i}].`, skip, out));
      out.set(`${path}#items`, { keyword: element.keyword && `${element.keyword} items`, text: String(element.items.length) });
    } else if (!out.has(path)) {
      out.set(path, { keyword: element.keyword, text: valueText(element) });
    }
  }
}

function instanceNumber(file: DicomFile): number {
  const value = file.dataSet.find((e) => e.tag === INSTANCE_NUMBER)?.value;
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/**
 * Which attributes vary across the instances of a series and how (distinct values, first and
 * last), the table a physicist makes to check that a protocol held. Instances are ordered by
 * Instance Number, then by name; the same filters as a comparison apply.
 */
export function seriesVariation(instances: readonly SeriesInstance[], options: DiffOptions = {}): SeriesVariation {
  const skip = makeDiffFilter(options);
  const ordered = [...instances].sort((x, y) => instanceNumber(x.file) - instanceNumber(y.file) || x.name.localeCompare(y.name, 'en', { numeric: true }));
  const tables = ordered.map(({ file }) => {
    const out = new Map<string, { keyword: string | null; text: string }>();
    leaves([...file.meta, ...file.dataSet], '', skip, out);
    return out;
  });
  const paths = [...new Set(tables.flatMap((t) => [...t.keys()]))].sort();
  const varying: AttributeVariation[] = [];
  for (const path of paths) {
    const values = tables.map((t) => t.get(path));
    const distinct = new Set(values.map((v) => (v === undefined ? '\u0000absent' : v.text))).size;
    if (distinct === 1) continue;
    const keyword = values.find((v) => v !== undefined)?.keyword ?? null;
    varying.push({
      path, keyword, distinct, present: values.filter((v) => v !== undefined).length,
      first: values[0]?.text ?? null, last: values[values.length - 1]?.text ?? null,
    });
  }
  return { instances: ordered.length, varying, constant: paths.length - varying.length };
}

/** The variation as a Markdown table (cells escaped for pipes). */
export function formatSeriesVariation(variation: SeriesVariation): string {
  const cell = (text: string | null) => (text === null ? '(absent)' : text === '' ? '(empty)' : text.replace(/\|/g, '\\|'));
  const rows = variation.varying.map((v) => `| ${v.path} | ${v.keyword ?? ''} | ${v.distinct} | ${v.present} of ${variation.instances} | ${cell(v.first)} | ${cell(v.last)} |`);
  return [
    `# Series differences: ${variation.instances} instances`,
    '',
    `${variation.varying.length} attributes vary, ${variation.constant} are the same in every instance.`,
    '',
    '| Path | Keyword | Distinct values | Present in | First | Last |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n') + '\n';
}
