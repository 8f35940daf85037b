/**
 * A DICOMDIR's directory records as the hierarchy they encode (PS3.3 F.3): the root entity is
 * the chain of records from (0004,1200) along Offset of the Next Directory Record (0004,1400);
 * each record's lower-level entity starts at (0004,1420). Offsets count from the first byte of
 * the file, which is how the model's item offsets count, so a pointer is checked by looking up
 * the item that starts there. Records no pointer reaches are kept (listed after the root
 * entity, each with the records it links to) with an issue, so nothing readable is hidden.
 */
import type { DicomElement, DicomFile, DicomItem, Issue } from '../model';
import { findElement, joinedTextOf, numberOf, textOf, valuesOf } from '../query/elementValues';
import { offsetText } from '../format/presentation';

export interface DirectoryRecord {
  /** Directory Record Type: PATIENT, STUDY, SERIES, IMAGE, SR DOCUMENT, PRIVATE, ... */
  readonly type: string;
  /** First byte of the record's item tag: the value other records point at. */
  readonly offset: number;
  readonly end: number;
  /** Path of the record's item: "00041220[3]". */
  readonly path: string;
  /** The record's attributes other than the structural ones, by keyword (tag when unnamed). */
  readonly keys: Record<string, string>;
  /** Referenced File ID as a relative path with "/" separators, or null. */
  readonly referencedFile: string | null;
  /** Record In-use Flag (0004,1410) is 0x0000: the record is inactive. */
  readonly inactive: boolean;
  readonly children: DirectoryRecord[];
}

export interface DirectoryTree {
  readonly fileSetId: string | null;
  /** Records of the root directory entity, each with its lower levels. */
  readonly records: DirectoryRecord[];
  readonly recordCount: number;
  readonly issues: Issue[];
}

const DIRECTORY_RECORD_SEQUENCE = '00041220';
const MEDIA_STORAGE_DIRECTORY = '1.2.840.10008.1.3.10';
/** Elements that make the structure, not the record's content. */
const STRUCTURAL = new Set(['00041400', '00041410', '00041420', '00041430', '00041500']);
/**
 * Deepest chain of lower-level entities followed. PS3.3 F.4 nests at most a handful of levels
 * (patient, study, series, instance, with private levels below); a file whose records each point
 * down to the next would otherwise recurse once per record, past the stack.
 */
export const MAX_DIRECTORY_DEPTH = 16;

export function isDicomDir(file: DicomFile): boolean {
  return textOf(file.meta, '00020002') === MEDIA_STORAGE_DIRECTORY || findElement(file.dataSet, DIRECTORY_RECORD_SEQUENCE) !== undefined;
}

export function readDirectory(file: DicomFile): DirectoryTree | null {
  const sequence = findElement(file.dataSet, DIRECTORY_RECORD_SEQUENCE);
  if (!sequence) return null;
  const items = sequence.items ?? [];
  const issues: Issue[] = [];
  const byOffset = new Map<number, number>();
  items.forEach((item, index) => byOffset.set(item.offset, index));
  const reached = new Set<number>();

  /** The chain of records starting at `offset`, each with its lower level, read recursively. */
  const chain = (offset: number, pointer: DicomElement | undefined, depth: number): DirectoryRecord[] => {
    const records: DirectoryRecord[] = [];
    let next = offset;
    let from = pointer;
    while (next !== 0) {
      const index = byOffset.get(next);
      if (index === undefined) {
        issues.push(pointerIssue('dicomdir-pointer-not-a-record', from, `${pointerName(from)} points at ${offsetText(next)}, where no directory record starts`));
        break;
      }
      if (reached.has(index)) {
        issues.push(pointerIssue('dicomdir-record-linked-twice', from, `${pointerName(from)} points at the record at ${offsetText(next)}, which another pointer already reached (a loop or a shared record)`));
        break;
      }
      reached.add(index);
      const item = items[index];
      const lowerPointer = findElement(item.elements, '00041420');
      const lower = numberOf(item.elements, '00041420') ?? 0;
      if (lower !== 0 && depth + 1 >= MAX_DIRECTORY_DEPTH) {
        issues.push(pointerIssue('dicomdir-too-deep', lowerPointer, `${pointerName(lowerPointer)} leads to a level deeper than ${MAX_DIRECTORY_DEPTH}; the records below are listed as unreached instead`));
      }
      const children = lower !== 0 && depth + 1 < MAX_DIRECTORY_DEPTH ? chain(lower, lowerPointer, depth + 1) : [];
      records.push(record(item, index, children));
      from = findElement(item.elements, '00041400');
      next = numberOf(item.elements, '00041400') ?? 0;
    }
    return records;
  };

  const rootPointer = findElement(file.dataSet, '00041200');
  const records = chain(numberOf(file.dataSet, '00041200') ?? 0, rootPointer, 0);
  checkLastRootRecord(file, records, issues);
  items.forEach((item, index) => {
    if (reached.has(index)) return;
    issues.push({
      code: 'dicomdir-record-unreachable', severity: 'warning', offset: item.offset, end: item.end, path: itemPath(index),
      message: `directory record at ${offsetText(item.offset)} (${textOf(item.elements, '00041430') ?? 'no type'}) is not reached by any pointer; listed after the root entity with the records it links to`,
    });
    records.push(...chain(item.offset, undefined, 0));
  });
  return { fileSetId: textOf(file.dataSet, '00041130'), records, recordCount: items.length, issues };
}

function record(item: DicomItem, index: number, children: DirectoryRecord[]): DirectoryRecord {
  const components = valuesOf(item.elements, '00041500').map((part) => String(part).trim());
  return {
    type: textOf(item.elements, '00041430') ?? '',
    offset: item.offset,
    end: item.end,
    path: itemPath(index),
    keys: keysOf(item.elements),
    referencedFile: components.length > 0 ? components.join('/') : null,
    inactive: numberOf(item.elements, '00041410') === 0,
    children,
  };
}

function keysOf(elements: readonly DicomElement[]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const element of elements) {
    if (STRUCTURAL.has(element.tag) || element.items !== undefined || element.bulk !== undefined) continue;
    keys[element.keyword ?? element.tag] = joinedTextOf([element], element.tag) ?? '';
  }
  return keys;
}

function checkLastRootRecord(file: DicomFile, records: readonly DirectoryRecord[], issues: Issue[]): void {
  const lastPointer = findElement(file.dataSet, '00041202');
  const declared = numberOf(file.dataSet, '00041202');
  const last = records.at(-1);
  if (lastPointer && declared !== null && last && declared !== last.offset) {
    issues.push(pointerIssue('dicomdir-last-record-mismatch', lastPointer, `${pointerName(lastPointer)} is ${offsetText(declared)}, but the root entity's last record is at ${offsetText(last.offset)}`));
  }
}

function itemPath(index: number): string {
  return `${DIRECTORY_RECORD_SEQUENCE}[${index}]`;
}

function pointerName(pointer: DicomElement | undefined): string {
  if (!pointer) return 'a pointer';
  return `${pointer.keyword ?? pointer.tag} at ${offsetText(pointer.offset)}`;
}

function pointerIssue(code: string, pointer: DicomElement | undefined, message: string): Issue {
  return {
    code, severity: 'error', offset: pointer?.valueOffset ?? null,
    ...(pointer ? { end: pointer.end, tag: pointer.tag, ...(pointer.keyword ? { keyword: pointer.keyword } : {}) } : {}),
    message,
  };
}
