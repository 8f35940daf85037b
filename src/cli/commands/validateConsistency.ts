/**
 * `dicom-inspector validate --consistency FOLDER... [--json]`: the checks across files that
 * dicom3tools' dcentvfy makes (src/core/explorer/consistency.ts) over every DICOM file under the
 * folders given.
 *
 * Exit status: 0 consistent, 1 inconsistencies found, 2 a folder unreadable.
 */
import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkConsistency, type ConsistencyIssue } from '../../core/explorer/consistency';
import type { InstanceSummary } from '../../core/explorer/instanceSummary';
import { offsetText } from '../../core/format/presentation';
import { fileDigest, summarizeFolder } from '../../node/summarizeFiles';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, write, type CliOutput } from '../cliOutput';

export async function runConsistency(paths: readonly string[], json: boolean, out: CliOutput): Promise<number> {
  const summaries: InstanceSummary[] = [];
  for (const path of paths) {
    try {
      // A file given by name is checked with the others of its folder's listing left out.
      const folder = statSync(path).isDirectory() ? path : dirname(path);
      const found = await summarizeFolder(folder);
      const wanted = folder === path ? found : found.filter((summary) => summary.source === basename(path));
      summaries.push(...wanted.map((summary) => ({ ...summary, source: join(folder, summary.source) })));
    } catch (problem) {
      await write(out.stderr, `dicom-inspector: cannot read ${path}: ${(problem as Error).message}\n`);
      return EXIT_UNUSABLE;
    }
  }
  const issues = checkConsistency(summaries, (summary) => {
    try {
      return fileDigest(summary.source);
    } catch {
      return null; // Removed while the folder was read: nothing to compare.
    }
  });
  if (json) {
    await write(out.stdout, JSON.stringify({ files: summaries.length, issues: issues.map(jsonIssue) }, null, 2) + '\n');
  } else {
    await write(out.stdout, `${summaries.length} DICOM files: ${issues.length === 0 ? 'consistent' : `${issues.length} inconsistenc${issues.length === 1 ? 'y' : 'ies'}`}\n`);
    for (const issue of issues) {
      await write(out.stdout, `${issue.source}  ${(issue.offset === null ? '-' : offsetText(issue.offset)).padEnd(8)} ${issue.severity.padEnd(7)} ${issue.code.padEnd(26)} ${issue.message}\n`);
    }
  }
  return issues.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function jsonIssue(issue: ConsistencyIssue): object {
  return {
    file: issue.source, other: issue.other, code: issue.code, severity: issue.severity, offset: issue.offset,
    tag: issue.tag ?? null, keyword: issue.keyword ?? null, path: issue.path ?? null, message: issue.message,
  };
}
