/**
 * Offsets checked against two independent readers, on every file of the public corpus and on
 * the generated fixtures:
 *  - dicom-parser (cornerstone): the value offset and length of every element, nested items and
 *    pixel-data fragments, which it reports as absolute positions;
 *  - pydicom (Debian python3-pydicom): the value offset (`value_tell`) of every top-level element.
 * Neither shares code with our reader, so agreement to the byte is real evidence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as dicomParser from 'dicom-parser';
import type { DicomElement } from '../../src/core/model';
import { parseDicomBytes } from '../../src/core/parse/readDicom';
import { pydicomTopLevelTells } from '../support/pydicomTells';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

function corpusFiles(dir = CORPUS): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return corpusFiles(full);
    return /\.(md|txt)$|LICENSE/i.test(name) ? [] : [full];
  });
}

type Row = string;

/** "container/tag@valueOffset+length" rows for every element, item and fragment of our model. */
function ourRows(elements: readonly DicomElement[], where = ''): Row[] {
  const rows: Row[] = [];
  for (const e of elements) {
    rows.push(`${where}x${e.tag.toLowerCase()}@${e.valueOffset}${e.length === null ? '' : '+' + e.length}`);
    e.items?.forEach((item, i) => {
      rows.push(`${where}x${e.tag.toLowerCase()}[${i}]@${item.valueOffset}`);
      rows.push(...ourRows(item.elements, `${where}x${e.tag.toLowerCase()}[${i}]/`));
    });
    e.fragments?.forEach((f, i) => rows.push(`${where}x${e.tag.toLowerCase()}{${i}}@${f.valueOffset}+${f.length}`));
  }
  return rows;
}

type ParserElement = dicomParser.Element;

function parserRows(elements: Record<string, ParserElement>, where = ''): Row[] {
  const rows: Row[] = [];
  for (const e of Object.values(elements)) {
    if (e.tag === 'xfffee00d') continue; // dicom-parser keeps item delimiters as elements
    rows.push(`${where}${e.tag}@${e.dataOffset}${e.hadUndefinedLength ? '' : '+' + e.length}`);
    e.items?.forEach((item, i) => {
      rows.push(`${where}${e.tag}[${i}]@${item.dataOffset}`);
      if (item.dataSet) rows.push(...parserRows(item.dataSet.elements, `${where}${e.tag}[${i}]/`));
    });
    e.fragments?.forEach((f, i) => rows.push(`${where}${e.tag}{${i}}@${f.position}+${f.length}`));
  }
  return rows;
}

const sorted = (rows: Row[]) => [...rows].sort();

for (const file of corpusFiles()) {
  const name = path.relative(CORPUS, file);
  test(`dicom-parser agrees with every offset of ${name}`, () => {
    const bytes = readFileSync(file);
    const ours = parseDicomBytes(bytes);
    assert.deepEqual(ours.issues.filter((i) => i.severity === 'error'), []);
    const theirs = dicomParser.parseDicom(bytes);
    // dicom-parser merges meta and data set into one object, in file order. For a deflated file it
    // parses the inflated buffer from byte 0, reading preamble and prefix as elements: those rows
    // (before the data set, outside group 0002) are its quirk, not data.
    const misread = (row: string) => ours.deflated && !row.startsWith('x0002') && Number(row.split('@')[1].split('+')[0]) < ours.dataSetOffset;
    const rows = parserRows(theirs.elements).filter((row) => !misread(row));
    assert.deepEqual(sorted(ourRows([...ours.meta, ...ours.dataSet])), sorted(rows));
  });
}

test('pydicom agrees with the top-level offsets of every corpus file', () => {
  // Deflated files are left out: pydicom reports positions in its own inflated buffer.
  const parsed = corpusFiles().map((file) => ({ file, model: parseDicomBytes(readFileSync(file)) })).filter((p) => !p.model.deflated);
  const tells = pydicomTopLevelTells(parsed.map((p) => [p.file, p.model.transferSyntax!.uid] as const));
  for (const { file, model } of parsed) {
    const theirs = tells[file];
    const mine = [...model.meta, ...model.dataSet].map((e) => `${e.tag.toLowerCase()}@${e.valueOffset}`);
    assert.deepEqual(mine, theirs, path.relative(CORPUS, file));
  }
});
