/**
 * Builds the content tree of a structured report from the element model (PS3.3 C.17.3): the
 * root is the data set itself, every other content item is an item of a Content Sequence.
 */
import type { DicomElement, DicomFile, DicomItem, Issue } from '../model';
import { findElement, itemsOf, joinedTextOf, textOf, valuesOf } from '../query/elementValues';
import { uidName } from '../values/uidNames';
import { offsetText } from '../format/presentation';
import { readReportHeader } from './readReportHeader';
import type { CodedConcept, ContentItem, ContentValue, SopReference, StructuredReport } from './reportModel';

const CONTENT_SEQUENCE = '0040A730';
const VALUE_TYPE = '0040A040';
const SR_SOP_CLASS_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';

/** True for SR documents and Key Object Selection: an SR SOP class, or a root CONTAINER. */
export function isStructuredReport(file: DicomFile): boolean {
  const sopClass = textOf(file.dataSet, '00080016');
  if (sopClass?.startsWith(SR_SOP_CLASS_PREFIX)) return true;
  return textOf(file.dataSet, VALUE_TYPE) === 'CONTAINER' && findElement(file.dataSet, CONTENT_SEQUENCE) !== undefined;
}

export function readReport(file: DicomFile): StructuredReport | null {
  if (!isStructuredReport(file)) return null;
  const issues: Issue[] = [];
  const dataSet = file.dataSet;
  const last = dataSet.at(-1);
  const root = contentItem(dataSet, { position: '1', path: '', offset: file.dataSetOffset, end: last?.end ?? file.dataSetOffset, root: true }, issues);
  checkReferences(root, issues);
  const sopClassUid = textOf(dataSet, '00080016');
  return {
    sopClassUid,
    documentType: documentType(sopClassUid),
    header: readReportHeader(dataSet, codeOf),
    root,
    issues,
  };
}

/** "Comprehensive SR Storage" → "Comprehensive SR Document", as report headings name them. */
function documentType(sopClassUid: string | null): string {
  const name = sopClassUid ? uidName(sopClassUid) : undefined;
  if (!name) return 'SR Document';
  const bare = name.replace(/ Storage$/, '');
  return /Document$/.test(bare) ? bare : `${bare} Document`;
}

interface Place {
  readonly position: string;
  readonly path: string;
  readonly offset: number;
  readonly end: number;
  readonly root?: boolean;
}

function contentItem(elements: readonly DicomElement[], place: Place, issues: Issue[]): ContentItem {
  const relationship = place.root ? null : textOf(elements, '0040A010')?.toLowerCase() ?? null;
  const referenced = valuesOf(elements, '0040DB73');
  const valueType = textOf(elements, VALUE_TYPE);
  const sequence = findElement(elements, CONTENT_SEQUENCE);
  const children = (sequence?.items ?? []).map((item, index) =>
    contentItem(item.elements, childPlace(place, sequence!, item, index), issues));
  const observation = textOf(elements, '0040A032');
  const base = {
    position: place.position, relationship, path: place.path, offset: place.offset, end: place.end, children,
    ...(observation ? { observationDateTime: observation } : {}),
  };
  if (referenced.length > 0) {
    return { ...base, valueType: null, concept: null, value: { kind: 'none' }, referencedPosition: referenced.map(String).join('.') };
  }
  if (valueType === null) {
    issues.push(issueAt(place, 'sr-missing-value-type', `content item ${place.position} at ${offsetText(place.offset)} has no Value Type (0040,A040)`));
  }
  const concept = codeOf(itemsOf(elements, '0040A043')[0]);
  return { ...base, valueType, concept, value: valueOf(valueType, elements, place, issues) };
}

function childPlace(parent: Place, sequence: DicomElement, item: DicomItem, index: number): Place {
  const step = `${sequence.tag}[${index}]`;
  return {
    position: `${parent.position}.${index + 1}`,
    path: parent.path ? `${parent.path}.${step}` : step,
    offset: item.offset,
    end: item.end,
  };
}

function valueOf(valueType: string | null, elements: readonly DicomElement[], place: Place, issues: Issue[]): ContentValue {
  switch (valueType) {
    case 'CONTAINER': return { kind: 'container', continuity: textOf(elements, '0040A050') };
    case 'TEXT': return { kind: 'text', text: textOf(elements, '0040A160') };
    case 'DATETIME': return { kind: 'text', text: textOf(elements, '0040A120') };
    case 'DATE': return { kind: 'text', text: textOf(elements, '0040A121') };
    case 'TIME': return { kind: 'text', text: textOf(elements, '0040A122') };
    case 'PNAME': return { kind: 'text', text: textOf(elements, '0040A123') };
    case 'UIDREF': return { kind: 'text', text: textOf(elements, '0040A124') };
    case 'CODE': return { kind: 'code', code: codeOf(itemsOf(elements, '0040A168')[0]) };
    case 'NUM': return numericValue(elements);
    case 'IMAGE': case 'COMPOSITE': case 'WAVEFORM': return { kind: 'reference', reference: referenceOf(elements) };
    case 'SCOORD': case 'SCOORD3D':
      return {
        kind: 'spatial', graphicType: textOf(elements, '00700023'),
        points: valuesOf(elements, '00700022').map(Number), frameOfReferenceUid: textOf(elements, '30060024'),
      };
    case 'TCOORD': return temporalValue(elements);
    case null: return { kind: 'none' };
    default:
      issues.push(issueAt(place, 'sr-unknown-value-type', `content item ${place.position} at ${offsetText(place.offset)} has value type ${valueType}, which PS3.3 does not define`));
      return { kind: 'none' };
  }
}

function numericValue(elements: readonly DicomElement[]): ContentValue {
  const measured = itemsOf(elements, '0040A300')[0];
  return {
    kind: 'numeric',
    numeric: measured ? textOf(measured, '0040A30A') : null,
    unit: measured ? codeOf(itemsOf(measured, '004008EA')[0]) : null,
    qualifier: codeOf(itemsOf(elements, '0040A301')[0]),
  };
}

function temporalValue(elements: readonly DicomElement[]): ContentValue {
  const positions = [
    ...valuesOf(elements, '0040A132'), ...valuesOf(elements, '0040A138'), ...valuesOf(elements, '0040A13A'),
  ].map((value) => (typeof value === 'bigint' ? Number(value) : value));
  return { kind: 'temporal', rangeType: textOf(elements, '0040A130'), positions };
}

function referenceOf(elements: readonly DicomElement[]): SopReference | null {
  const item = itemsOf(elements, '00081199')[0];
  if (!item) return null;
  const sopClassUid = textOf(item, '00081150') ?? '';
  const name = uidName(sopClassUid);
  const frames = [...valuesOf(item, '00081160'), ...valuesOf(item, '0062000B'), ...valuesOf(item, '0040A0B0')].map(Number);
  return { sopClassUid, ...(name ? { sopClassName: name } : {}), sopInstanceUid: textOf(item, '00081155') ?? '', frames };
}

function codeOf(item: readonly DicomElement[] | undefined): CodedConcept | null {
  if (!item) return null;
  const value = textOf(item, '00080100') ?? textOf(item, '00080119') ?? textOf(item, '00080120') ?? '';
  const version = textOf(item, '00080103');
  return {
    value, scheme: textOf(item, '00080102') ?? '', meaning: joinedTextOf(item, '00080104') ?? '',
    ...(version ? { schemeVersion: version } : {}),
  };
}

/** By-reference relationships must point at a content item of the same document. */
function checkReferences(root: ContentItem, issues: Issue[]): void {
  const positions = new Set<string>();
  const walk = (item: ContentItem, visit: (item: ContentItem) => void): void => {
    visit(item);
    item.children.forEach((child) => walk(child, visit));
  };
  walk(root, (item) => positions.add(item.position));
  walk(root, (item) => {
    if (item.referencedPosition !== undefined && !positions.has(item.referencedPosition)) {
      issues.push(issueAt(item, 'sr-reference-not-found', `content item ${item.position} at ${offsetText(item.offset)} refers by reference to ${item.referencedPosition}, which the document does not have`));
    }
  });
}

function issueAt(place: { offset: number; end: number; path: string }, code: string, message: string): Issue {
  return { code, severity: 'warning', offset: place.offset, end: place.end, ...(place.path ? { path: place.path } : {}), message };
}

