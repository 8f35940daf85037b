/**
 * A small decoder for the Japanese ISO 2022 examples of PS3.5 Annex H, built on the WHATWG
 * decoders in Node. It exists only to check the catalog's expected strings against something
 * other than the parser and its library: DCMTK on Debian converts with glibc iconv, which does
 * not support ISO 2022 IR 87, so dcmdump cannot check these.
 */
const ESC = 0x1b;

type Mode = 'ascii' | 'x0201' | 'x0208' | 'x0212';

function designation(bytes: Uint8Array, at: number): { mode: Mode; size: number } | null {
  const seq = String.fromCharCode(...bytes.subarray(at + 1, at + 4));
  if (seq.startsWith('(B') || seq.startsWith('(J')) return { mode: 'ascii', size: 3 };
  if (seq.startsWith(')I')) return { mode: 'x0201', size: 3 };
  if (seq.startsWith('$B')) return { mode: 'x0208', size: 3 };
  if (seq === '$(D') return { mode: 'x0212', size: 4 };
  return null;
}

/** Decodes bytes whose G0 switches between ASCII, JIS X 0208 and JIS X 0212 by escapes and
 * whose high bytes are JIS X 0201 katakana. */
export function decodeJapaneseIso2022(bytes: Uint8Array): string {
  const eucJp = new TextDecoder('euc-jp');
  const shiftJis = new TextDecoder('shift_jis');
  let mode: Mode = 'ascii';
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] === ESC) {
      const next = designation(bytes, i);
      if (!next) throw new Error(`unknown escape sequence at ${i}`);
      mode = next.mode;
      i += next.size;
      continue;
    }
    if (bytes[i] >= 0x80) {
      out += shiftJis.decode(bytes.subarray(i, i + 1));
      i += 1;
    } else if (mode === 'x0208') {
      out += eucJp.decode(Uint8Array.of(bytes[i] | 0x80, bytes[i + 1] | 0x80));
      i += 2;
    } else if (mode === 'x0212') {
      out += eucJp.decode(Uint8Array.of(0x8f, bytes[i] | 0x80, bytes[i + 1] | 0x80));
      i += 2;
    } else {
      out += String.fromCharCode(bytes[i]);
      i += 1;
    }
  }
  return out;
}
