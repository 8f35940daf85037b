/**
 * The dry-run preview: counts, the first levels of the resulting tree, skipped files and how
 * name collisions will be resolved. Plain text (also valid Markdown inside a code block), shared by
 * the CLI and the extension.
 */
import { suffixedTarget, type SortPlan } from './plan';

export interface TreeNode {
  readonly name: string;
  /** Files at or below this node. */
  files: number;
  readonly children: Map<string, TreeNode>;
}

/** Folder tree of the plan's targets down to `depth` levels (files below are only counted). */
export function buildTree(plan: SortPlan, depth: number): TreeNode {
  const root: TreeNode = { name: '', files: 0, children: new Map() };
  for (const file of plan.files) {
    const parts = file.target.split('/');
    root.files++;
    let node = root;
    for (let i = 0; i < Math.min(depth, parts.length); i++) {
      const name = i === parts.length - 1 ? suffixedTarget(parts[i], file.rank + 1) : parts[i] + (i < parts.length - 1 ? '/' : '');
      let child = node.children.get(name);
      if (!child) {
        child = { name, files: 0, children: new Map() };
        node.children.set(name, child);
      }
      child.files++;
      node = child;
    }
  }
  return root;
}

export interface TreeTextOptions {
  readonly depth?: number;
  /** Children shown per folder before "… and N more". */
  readonly maxChildren?: number;
}

export function formatTree(plan: SortPlan, options: TreeTextOptions = {}): string[] {
  const maxChildren = options.maxChildren ?? 8;
  const lines: string[] = [];
  const walk = (node: TreeNode, indent: string): void => {
    const children = [...node.children.values()];
    for (const child of children.slice(0, maxChildren)) {
      const count = child.name.endsWith('/') ? `  (${child.files} file${child.files === 1 ? '' : 's'})` : '';
      lines.push(`${indent}${child.name}${count}`);
      walk(child, indent + '  ');
    }
    if (children.length > maxChildren) lines.push(`${indent}… and ${children.length - maxChildren} more`);
  };
  walk(buildTree(plan, options.depth ?? 3), '');
  return lines;
}

function listSome(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The preview as lines of text. `limit` caps each list (skipped files, collisions). */
export function formatPreview(plan: SortPlan, options: TreeTextOptions & { readonly limit?: number } = {}): string[] {
  const limit = options.limit ?? 20;
  const c = plan.counts;
  const lines = [
    `Pattern: ${plan.pattern}`,
    `${plural(c.patients, 'patient')}, ${plural(c.studies, 'study').replace('studys', 'studies')}, ${plural(c.series, 'series').replace('seriess', 'series')}, ${plural(c.files, 'DICOM file')}; ${plural(c.skipped, 'file')} skipped as non-DICOM.`,
    '',
    'Tree (first levels):',
    ...formatTree(plan, options).map((l) => '  ' + l),
  ];
  if (plan.collisions.length > 0) {
    lines.push('', `${plural(plan.collisions.length, 'name')} shared by several files: identical files are kept once, different files get ~2, ~3… before the extension:`);
    for (const collision of plan.collisions.slice(0, limit)) {
      lines.push(`  ${collision.target} <- ${listSome(collision.sources, 4)}`);
    }
    if (plan.collisions.length > limit) lines.push(`  … and ${plan.collisions.length - limit} more`);
  }
  if (plan.duplicateSopInstanceUids.length > 0) {
    lines.push('', `${plural(plan.duplicateSopInstanceUids.length, 'SOP Instance UID')} found in more than one file (all are kept):`);
    for (const d of plan.duplicateSopInstanceUids.slice(0, limit)) lines.push(`  ${d.uid}: ${listSome(d.sources, 4)}`);
    if (plan.duplicateSopInstanceUids.length > limit) lines.push(`  … and ${plan.duplicateSopInstanceUids.length - limit} more`);
  }
  if (plan.skipped.length > 0) {
    lines.push('', 'Skipped (not DICOM):');
    for (const s of plan.skipped.slice(0, limit)) lines.push(`  ${s.source}: ${s.reason}`);
    if (plan.skipped.length > limit) lines.push(`  … and ${plan.skipped.length - limit} more`);
  }
  return lines;
}
