/** A byte offset as people type it: Go to Offset in the editor and `dicom-inspector locate`. */

/**
 * Accepts `0x1A4`, `1A4h`, `#1A4` (hex) or `420` (decimal), with optional spaces and `_` or `,`
 * digit separators. Returns null for anything else, including negative or unsafe numbers.
 */
export function parseOffset(text: string): number | null {
  const cleaned = text.trim().replace(/[\s_,]/g, '');
  let digits: string;
  let radix: number;
  if (/^0x[0-9a-f]+$/i.test(cleaned)) {
    digits = cleaned.slice(2);
    radix = 16;
  } else if (/^#[0-9a-f]+$/i.test(cleaned)) {
    digits = cleaned.slice(1);
    radix = 16;
  } else if (/^[0-9a-f]+h$/i.test(cleaned)) {
    digits = cleaned.slice(0, -1);
    radix = 16;
  } else if (/^[0-9]+$/.test(cleaned)) {
    digits = cleaned;
    radix = 10;
  } else {
    return null;
  }
  const value = parseInt(digits, radix);
  return Number.isSafeInteger(value) ? value : null;
}
