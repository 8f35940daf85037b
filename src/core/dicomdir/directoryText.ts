/**
 * The text and JSON forms of a DICOMDIR's record tree: one line per record, indented by level,
 * with its offset, its key attributes and the file it references.
 */
import type { Issue } from '../model';
import { offsetText } from '../format/presentation';
import type { DirectoryRecord, DirectoryTree } from './readDirectory';

/** Whether each referenced file exists, by record offset (filled by the caller, which has the file system). */
export type MissingFiles = ReadonlySet<number>;

export function formatDirectory(tree: DirectoryTree, missing: MissingFiles, issues: readonly Issue[]): string {
  const lines = [`File-set ID ${tree.fileSetId ?? '(none)'}: ${tree.recordCount} directory records`, ''];
  const visit = (record: DirectoryRecord, depth: number): void => {
    const keys = Object.entries(record.keys).filter(([, value]) => value !== '').map(([key, value]) => `${key}=${value}`);
    const file = record.referencedFile === null ? '' : `  -> ${record.referencedFile}${missing.has(record.offset) ? ' (missing)' : ''}`;
    const inactive = record.inactive ? ' (inactive)' : '';
    lines.push(`${'  '.repeat(depth)}${record.type}${inactive} ${offsetText(record.offset)}  ${keys.join('  ')}${file}`.trimEnd());
    record.children.forEach((child) => visit(child, depth + 1));
  };
  tree.records.forEach((record) => visit(record, 0));
  if (issues.length > 0) {
    lines.push('', 'Problems:');
    for (const issue of issues) lines.push(`  ${issue.severity} ${issue.code}: ${issue.message}`);
  }
  return lines.join('\n') + '\n';
}

export interface DirectoryRecordJson {
  readonly type: string;
  readonly offset: number;
  readonly keys: Record<string, string>;
  readonly referencedFile: string | null;
  readonly missing?: true;
  readonly inactive?: true;
  readonly children: DirectoryRecordJson[];
}

export function directoryJson(records: readonly DirectoryRecord[], missing: MissingFiles): DirectoryRecordJson[] {
  return records.map((record) => ({
    type: record.type,
    offset: record.offset,
    keys: record.keys,
    referencedFile: record.referencedFile,
    ...(missing.has(record.offset) ? { missing: true as const } : {}),
    ...(record.inactive ? { inactive: true as const } : {}),
    children: directoryJson(record.children, missing),
  }));
}

/** Every record of the tree, depth first. */
export function allRecords(records: readonly DirectoryRecord[]): DirectoryRecord[] {
  return records.flatMap((record) => [record, ...allRecords(record.children)]);
}
