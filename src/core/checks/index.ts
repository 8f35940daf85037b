/**
 * Validation: the reader's issues plus every rule family's, one list sorted by offset. Rules
 * live here, one file per family; each issue has a stable code (see `Issue` in model.ts).
 */
import type { DicomFile, Issue } from '../model';
import { checkDictionary } from './dictionaryRules';
import { checkFileMeta } from './fileMetaRules';
import { checkIod, type IodMatch } from './iod/iodRules';
import { checkStructure } from './structureRules';
import { checkValues } from './valueRules';
import { IssueCap } from '../parse/issueCap';

export interface ValidationReport {
  readonly sopClassUid: string | null;
  /** The IOD the data set was checked against, with the modules that applied; null when none. */
  readonly iod: IodMatch | null;
  /** Reader issues first at equal offsets, then rule issues; issues with no offset last. */
  readonly issues: readonly Issue[];
}

const RULE_FAMILIES = [checkFileMeta, checkStructure, checkDictionary, checkValues] as const;

export function validateFile(file: DicomFile): ValidationReport {
  const found: Issue[] = [];
  // As the reader does, a rule's flood of one code is listed up to a cap and then counted.
  const cap = new IssueCap();
  const report = (issue: Issue) => {
    if (cap.admit(issue.code, issue.severity, issue.offset)) found.push(issue);
  };
  let iod: IodMatch | null = null;
  if (!file.notDicom) {
    for (const family of RULE_FAMILIES) family(file, report);
    // A read stopped on request leaves later attributes unread: they are not missing.
    if (file.stoppedAfterTag === undefined) iod = checkIod(file, report);
  }
  found.push(...cap.closingIssues());
  const sopClass = file.dataSet.find((element) => element.tag === '00080016')?.value;
  const issues = [...file.issues, ...found]
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.offset ?? Infinity) - (b.issue.offset ?? Infinity) || a.order - b.order)
    .map(({ issue }) => issue);
  return { sopClassUid: typeof sopClass === 'string' ? sopClass : null, iod, issues };
}
