/**
 * Rule family "IOD" (PS3.3): from the SOP Class UID, the IOD and its modules; for each module
 * that applies, the attributes its type requires, inside sequences too, and enumerated values.
 *
 * Which modules apply: Mandatory ones always; Conditional and User-optional ones when the data
 * set holds one of their own top-level attributes (one no mandatory module of the IOD has).
 * The standard's conditions are prose, so Type 1C and 2C attributes are checked only when
 * present (a present 1C must not be empty), never reported as missing.
 *
 * Codes: `type1-missing`, `type1-empty`, `type2-missing`, `enumerated-value-invalid`,
 * `sop-class-missing`, `iod-unknown` (info: a SOP Class the tables do not know).
 */
import type { DicomElement, DicomFile, DicomItem, Issue } from '../../model';
import { elementIssue, missingIssue, type Report } from '../report';
import { elementPath, itemPath } from '../walk';
import { checkFunctionalGroups } from './functionalGroups';
import { IOD_TABLES, type AttributeRow } from './tables';

const SOP_CLASS_UID = '00080016';

export interface IodMatch {
  readonly id: string;
  readonly name: string;
  /** Modules that apply to this data set, with their usage. */
  readonly modules: readonly { readonly id: string; readonly name: string; readonly usage: string }[];
}

/** Zero length, padding only, or a sequence with no item. Pixel data left unread by a
 * header-only read has its length, so it is not empty. */
function isEmpty(element: DicomElement): boolean {
  if (element.vr === 'SQ' || element.items) return (element.items?.length ?? 0) === 0;
  return element.length === 0 || element.value === '';
}

/** Per IOD, the strictest type each top-level attribute has in a mandatory module (cached:
 * validation runs on every header the extension opens). */
const mandatoryTypesCache = new Map<string, ReadonlyMap<string, string>>();

function mandatoryTypesOf(iodId: string): ReadonlyMap<string, string> {
  let types = mandatoryTypesCache.get(iodId);
  if (!types) {
    const built = new Map<string, string>();
    for (const [id, usage] of IOD_TABLES.iods[iodId].modules) {
      if (usage !== 'M') continue;
      for (const [tag, type] of IOD_TABLES.modules[id].attributes) if (built.get(tag) !== '1') built.set(tag, type);
    }
    mandatoryTypesCache.set(iodId, built);
    types = built;
  }
  return types;
}

/** The first value of an element as text ("ORIGINAL" of ORIGINAL\\PRIMARY, "1" of the number 1). */
function firstValue(element: DicomElement | undefined): string | undefined {
  const value = element?.value;
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined ? undefined : String(first);
}

/**
 * The modules of `iod` that apply to a data set whose top-level elements are `byTag`:
 * mandatory ones; conditional ones whose condition the tables carry and the data set meets
 * (e.g. Supplemental Palette Color LUT when Pixel Presentation is COLOR); and conditional or
 * user-optional ones the data set shows evidence of: one of their attributes that no mandatory
 * module has, or one that is Type 1 here but not Type 1 in a mandatory module (the palette data
 * of the Supplemental Palette Color LUT module, which is Type 1C in Image Pixel).
 */
export function applicableModules(iodId: string, byTag: ReadonlyMap<string, DicomElement>): IodMatch | null {
  const iod = IOD_TABLES.iods[iodId];
  if (!iod) return null;
  const mandatoryTypes = mandatoryTypesOf(iodId);
  const isEvidence = ([tag, type]: AttributeRow) =>
    byTag.has(tag) && (!mandatoryTypes.has(tag) || (type === '1' && mandatoryTypes.get(tag) !== '1'));
  const conditionMet = (condition: readonly [string, readonly string[]] | undefined) => {
    if (!condition) return false;
    const value = firstValue(byTag.get(condition[0]));
    return value !== undefined && condition[1].includes(value);
  };
  const modules = iod.modules
    .filter(([id, usage, condition]) => usage === 'M' || conditionMet(condition) || IOD_TABLES.modules[id].attributes.some(isEvidence))
    .map(([id, usage]) => ({ id, name: IOD_TABLES.modules[id].name, usage }));
  return { id: iodId, name: iod.name, modules };
}

/** Findings keyed by path, so an attribute several modules require is reported once, at its strictest. */
class Findings {
  private readonly byPath = new Map<string, Issue>();
  private static readonly RANK: Record<string, number> = { 'type1-missing': 3, 'type1-empty': 2, 'type2-missing': 1, 'enumerated-value-invalid': 0 };

  add(issue: Issue): void {
    const key = `${issue.path}|${issue.code === 'enumerated-value-invalid' ? 'enum' : 'type'}`;
    const known = this.byPath.get(key);
    if (!known || (Findings.RANK[issue.code] ?? 0) > (Findings.RANK[known.code] ?? 0)) this.byPath.set(key, issue);
  }

  flush(report: Report): void {
    for (const issue of this.byPath.values()) report(issue);
  }
}

interface Level {
  /** The level's elements by tag, built once per level and shared by every module. */
  readonly byTag: ReadonlyMap<string, DicomElement>;
  readonly index: TagIndex;
  readonly path: string;
  readonly item: DicomItem | null;
  readonly dataSetOffset: number;
  readonly module: string;
}

type TagIndex = (elements: readonly DicomElement[]) => ReadonlyMap<string, DicomElement>;

/** Elements by tag, built once per level for one validation (every module reads the same levels). */
function tagIndex(): TagIndex {
  const built = new Map<readonly DicomElement[], ReadonlyMap<string, DicomElement>>();
  return (elements) => {
    let map = built.get(elements);
    if (!map) {
      map = new Map(elements.map((element) => [element.tag, element]));
      built.set(elements, map);
    }
    return map;
  };
}

function checkRows(rows: readonly AttributeRow[], level: Level, findings: Findings): void {
  // Paths and wording are built only for a finding: most rows have none, and this runs per header.
  const path = (tag: string) => elementPath(level.path, tag);
  const of = () => `of the ${level.module} module`;
  for (const [tag, type, enumerated, children] of rows) {
    const element = level.byTag.get(tag);
    if (!element) {
      if (type === '1') findings.add(missingIssue('type1-missing', 'error', tag, path(tag), level, `(Type 1 ${of()}) is missing`));
      if (type === '2') findings.add(missingIssue('type2-missing', 'error', tag, path(tag), level, `(Type 2 ${of()}) is missing`));
      continue;
    }
    if ((type === '1' || type === '1C') && isEmpty(element)) {
      findings.add(elementIssue('type1-empty', 'error', element, path(tag), `Type ${type} attribute ${of()} is empty`));
    }
    if (enumerated && typeof element.value !== 'object' && element.value !== '' && !enumerated.includes(String(element.value))) {
      findings.add(elementIssue('enumerated-value-invalid', 'warning', element, path(tag),
        `value ${JSON.stringify(String(element.value))} is not one of the enumerated values ${enumerated.join(', ')} ${of()}`));
    }
    if (children && element.items) {
      element.items.forEach((item, index) => checkRows(children, {
        byTag: level.index(item.elements), index: level.index, path: itemPath(path(tag), index), item,
        dataSetOffset: level.dataSetOffset, module: level.module,
      }, findings));
    }
  }
}

/** Checks `file` against its IOD; returns the IOD it was checked against, or null. */
export function checkIod(file: DicomFile, report: Report): IodMatch | null {
  if (file.notDicom) return null;
  const sopClass = file.dataSet.find((element) => element.tag === SOP_CLASS_UID);
  if (!sopClass || typeof sopClass.value !== 'string' || sopClass.value === '') {
    report(sopClass
      ? elementIssue('sop-class-missing', 'error', sopClass, SOP_CLASS_UID, 'SOP Class UID is empty: the IOD cannot be checked')
      : missingIssue('sop-class-missing', 'error', SOP_CLASS_UID, SOP_CLASS_UID, { item: null, dataSetOffset: file.dataSetOffset }, 'is missing: the IOD cannot be checked'));
    return null;
  }
  const iodId = IOD_TABLES.sopClasses[sopClass.value];
  const index = tagIndex();
  const match = iodId ? applicableModules(iodId, index(file.dataSet)) : null;
  if (!match) {
    report(elementIssue('iod-unknown', 'info', sopClass, SOP_CLASS_UID, `SOP Class ${sopClass.value} has no composite IOD in the tables; attributes not checked against an IOD`));
    return null;
  }
  const findings = new Findings();
  const byTag = index(file.dataSet);
  for (const module of match.modules) {
    checkRows(IOD_TABLES.modules[module.id].attributes, {
      byTag, index, path: '', item: null, dataSetOffset: file.dataSetOffset, module: module.name,
    }, findings);
  }
  checkFunctionalGroups(file, IOD_TABLES.iods[iodId], (issue) => findings.add(issue));
  findings.flush(report);
  return match;
}

