/**
 * Turns a parsed file into what the editor page draws: summary, issues and header rows.
 * Pure (no `vscode`): unit-tested with node:test.
 */
import type { DicomElement, DicomFile, Issue } from '../../core/model';
import type { DocumentView, HeaderRow, OffsetFormat, SummaryField } from '../../shared/protocol';
import { childNodes, rootNodes, type TagNode, type TagTreeOptions } from '../tree/tagNodes';
import { readReport } from '../../core/report/readReport';
import { keywordText, oneLine, rawValueText, tagText, valueText } from '../../core/format/presentation';

/** Bounds the message to the webview; the tag tree still shows everything. */
export const MAX_HEADER_ROWS = 20_000;
const PIXEL_DATA_TAG = '7FE00010';

export interface DocumentViewOptions extends TagTreeOptions {
  readonly offsetFormat: OffsetFormat;
  readonly maxValueLength: number;
  /** The problems to list, as the Problems panel shows them; default the reader's issues. */
  readonly issues?: readonly Issue[];
}

function topLevel(file: DicomFile, keyword: string): DicomElement | undefined {
  return file.dataSet.find((element) => element.keyword === keyword);
}

function text(file: DicomFile, keyword: string): string {
  const element = topLevel(file, keyword);
  return element ? oneLine(rawValueText(element)).trim() : '';
}

function joined(...parts: string[]): string {
  return parts.filter((part) => part.length > 0).join(' · ');
}

export function hasPixelData(file: DicomFile): boolean {
  return file.dataSet.some((element) => element.tag === PIXEL_DATA_TAG);
}

export function summaryFields(file: DicomFile): SummaryField[] {
  const sopClass = topLevel(file, 'SOPClassUID');
  const rows = text(file, 'Rows');
  const columns = text(file, 'Columns');
  const pixels = hasPixelData(file);
  const fields: SummaryField[] = [
    { label: 'Patient', value: joined(text(file, 'PatientName'), text(file, 'PatientID')) },
    { label: 'Study', value: joined(text(file, 'StudyDescription'), text(file, 'StudyDate'), text(file, 'AccessionNumber')) },
    { label: 'Series', value: joined(text(file, 'SeriesNumber'), text(file, 'SeriesDescription')) },
    { label: 'Modality', value: text(file, 'Modality') },
    { label: 'SOP Class', value: sopClass ? sopClass.uidName ?? rawValueText(sopClass) : '' },
    {
      label: 'Transfer Syntax',
      value: file.transferSyntax ? `${file.transferSyntax.name} (${file.transferSyntax.uid})` : 'none (no File Meta Information)',
    },
    { label: 'Dimensions', value: rows && columns ? `${columns} × ${rows}` : '' },
    { label: 'Frames', value: pixels ? text(file, 'NumberOfFrames') || '1' : '' },
    { label: 'Bits', value: joined(text(file, 'BitsAllocated') && `${text(file, 'BitsAllocated')} allocated`, text(file, 'PhotometricInterpretation')) },
  ];
  return fields.filter((field) => field.value.length > 0);
}

/** Rows for items, delimiters and fragments: their item tag, and a name in the keyword column. */
function structuralRow(node: TagNode, depth: number): HeaderRow {
  const base = { id: node.id, depth, vr: '', offset: node.offset };
  switch (node.kind) {
    case 'item': {
      const count = node.item?.elements.length ?? 0;
      const length = node.item?.length ?? null;
      return { ...base, tag: '(FFFE,E000)', keyword: `Item ${node.index}`, length: length === null ? 'undefined' : String(length), value: `${count} element${count === 1 ? '' : 's'}` };
    }
    case 'itemDelimiter':
      return { ...base, tag: '(FFFE,E00D)', keyword: 'ItemDelimitationItem', length: '0', value: '' };
    case 'sequenceDelimiter':
      return { ...base, tag: '(FFFE,E0DD)', keyword: 'SequenceDelimitationItem', length: '0', value: '' };
    case 'offsetTable':
      return { ...base, tag: '(FFFE,E000)', keyword: 'BasicOffsetTable', length: String(node.fragment?.length ?? 0), value: '' };
    case 'fragment':
      return { ...base, tag: '(FFFE,E000)', keyword: `Fragment ${node.index}`, length: String(node.fragment?.length ?? 0), value: '' };
    default:
      return { ...base, tag: '', keyword: node.kind, length: String(node.end - node.offset), value: '' };
  }
}

function rowFor(node: TagNode, depth: number, options: DocumentViewOptions): HeaderRow {
  const element = node.element;
  if (!element) return structuralRow(node, depth);
  return {
    id: node.id,
    depth,
    tag: tagText(element),
    keyword: keywordText(element),
    vr: element.vr,
    length: element.length === null ? 'undefined' : String(element.length),
    offset: node.offset,
    value: valueText(element, options.maxValueLength),
  };
}

/** Every node below File Meta Information and Data Set, depth first, in file order. */
export function headerRows(file: DicomFile, options: DocumentViewOptions): { rows: HeaderRow[]; truncated: boolean } {
  const rows: HeaderRow[] = [];
  const stack: Array<{ node: TagNode; depth: number }> = [];
  const roots = rootNodes(file).filter((root) => root.kind === 'meta' || root.kind === 'dataSet');
  for (const root of roots.reverse()) stack.push({ node: root, depth: -1 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= 0) {
      if (rows.length >= MAX_HEADER_ROWS) return { rows, truncated: true };
      rows.push(rowFor(node, depth, options));
    }
    const children = childNodes(node, file, options);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  return { rows, truncated: false };
}

export function documentView(fileName: string, file: DicomFile, options: DocumentViewOptions): DocumentView {
  const { rows, truncated } = headerRows(file, options);
  const report = readReport(file);
  return {
    ...(report ? { report } : {}),
    fileName,
    fileSize: file.size,
    summary: summaryFields(file),
    readingStopped: file.issues.some((issue) => issue.severity === 'error'),
    issues: (options.issues ?? file.issues).map((issue) => ({ code: issue.code, severity: issue.severity, offset: issue.offset, message: issue.message })),
    hasPixelData: hasPixelData(file),
    rows,
    rowsTruncated: truncated,
    deflated: file.deflated,
    dataSetOffset: file.dataSetOffset,
    littleEndian: file.transferSyntax?.littleEndian ?? true,
    characterSet: file.characterSet,
    offsetFormat: options.offsetFormat,
    loadError: null,
  };
}

/** The view of a file that could not be read at all. */
export function errorView(fileName: string, error: string, offsetFormat: OffsetFormat): DocumentView {
  return {
    fileName,
    fileSize: 0,
    summary: [],
    issues: [],
    hasPixelData: false,
    rows: [],
    rowsTruncated: false,
    deflated: false,
    dataSetOffset: 0,
    littleEndian: true,
    characterSet: [],
    offsetFormat,
    loadError: error,
  };
}
