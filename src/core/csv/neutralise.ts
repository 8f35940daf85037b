/**
 * Making a cell safe to open in a spreadsheet (CSV injection, OWASP "CSV Injection").
 *
 * DICOM strings come from whoever wrote the file: a patient name such as
 * `=HYPERLINK("http://…")` would run as a formula when the CSV is opened in a spreadsheet.
 * Spreadsheets skip leading blanks of many kinds (a line break, TAB, NBSP, zero-width or
 * ideographic space) before deciding that a cell is a formula, and some take the fullwidth
 * ＝ ＋ － ＠ as the ASCII ones; so a cell whose first character after any such blanks is a
 * trigger gets a leading `'`, which spreadsheets treat as "text follows". Plain numbers such
 * as `-1024` or `+1.5e3` are left alone so that they stay numbers.
 *
 * Control characters other than TAB, CR and LF (NUL padding, escape codes of a broken
 * character set) are never written raw: a spreadsheet or terminal would drop or act on them.
 * Each becomes a visible `<U+XXXX>`, so the cell still says what bytes the file held.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Every kind of blank a spreadsheet may skip: JavaScript's `\s` (which covers the line
 * breaks, TAB, NBSP, the Unicode spaces, ideographic space and BOM) plus the invisible
 * format characters `\s` leaves out (zero-width space and joiners, word joiner, Mongolian
 * vowel separator, soft hyphen).
 */
const LEADING_BLANKS = /^[\s\u200B-\u200D\u2060\u180E\u00AD]+/;

/** A decimal number with optional sign, fraction and exponent, and nothing else. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** C0 controls except TAB, LF and CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function visible(control: string): string {
  return `<U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Control characters other than TAB, CR and LF as visible `<U+XXXX>`. */
export function escapeControls(text: string): string {
  // Every cell passes here (tens of millions for a long export of a big file): a scan finds
  // the rare cell with a control character faster than a replace over every cell.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d : code >= 0x7f && code <= 0x9f) return text.replace(CONTROL, visible);
  }
  return text;
}

/** A leading `'` when a spreadsheet would run the cell as a formula. */
export function neutraliseFormula(text: string): string {
  if (text === '') return text;
  const first = text.charCodeAt(0);
  // Printable ASCII that is neither a blank nor a trigger: nothing to skip, nothing to run.
  if (first > 0x20 && first < 0x7f && first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40) return text;
  // OWASP lists a leading TAB or CR as a trigger by itself.
  if (text[0] === '\t' || text[0] === '\r') return "'" + text;
  const start = LEADING_BLANKS.exec(text)?.[0].length ?? 0;
  if (start >= text.length || !TRIGGERS.has(text[start])) return text;
  if (start === 0 && PLAIN_NUMBER.test(text)) return text;
  return "'" + text;
}

/** What every CSV cell this project writes goes through: controls made visible, formulas disarmed. */
export function safeCell(text: string): string {
  return neutraliseFormula(escapeControls(text));
}
