/**
 * Row building: the fields of each CSV record, before quoting and neutralisation.
 * Pure functions of a parsed file and a column plan.
 */
import type { DicomElement, DicomFile } from '../model';
import { resolveSelector } from '../query/resolve';
import { tagText } from '../format/presentation';
import { formatElementPath, type ElementPathStep } from '../query/path';
import type { ColumnPlan } from './columns';
import { elementCell, elementsCell, issuesCell } from './cells';

export const FILE_HEADER = 'File';
export const ERROR_HEADER = 'Error';
export const LONG_HEADERS = ['Path', 'Tag', 'Keyword', 'Name', 'VR', 'VM', 'Length', 'Offset', 'Value'] as const;

/** Fields of the header row. A union header has a field per distinct tag, millions for some files: made as written. */
export function* headerFields(plan: ColumnPlan): Generator<string> {
  yield FILE_HEADER;
  switch (plan.kind) {
    case 'union':
      for (let i = 0; i < plan.columns.count; i++) yield plan.columns.heading(i);
      break;
    case 'selected':
      // Headers as the user wrote them, so `--tags K1,K2` gives `File,K1,K2,...`.
      for (const selector of plan.selectors) yield selector.source;
      break;
    case 'long':
      yield* LONG_HEADERS;
      break;
  }
  yield ERROR_HEADER;
}

/** Fields a record of this plan has (File and Error included). */
export function columnCount(plan: ColumnPlan): number {
  const between = plan.kind === 'union' ? plan.columns.count : plan.kind === 'selected' ? plan.selectors.length : LONG_HEADERS.length;
  return between + 2;
}

/** Meta group first, then the data set: selectors and the union see both. */
export function topLevel(file: DicomFile): readonly DicomElement[] {
  return file.meta.length === 0 ? file.dataSet : [...file.meta, ...file.dataSet];
}

/**
 * The fields of a union row: File, a cell per column (empty where the file lacks the tag), Error.
 * `columnOf(i)` is the column of the file's i-th element (-1: none), `cellOf(i)` its cell. Cells
 * are made as the row is written, so a file of millions of elements never has them all at once;
 * a tag present twice (bad files do that) shows its last element.
 */
export function* unionFields(
  relativePath: string, width: number, count: number,
  columnOf: (i: number) => number, cellOf: (i: number) => string, error: string,
): Generator<string> {
  const elementAt = new Int32Array(width).fill(-1);
  for (let i = 0; i < count; i++) {
    const column = columnOf(i);
    if (column >= 0) elementAt[column] = i;
  }
  yield relativePath;
  for (let column = 0; column < width; column++) yield elementAt[column] < 0 ? '' : cellOf(elementAt[column]);
  yield error;
}

/** One record per file (union or selected columns). */
export function wideRow(relativePath: string, file: DicomFile, plan: Exclude<ColumnPlan, { kind: 'long' }>): Iterable<string> {
  const elements = topLevel(file);
  if (plan.kind === 'union') {
    const { columns } = plan;
    return unionFields(relativePath, columns.count, elements.length, (i) => columns.columnOf(elements[i]), (i) => elementCell(elements[i]), issuesCell(file.issues));
  }
  const fields: string[] = [relativePath];
  for (const selector of plan.selectors) {
    const found = resolveSelector(elements, selector);
    fields.push(found.length === 0 ? '' : elementsCell(found));
  }
  fields.push(issuesCell(file.issues));
  return fields;
}

function longFields(relativePath: string, path: string, element: DicomElement): string[] {
  return [
    relativePath,
    path,
    tagText(element),
    element.keyword ?? '',
    element.name ?? '',
    element.vr,
    String(element.vm),
    element.length === null ? 'undefined' : String(element.length),
    String(element.offset),
    elementCell(element),
    '',
  ];
}

function* walkLong(relativePath: string, elements: readonly DicomElement[], parents: ElementPathStep[]): Generator<string[]> {
  for (const element of elements) {
    const steps = [...parents, { element }];
    yield longFields(relativePath, formatElementPath(steps), element);
    const items = element.items;
    if (items === undefined) continue;
    for (let i = 0; i < items.length; i++) {
      const withItem = [...parents, { element, itemIndex: i }];
      yield* walkLong(relativePath, items[i].elements, withItem);
    }
  }
}

/** Long form: one record per element at any depth, in file order, then one per error. */
export function* longRows(relativePath: string, file: DicomFile): Generator<string[]> {
  yield* walkLong(relativePath, file.meta, []);
  yield* walkLong(relativePath, file.dataSet, []);
  const errors = issuesCell(file.issues);
  if (errors !== '') yield [...errorRow(relativePath, errors, { kind: 'long' })];
}

/**
 * Long form for chosen elements of one file (the tag tree's selection). Each target is given
 * as its path from the top level (the last step is the element itself); its rows are the
 * element, followed by its contents when it is a sequence.
 */
export function* longRowsFor(relativePath: string, targets: readonly (readonly ElementPathStep[])[]): Generator<string[]> {
  for (const steps of targets) {
    if (steps.length === 0) continue;
    yield* walkLong(relativePath, [steps[steps.length - 1].element], steps.slice(0, -1));
  }
}

/** A record for a file that could not be read: the path, empty cells, and the error. */
export function* errorRow(relativePath: string, message: string, plan: ColumnPlan): Generator<string> {
  const width = columnCount(plan);
  yield relativePath;
  for (let i = 2; i < width; i++) yield '';
  yield message;
}
