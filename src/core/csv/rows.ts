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

export function headerFields(plan: ColumnPlan): string[] {
  switch (plan.kind) {
    case 'union':
      return [FILE_HEADER, ...plan.columns.map((c) => c.heading), ERROR_HEADER];
    case 'selected':
      // Headers as the user wrote them, so `--tags K1,K2` gives `File,K1,K2,...`.
      return [FILE_HEADER, ...plan.selectors.map((s) => s.source), ERROR_HEADER];
    case 'long':
      return [FILE_HEADER, ...LONG_HEADERS, ERROR_HEADER];
  }
}

/** Meta group first, then the data set: selectors and the union see both. */
function topLevel(file: DicomFile): readonly DicomElement[] {
  return file.meta.length === 0 ? file.dataSet : [...file.meta, ...file.dataSet];
}

/** One record per file (union or selected columns). */
export function wideRow(relativePath: string, file: DicomFile, plan: Exclude<ColumnPlan, { kind: 'long' }>): string[] {
  const elements = topLevel(file);
  const fields: string[] = [relativePath];
  if (plan.kind === 'union') {
    const byTag = new Map<string, DicomElement>();
    for (const element of elements) byTag.set(element.tag, element);
    for (const column of plan.columns) {
      const element = byTag.get(column.tag);
      fields.push(element === undefined ? '' : elementCell(element));
    }
  } else {
    for (const selector of plan.selectors) {
      const found = resolveSelector(elements, selector);
      fields.push(found.length === 0 ? '' : elementsCell(found));
    }
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
  if (errors !== '') yield errorRow(relativePath, errors, { kind: 'long' });
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
export function errorRow(relativePath: string, message: string, plan: ColumnPlan): string[] {
  const width = headerFields(plan).length;
  const fields = new Array<string>(width).fill('');
  fields[0] = relativePath;
  fields[width - 1] = message;
  return fields;
}
