/**
 * Formula neutralisation (CSV injection, OWASP "CSV Injection").
 *
 * DICOM strings come from whoever wrote the file: a patient name such as
 * `=HYPERLINK("http://…")` would run as a formula when the CSV is opened in a spreadsheet.
 * A cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, which spreadsheets
 * treat as "text follows". Plain numbers such as `-1024` or `+1.5e3` are left alone so that
 * they stay numbers.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A decimal number with optional sign, fraction and exponent, and nothing else. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
  if (text === '' || !TRIGGERS.has(text[0])) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return "'" + text;
}
