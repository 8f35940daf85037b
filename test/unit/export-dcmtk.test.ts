/**
 * DICOM JSON (PS3.18 Annex F) and Native DICOM Model XML (PS3.19) written by the project must
 * agree with DCMTK's dcm2json and dcm2xml on every element, for writer fixtures in every
 * uncompressed transfer syntax and for every file of the public corpus.
 *
 * Known, documented differences that the comparison allows:
 * - FL values: we write the shortest decimal that reads back as the same 32-bit float, DCMTK
 *   nine significant digits: compared as 32-bit floats. FD values: DCMTK prints 17 digits that
 *   do not always read back as the same double (-2.25e-10 becomes -2.2500000000000005e-10):
 *   compared to 15 significant digits.
 * - dcm2xml 3.6.7 writes OW/OF/OL/OD/OV InlineBinary big endian; we write little endian as
 *   DICOM JSON does: the canonicaliser swaps DCMTK's words before comparing.
 * - Implicit VR files: DCMTK knows vendors' private dictionaries, we read unknown private
 *   elements as UN (bytes inline): those elements are skipped, and counted.
 * - Retired attributes: DCMTK writes no keyword for some (CurveDate); we write the standard's.
 * - dcm2json and dcm2xml refuse encapsulated Pixel Data (no inline form; we write a bulk data
 *   reference): the DCMTK side is run on a copy with Pixel Data erased by dcmodify.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dicomJsonPieces } from '../../src/core/export/dicomJson';
import { nativeXmlPieces } from '../../src/core/export/nativeXml';
import { joinPieces } from '../../src/core/export/textPieces';
import { memoryFileAccess } from '../../src/core/io';
import { openDicom, type OpenedDicom } from '../../src/core/parse/readDicom';
import type { ElementSpec, TransferSyntaxName } from '../fixtures/writer';
import { baseElements, written } from '../support/dicomPairs';
import { CORPUS, corpusFiles } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-export-'));
const CANONICAL_XML = path.resolve(__dirname, '../support/nativeXmlCanonical.py');
const PIXEL_DATA = '7FE00010';

type Json = Record<string, { vr: string; [key: string]: unknown }>;


/** Tags our side leaves out of the comparison, with the reason, for one file. */
function exemptions(opened: OpenedDicom): Map<string, string> {
  const skip = new Map<string, string>();
  const implicit = opened.file.transferSyntax?.explicitVr === false;
  for (const e of opened.file.dataSet) {
    if (implicit && e.vr === 'UN' && e.group % 2 === 1) {
      skip.set(e.tag, 'private, no dictionary VR');
      // The XML form names a private element gggg00ee with its creator beside it.
      if (e.privateCreator !== undefined) skip.set(`${e.tag.slice(0, 4)}00${e.tag.slice(6)}/${e.privateCreator}`, 'the same, in XML');
    }
  }
  return skip;
}

/** A float value as it is compared (see the allowances above); other values unchanged. */
function comparable(value: unknown, vr: string): unknown {
  if (vr === 'FL' && (typeof value === 'number' || typeof value === 'string')) return Math.fround(Number(value));
  if (vr === 'FD' && (typeof value === 'number' || typeof value === 'string')) return Number(value).toPrecision(15);
  return value;
}

function sameNumber(a: unknown, b: unknown, vr: string): boolean {
  return JSON.stringify(comparable(a, vr)) === JSON.stringify(comparable(b, vr));
}

function compareJson(ours: Json, theirs: Json, where: string, skip: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const tag of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    if (skip.has(tag)) continue;
    const a = ours[tag];
    const b = theirs[tag];
    if (!a || !b) { problems.push(`${where}${tag}: ${a ? 'only ours' : 'only dcm2json'}`); continue; }
    if (a.vr !== b.vr) problems.push(`${where}${tag}: vr ${a.vr} vs ${b.vr}`);
    if (a.vr === 'SQ' && Array.isArray(a.Value) && Array.isArray(b.Value)) {
      if (a.Value.length !== b.Value.length) problems.push(`${where}${tag}: ${a.Value.length} items vs ${b.Value.length}`);
      a.Value.forEach((item, i) => problems.push(...compareJson(item as Json, (b.Value as Json[])[i] ?? {}, `${where}${tag}[${i}].`, new Map())));
      continue;
    }
    const av = (a.Value ?? []) as unknown[];
    const bv = (b.Value ?? []) as unknown[];
    if (av.length !== bv.length || av.some((v, i) => !sameNumber(v, bv[i], a.vr)) || a.InlineBinary !== b.InlineBinary || (a.BulkDataURI === undefined) !== (b.BulkDataURI === undefined)) {
      problems.push(`${where}${tag}: ${JSON.stringify(a).slice(0, 120)} vs ${JSON.stringify(b).slice(0, 120)}`);
    }
  }
  return problems;
}

/**
 * The JSON, written a piece at a time, is laid out exactly as `JSON.stringify(model, null, 2)`
 * lays it out. Tags are prefixed while it is parsed and written again: JSON.parse would put
 * all-digit keys ("20500020") first, as a JavaScript object orders integer keys.
 */
function assertStringifyLayout(json: string, file: string): void {
  const tagKey = /^( +)"([0-9A-F]{8})": /gm;
  const keyed = json.replace(tagKey, '$1"tag $2": ');
  assert.ok(json.endsWith('}\n'));
  assert.equal(JSON.stringify(JSON.parse(keyed), null, 2) + '\n', keyed, `${file}: JSON laid out as JSON.stringify does`);
}

/** The file DCMTK reads: the file itself, or a copy without encapsulated Pixel Data, which it cannot write. */
function dcmtkInput(file: string, opened: OpenedDicom): string {
  if (!opened.file.dataSet.some((e) => e.tag === PIXEL_DATA && e.fragments)) return file;
  const copy = path.join(dir, `${path.basename(file)}.no-pixels.dcm`);
  copyFileSync(file, copy);
  execFileSync('dcmodify', ['-nb', '-e', '(7fe0,0010)', copy], { stdio: 'pipe' });
  return copy;
}

function withoutEncapsulatedPixels(json: Json, opened: OpenedDicom, input: string, file: string): Json {
  if (input === file) return json;
  assert.equal(typeof json[PIXEL_DATA]?.BulkDataURI, 'string', 'encapsulated Pixel Data goes by reference');
  const { [PIXEL_DATA]: _pixels, ...rest } = json;
  return rest;
}

async function checkFile(file: string): Promise<{ elements: number; skipped: number; refused?: string }> {
  const opened = await openDicom(memoryFileAccess(readFileSync(file)));
  const skip = exemptions(opened);
  const input = dcmtkInput(file, opened);

  const ourJson = await joinPieces(dicomJsonPieces(opened.file, opened.source));
  assertStringifyLayout(ourJson, file);
  const ours = withoutEncapsulatedPixels(JSON.parse(ourJson) as Json, opened, input, file);
  const run = spawnSync('dcm2json', [input], { maxBuffer: 1 << 28 });
  // DCMTK refuses some real files (e.g. the invalid character set term "ISO-IR 100"): nothing to compare with.
  if (run.status !== 0) return { elements: 0, skipped: 0, refused: run.stderr.toString('utf8').trim() };
  const theirs = JSON.parse(run.stdout.toString('utf8')) as Json;
  // A header read stops at Pixel Data; what a file has after it (trailing padding) is not read yet.
  if (opened.file.stoppedBeforePixelData) for (const tag of Object.keys(theirs)) if (tag > PIXEL_DATA) delete theirs[tag];
  assert.deepEqual(compareJson(ours, theirs, '', skip), [], `${file}: JSON differs from dcm2json`);

  const ourXml = path.join(dir, `${path.basename(file)}.ours.xml`);
  writeFileSync(ourXml, await joinPieces(nativeXmlPieces(opened.file, opened.source, opened.file.dataSet.filter((e) => input === file || e.tag !== PIXEL_DATA))));
  const theirXml = path.join(dir, `${path.basename(file)}.dcmtk.xml`);
  execFileSync('dcm2xml', ['-q', '-nat', '+Eb', '+U8', '+M', input, theirXml]);
  const canonical = (xml: string, ...flags: string[]) => JSON.parse(execFileSync('/usr/bin/python3', [CANONICAL_XML, xml, ...flags], { maxBuffer: 1 << 28 }).toString('utf8'));
  const a = canonical(ourXml);
  const b = canonical(theirXml, '--swap-words');
  for (const key of Object.keys(b)) {
    if (opened.file.stoppedBeforePixelData && key.slice(0, 8) > PIXEL_DATA) delete b[key];
    if (skip.has(key)) delete b[key];
  }
  for (const key of Object.keys(a)) if (skip.has(key)) delete a[key];
  // dcm2xml +U8 declares ISO_IR 192 even in a file that declared no character set.
  if (!opened.file.dataSet.some((e) => e.tag === '00080005')) delete b['00080005'];
  // DCMTK's dictionary has no keyword for some retired attributes (CurveDate); ours has the standard's.
  for (const e of opened.file.dataSet) if (e.retired && a[e.tag] && b[e.tag]?.keyword === undefined) delete a[e.tag].keyword;
  const floats = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (k, v) => (v && (v.vr === 'FL' || v.vr === 'FD') && v.Value ? { ...v, Value: v.Value.map((x: string) => comparable(x, v.vr)) } : v)));
  assert.deepEqual(floats(a), floats(b), `${file}: XML differs from dcm2xml`);
  return { elements: Object.keys(theirs).length, skipped: [...skip.values()].filter((why) => why !== 'the same, in XML').length };
}

const fixture: ElementSpec[] = [
  ...baseElements({ undefinedLengths: true }).filter((e) => e.tag !== 0x00080005),
  { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 100' },
  { tag: 0x00100030, vr: 'DA', value: '' },
  { tag: 0x00100040, vr: 'CS', value: 'F' },
  { tag: 0x00100021, vr: 'LO', value: 'X ' },
  { tag: 0x00104000, vr: 'LT', value: 'Müller & <Söhne>\\ "quoted"' },
  { tag: 0x00181030, vr: 'LO', value: 'A\\\\B' },
  { tag: 0x00200032, vr: 'DS', value: '-1.5\\2\\3.25 ' },
  { tag: 0x00200013, vr: 'IS', value: '7' },
  { tag: 0x00209165, vr: 'AT', value: [0x00100010, 0x7fe00010] },
  { tag: 0x00281050, vr: 'DS', value: '40\\400' },
  { tag: 0x00189219, vr: 'FD', value: [1.5, -2.25e-10] },
  { tag: 0x00189306, vr: 'FL', value: [0.1, 3.3] },
  { tag: 0x00181310, vr: 'US', value: [0, 256, 256, 0] },
  { tag: 0x00280106, vr: 'SS', value: [-32768] },
  { tag: 0x00400555, vr: 'SQ', items: [] },
  { tag: 0x00081070, vr: 'PN', value: 'Smith^John^^Dr^Jr\\Yamada^Tarou' },
  // Longer than a piece of base64 (24 KiB) and than a batch of values (4096); numbers past the model's 256.
  { tag: 0x00281201, vr: 'OW', value: Array.from({ length: 20000 }, (_, i) => (i * 200) % 65536) },
  { tag: 0x00420011, vr: 'OB', value: Uint8Array.from({ length: 70000 }, (_, i) => (i * 7) % 256) },
  { tag: 0x00080119, vr: 'UC', value: Array.from({ length: 10000 }, (_, i) => (i % 3 === 0 ? '' : `V${i}`)).join('\\') },
  { tag: 0x0040a30a, vr: 'DS', value: Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? '' : String(i / 4))).join('\\') },
  { tag: 0x00603020, vr: 'UL', value: Array.from({ length: 5000 }, (_, i) => i * 1000) },
  { tag: 0x00700022, vr: 'FL', value: Array.from({ length: 300 }, (_, i) => i / 10) },
].sort((x, y) => x.tag - y.tag);

for (const syntax of ['explicitLittle', 'implicitLittle', 'explicitBig', 'deflatedExplicitLittle'] as TransferSyntaxName[]) {
  test(`JSON and XML agree with dcm2json and dcm2xml on a writer fixture (${syntax})`, async (t) => {
    const file = path.join(dir, `fixture-${syntax}.dcm`);
    writeFileSync(file, written(fixture, syntax));
    const { elements, skipped } = await checkFile(file);
    t.diagnostic(`${elements} top-level elements equal, ${skipped} skipped`);
  });
}

test('JSON and XML agree with dcm2json and dcm2xml on every corpus file', async (t) => {
  const files = corpusFiles(CORPUS);
  assert.ok(files.length >= 20, `expected the shared corpus at ${CORPUS}`);
  let elements = 0;
  let skipped = 0;
  const refused: string[] = [];
  for (const file of files) {
    const counts = await checkFile(file);
    elements += counts.elements;
    skipped += counts.skipped;
    if (counts.refused) refused.push(`${path.relative(CORPUS, file)}: ${counts.refused}`);
  }
  assert.ok(refused.length < files.length / 2, `DCMTK refused most files:\n${refused.join('\n')}`);
  t.diagnostic(`${files.length - refused.length} of ${files.length} files compared, ${elements} top-level elements equal, ${skipped} private UN elements skipped`);
  for (const line of refused) t.diagnostic(`DCMTK refused ${line}`);
});
