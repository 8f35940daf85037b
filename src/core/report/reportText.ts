/**
 * The text form of a structured report: exactly what DCMTK's `dsrdump +Pc +Pl +Pu +Psu` prints
 * (every code with its scheme version, long values whole, references by SOP class and instance
 * UID), so a report reads the same in both tools and the tests compare them line by line. The
 * header (document title, patient, study, device, flags, observers, content date/time), then
 * `<relationship VALUE-TYPE:(concept)=value>` per content item, indented two spaces per level,
 * then an empty line. After that, and only there, `report` differs: it lists the problems found.
 */
import type { CodedConcept, ContentItem, ContentValue, StructuredReport } from './reportModel';
import { dateText } from '../format/presentation';

export function formatReport(report: StructuredReport): string {
  return [...reportLines(report)].join('\n') + '\n';
}

/** The lines of formatReport one at a time (no line breaks), so a report of a million items is written as it is made. */
export function* reportLines(report: StructuredReport): Generator<string, void, undefined> {
  yield report.documentType;
  yield '';
  yield* headerLines(report);
  yield '';
  yield* contentLines(report.root, 0);
  // dsrdump ends every document with an empty line.
  yield '';
  if (report.issues.length > 0) {
    yield 'Problems:';
    for (const issue of report.issues) yield `  ${issue.severity} ${issue.code}: ${issue.message}`;
  }
}

function* contentLines(item: ContentItem, depth: number): Generator<string, void, undefined> {
  yield '  '.repeat(depth) + contentLine(item);
  for (const child of item.children) yield* contentLines(child, depth + 1);
}

/** Header lines as dsrdump aligns them: "Label" padded to 20, ": ", value; a continuation has no label. */
function headerLines(report: StructuredReport): string[] {
  return headerFields(report).map(({ label, value }) => `${label.padEnd(20)}${label ? ':' : ' '} ${value}`);
}

export interface HeaderField {
  /** "" for a line that continues the field above (a Completion Flag Description, a further observer). */
  readonly label: string;
  readonly value: string;
}

/**
 * The document's header as dsrdump prints it (the text form and the report view): the same
 * fields in the same order, present when dsrdump prints them, values in dsrdump's form.
 */
export function headerFields(report: StructuredReport): HeaderField[] {
  const header = report.header;
  const { patient, study, device } = header;
  const fields: HeaderField[] = [];
  const add = (label: string, value: string | null): void => {
    if (value !== null) fields.push({ label, value });
  };
  const details = (parts: (string | null)[]): string => {
    const present = parts.filter((part): part is string => part !== null);
    return present.length > 0 ? ` (${present.join(', ')})` : '';
  };
  if (patient.name) {
    add('Patient', printText(patient.name) + details([
      patient.sex && printText(patient.sex), patient.birthDate && dateText(patient.birthDate), patient.id && `#${printText(patient.id)}`,
    ]));
  }
  add('Referring Physician', header.referringPhysician && printText(header.referringPhysician));
  if (study.description) add('Study', printText(study.description) + (study.id ? ` (#${printText(study.id)})` : ''));
  if (device.manufacturer) {
    add('Manufacturer', printText(device.manufacturer) + details([
      device.model && printText(device.model), device.serialNumber && `#${printText(device.serialNumber)}`,
    ]));
  }
  // Key Object Selection documents have no SR Document General module: no flags, no observers.
  const keyObjects = report.sopClassUid === KEY_OBJECT_SELECTION;
  if (!keyObjects) {
    add('Preliminary Flag', header.preliminaryFlag);
    add('Completion Flag', header.completionFlag ?? '');
    add('', header.completionFlagDescription && printText(header.completionFlagDescription));
    if (header.predecessorDocuments > 0) add('Predecessor Docs', String(header.predecessorDocuments));
  }
  if (header.identicalDocuments > 0) add('Identical Docs', String(header.identicalDocuments));
  if (!keyObjects) {
    add('Verification Flag', header.verificationFlag ?? '');
    header.verifyingObservers.forEach((observer, index) => {
      const code = observer.code ? ` ${codeText(observer.code)}` : '';
      const dateTime = observer.dateTime ? dateTimeText(observer.dateTime) : '';
      add(index === 0 ? 'Verifying Observers' : '', `${dateTime}, ${printText(observer.name ?? '')}${code}, ${printText(observer.organization ?? '')}`);
    });
  }
  if (header.contentDate && header.contentTime) add('Content Date/Time', `${dateText(header.contentDate)} ${isoTime(header.contentTime)}`);
  return fields;
}

const KEY_OBJECT_SELECTION = '1.2.840.10008.5.1.4.1.1.88.59';

/**
 * A value as dsrdump prints it: line breaks and carriage returns as the escapes `\n` and `\r`,
 * so that every content item stays on one line.
 */
export function printText(text: string): string {
  return text.replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One content item as dsrdump prints it. */
export function contentLine(item: ContentItem): string {
  const relationship = item.relationship ? `${item.relationship} ` : '';
  if (item.referencedPosition !== undefined) return `<${relationship}${item.referencedPosition}>`;
  const concept = item.concept ? codeText(item.concept) : '';
  return `<${relationship}${item.valueType ?? ''}:${concept}=${valueText(item.value)}>`;
}

/** A code as dsrdump prints it with all codes: (value,scheme[version],"meaning"). */
export function codeText(code: CodedConcept): string {
  const version = code.schemeVersion ? `[${printText(code.schemeVersion)}]` : '';
  return `(${printText(code.value)},${printText(code.scheme)}${version},"${printText(code.meaning)}")`;
}

const INVALID_CODE = 'invalid code';

export function valueText(value: ContentValue): string {
  switch (value.kind) {
    case 'container': return value.continuity ?? '';
    case 'text': return `"${printText(value.text ?? '')}"`;
    case 'code': return value.code ? codeText(value.code) : INVALID_CODE;
    case 'numeric':
      // An empty Measured Value Sequence (Type 2) reads "empty"; a number without its unit, "invalid code".
      if (value.numeric === null && value.unit === null) return 'empty';
      return `"${printText(value.numeric ?? '')}" ${value.unit ? codeText(value.unit) : INVALID_CODE}`;
    case 'reference': {
      const ref = value.reference;
      if (!ref) return '';
      const frames = ref.frames.length > 0 ? `,${ref.frames.join(',')}` : '';
      return `("${ref.sopClassUid}","${ref.sopInstanceUid}"${frames})`;
    }
    case 'spatial': {
      const points = pairs(value.points, value.frameOfReferenceUid !== null ? 3 : 2);
      return value.frameOfReferenceUid !== null
        ? `(${value.graphicType ?? ''},"${value.frameOfReferenceUid}",${points})`
        : `(${value.graphicType ?? ''},${points})`;
    }
    case 'temporal': return `(${value.rangeType ?? ''},${value.positions.join(',')})`;
    case 'none': return '';
  }
}

/**
 * The value as a reader wants it (the report view, the Structure view): meanings rather than
 * code triplets, units by their code, references by their SOP class name, TEXT with its own
 * line breaks; "empty" and "invalid code" where the text form says so.
 */
export function readableValue(value: ContentValue): string {
  switch (value.kind) {
    case 'code': return value.code?.meaning ?? INVALID_CODE;
    case 'numeric':
      if (value.numeric === null && value.unit === null) return 'empty';
      return `${value.numeric ?? ''}${value.unit ? ' ' + value.unit.value : ''}`;
    case 'text': return value.text ?? '';
    case 'reference': return value.reference ? `${value.reference.sopClassName ?? value.reference.sopClassUid}${value.reference.frames.length ? ` frame ${value.reference.frames.join(',')}` : ''}` : '';
    default: return valueText(value);
  }
}

/** Graphic data as points: "x/y,x/y" (or x/y/z for 3D), numbers in their shortest float32 form. */
function pairs(values: readonly number[], size: number): string {
  const points: string[] = [];
  for (let i = 0; i < values.length; i += size) points.push(values.slice(i, i + size).map(float32Text).join('/'));
  return points.join(',');
}

/** The shortest decimal that reads back as the same 32-bit float (FL values), as C's %g would print it. */
export function float32Text(value: number): string {
  for (let digits = 1; digits <= 9; digits++) {
    const text = Number(value.toPrecision(digits));
    if (Math.fround(text) === Math.fround(value)) return String(text);
  }
  return String(value);
}

/** A DT value as "YYYY-MM-DD HH:MM:SS" (fraction and UTC offset left out, as dsrdump does). */
function dateTimeText(dt: string): string {
  const match = /^(\d{8})(\d{2,6})?/.exec(dt);
  if (!match) return dt;
  return match[2] ? `${dateText(match[1])} ${isoTime(match[2])}` : dateText(match[1]);
}

function isoTime(tm: string): string {
  const match = /^(\d{2})(\d{2})?(\d{2})?/.exec(tm);
  return match ? [match[1], match[2] ?? '00', match[3] ?? '00'].join(':') : tm;
}
