/**
 * RFC 4180 record writing.
 *
 * Written by hand rather than with csv-stringify because the core must stay free of Node
 * streams (it also runs in the browser and in workers), and because quoting one cell is a
 * few lines that sit in the hot loop of a 10,000-file export.
 */

/** The byte order mark that makes spreadsheet programs read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Line ending required by RFC 4180. */
export const CSV_EOL = '\r\n';

/** Delimiters the export accepts: RFC 4180 uses a comma; many locales read `;`; TAB makes TSV. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

export function isValidDelimiter(delimiter: string): boolean {
  return (CSV_DELIMITERS as readonly string[]).includes(delimiter);
}

/**
 * Quotes one field when it holds the delimiter, a double quote, CR or LF (RFC 4180 §2.6),
 * doubling embedded quotes (§2.7). Leading or trailing spaces are also quoted so that
 * readers which trim unquoted fields keep them.
 */
export function quoteField(text: string, delimiter: string): string {
  if (text === '') return text;
  const needsQuotes =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text.charCodeAt(0) === 0x20 ||
    text.charCodeAt(text.length - 1) === 0x20;
  if (!needsQuotes) return text;
  return '"' + text.replace(/"/g, '""') + '"';
}

/** One record, fields already neutralised, terminated by CRLF. */
export function formatRecord(fields: readonly string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += delimiter;
    line += quoteField(fields[i], delimiter);
  }
  return line + CSV_EOL;
}
