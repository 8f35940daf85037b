/**
 * The text form of a structured report. Content lines use DCMTK dsrdump's grammar with every
 * code and full values (`dsrdump +Pc +Pl +Pu +Psu`), so a report reads the same in both tools
 * and the tests can compare them line by line: `<relationship VALUE-TYPE:(concept)=value>`,
 * indented two spaces per level.
 */
import type { CodedConcept, ContentItem, ContentValue, StructuredReport } from './reportModel';
import { dateText } from '../format/presentation';

export function formatReport(report: StructuredReport): string {
  const lines = [report.documentType, '', ...headerLines(report), ''];
  const visit = (item: ContentItem, depth: number): void => {
    lines.push('  '.repeat(depth) + contentLine(item));
    item.children.forEach((child) => visit(child, depth + 1));
  };
  visit(report.root, 0);
  if (report.issues.length > 0) {
    lines.push('', 'Problems:');
    for (const issue of report.issues) lines.push(`  ${issue.severity} ${issue.code}: ${issue.message}`);
  }
  return lines.join('\n') + '\n';
}

function headerLines(report: StructuredReport): string[] {
  return headerFields(report).map(({ label, value }) => `${label.padEnd(20)}: ${value}`);
}

/** The document's header as dsrdump prints it (the text form and the report view). */
export function headerFields(report: StructuredReport): { readonly label: string; readonly value: string }[] {
  const { patient } = report;
  const details = [patient.sex, patient.birthDate ? dateText(patient.birthDate) : null, patient.id ? `#${patient.id}` : null].filter(Boolean);
  const patientText = patient.name || details.length > 0 ? `${patient.name ?? ''}${details.length > 0 ? ` (${details.join(', ')})` : ''}` : null;
  const dateTime = [report.contentDate ? dateText(report.contentDate) : null, report.contentTime ? isoTime(report.contentTime) : null].filter(Boolean).join(' ');
  const fields: [string, string | null][] = [
    ['Patient', patientText],
    ['Manufacturer', report.manufacturer],
    ['Completion Flag', report.completionFlag],
    ['Verification Flag', report.verificationFlag],
    ['Content Date/Time', dateTime || null],
  ];
  return fields.filter((field): field is [string, string] => Boolean(field[1])).map(([label, value]) => ({ label, value }));
}

/** One content item as dsrdump prints it. */
export function contentLine(item: ContentItem): string {
  const relationship = item.relationship ? `${item.relationship} ` : '';
  if (item.referencedPosition !== undefined) return `<${relationship}${item.referencedPosition}>`;
  const concept = item.concept ? codeText(item.concept) : '';
  return `<${relationship}${item.valueType ?? ''}:${concept}=${valueText(item.value)}>`;
}

export function codeText(code: CodedConcept): string {
  return `(${code.value},${code.scheme},"${code.meaning}")`;
}

export function valueText(value: ContentValue): string {
  switch (value.kind) {
    case 'container': return value.continuity ?? '';
    case 'text': return `"${value.text ?? ''}"`;
    case 'code': return value.code ? codeText(value.code) : '';
    case 'numeric': return `"${value.numeric ?? ''}"${value.unit ? ' ' + codeText(value.unit) : ''}`;
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
 * code triplets, units by their code, references by their SOP class name.
 */
export function readableValue(value: ContentValue): string {
  switch (value.kind) {
    case 'code': return value.code?.meaning ?? '';
    case 'numeric': return `${value.numeric ?? ''}${value.unit ? ' ' + value.unit.value : ''}`;
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

function isoTime(tm: string): string {
  const match = /^(\d{2})(\d{2})?(\d{2})?/.exec(tm);
  return match ? [match[1], match[2] ?? '00', match[3] ?? '00'].join(':') : tm;
}
