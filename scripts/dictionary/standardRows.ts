// Rows of the standard data dictionary (PS3.6 Tables 6-1, 7-1, 8-1 and the item tags of
// Section 7.5 of PS3.5) from the Innolitics `attributes.json` in ../shared/standard.
import * as fs from 'node:fs';

interface AttributeRow {
  readonly tag: string;
  readonly name: string;
  readonly keyword: string;
  readonly valueRepresentation: string;
  readonly valueMultiplicity: string;
  readonly retired: string;
}

export interface StandardRowsResult {
  /** "GGGGEEEE\tVR\tVM\tR\tKeyword\tName", x for the digits of a repeating group; sorted by tag. */
  readonly rows: string[];
  /** Tags of the rows the standard keeps without a keyword (retired, meaning withdrawn). */
  readonly skipped: string[];
}

/** HTML character references such as "&#x27;" or "&amp;": a name must never carry one. */
export const HTML_ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/i;

const TAG = /^\(([0-9A-FX]{4}),([0-9A-FX]{4})\)$/i;

/**
 * The standard writes "See Note 2" for the VR of Item and the delimitation items, which have no
 * VR; the reader calls that NONE.
 */
function vrOf(text: string): string {
  const vr = text.trim();
  return vr === '' || vr.startsWith('See Note') ? 'NONE' : vr;
}

export function standardRows(attributesJson: string): StandardRowsResult {
  const attributes = JSON.parse(fs.readFileSync(attributesJson, 'utf8')) as AttributeRow[];
  const rows: string[] = [];
  const skipped: string[] = [];
  for (const attribute of attributes) {
    const match = TAG.exec(attribute.tag);
    if (!match) throw new Error(`unexpected tag ${attribute.tag} in ${attributesJson}`);
    const tag = (match[1] + match[2]).toUpperCase().replace(/X/g, 'x');
    if (attribute.keyword === '') {
      skipped.push(tag);
      continue;
    }
    const fields = [tag, vrOf(attribute.valueRepresentation), attribute.valueMultiplicity.trim(), attribute.retired === 'Y' ? 'R' : '', attribute.keyword.trim(), attribute.name.trim()];
    for (const field of fields) {
      if (/[\t\n]/.test(field)) throw new Error(`a field of ${attribute.tag} holds a tab or a line break`);
      if (HTML_ENTITY.test(field)) throw new Error(`${attribute.tag} holds an HTML entity: ${field}`);
    }
    if (attribute.retired !== 'Y' && attribute.retired !== 'N') throw new Error(`${attribute.tag}: retired is ${attribute.retired}`);
    rows.push(fields.join('\t'));
  }
  rows.sort();
  return { rows, skipped };
}
