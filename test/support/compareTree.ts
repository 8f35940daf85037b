/**
 * Compares an element tree (the writer's layout or the parser's model: both have this shape)
 * with dcmdump's view of the same file: tags, VRs, lengths, order, nesting, items, delimiters
 * and fragments. Returns a list of differences, each naming its path, so a failing test says
 * exactly where the trees part.
 */
import type { DumpElement } from './dcmdump';

export interface TreeItem {
  readonly length: number | null;
  readonly elements: readonly TreeElement[];
  readonly delimiterOffset: number | null;
}

export interface TreeElement {
  readonly tag: string;
  readonly vr: string;
  readonly length: number | null;
  readonly items?: readonly TreeItem[];
  readonly sequenceDelimiterOffset?: number | null;
  readonly basicOffsetTable?: { readonly item: { readonly length: number } };
  readonly fragments?: readonly { readonly length: number }[];
}

export interface CompareOptions {
  /** Compare VRs: all, only of public (even group) elements, or none. In implicit VR files
   * both sides take VRs from a dictionary, and DCMTK's includes vendors' private tags. */
  readonly vr: boolean | 'public';
  /** Elements to leave out of both sides, e.g. a tag dcmdump cannot read. */
  readonly skip?: (tag: string) => boolean;
}

function show(value: unknown): string {
  return value === null ? 'u/l' : String(value);
}

export function compareTrees(actual: readonly TreeElement[], expected: readonly DumpElement[], options: CompareOptions, path = ''): string[] {
  const diffs: string[] = [];
  const mine = actual.filter((e) => !options.skip?.(e.tag));
  const theirs = expected.filter((e) => !options.skip?.(e.tag));
  const count = Math.max(mine.length, theirs.length);
  for (let i = 0; i < count; i++) {
    const a = mine[i];
    const d = theirs[i];
    const at = `${path}[${i}]`;
    if (!a || !d) {
      diffs.push(`${at}: ${a ? `extra element ${a.tag}` : `missing element ${d!.tag} (${d!.keyword})`}`);
      break;
    }
    const here = `${path}${a.tag}`;
    if (a.tag !== d.tag) {
      diffs.push(`${at}: tag ${a.tag}, dcmdump has ${d.tag} (${d.keyword})`);
      break;
    }
    const isPublic = parseInt(a.tag.slice(0, 4), 16) % 2 === 0;
    if ((options.vr === true || (options.vr === 'public' && isPublic)) && a.vr !== d.vr) diffs.push(`${here}: VR ${a.vr}, dcmdump has ${d.vr}`);
    if (a.length !== d.length) diffs.push(`${here}: length ${show(a.length)}, dcmdump has ${show(d.length)}`);
    diffs.push(...compareContents(a, d, options, here));
  }
  return diffs;
}

function compareContents(a: TreeElement, d: DumpElement, options: CompareOptions, here: string): string[] {
  const diffs: string[] = [];
  if (d.fragments) {
    // dcmdump lists the Basic Offset Table as the first pixel item.
    const mine = [...(a.basicOffsetTable ? [a.basicOffsetTable.item.length] : []), ...(a.fragments ?? []).map((f) => f.length)];
    const theirs = d.fragments.map((f) => f.length);
    if (mine.join(',') !== theirs.join(',')) diffs.push(`${here}: fragment lengths [${mine}], dcmdump has [${theirs}]`);
    if (a.length !== null && d.length === null) diffs.push(`${here}: encapsulated pixel data with a defined length`);
    return diffs;
  }
  if (a.fragments && a.fragments.length > 0) diffs.push(`${here}: has fragments, dcmdump has none`);
  const mineItems = a.items ?? [];
  const theirItems = d.items ?? [];
  if ((a.items !== undefined) !== (d.items !== undefined || d.vr === 'SQ')) {
    diffs.push(`${here}: ${a.items ? 'is' : 'is not'} a sequence, dcmdump says ${d.vr}`);
    return diffs;
  }
  if (mineItems.length !== theirItems.length) {
    diffs.push(`${here}: ${mineItems.length} items, dcmdump has ${theirItems.length}`);
    return diffs;
  }
  if (a.items && d.sequenceDelimiter !== undefined) {
    const mine = (a.sequenceDelimiterOffset ?? null) !== null;
    if (mine !== d.sequenceDelimiter) diffs.push(`${here}: sequence delimiter ${mine ? 'present' : 'absent'}, dcmdump says ${d.sequenceDelimiter ? 'present' : 'absent'}`);
  }
  mineItems.forEach((item, index) => {
    const theirs = theirItems[index];
    const at = `${here}/${index}`;
    if (item.length !== theirs.length) diffs.push(`${at}: item length ${show(item.length)}, dcmdump has ${show(theirs.length)}`);
    if ((item.delimiterOffset !== null) !== theirs.delimiter) diffs.push(`${at}: item delimiter ${item.delimiterOffset !== null ? 'present' : 'absent'}, dcmdump says ${theirs.delimiter ? 'present' : 'absent'}`);
    diffs.push(...compareTrees(item.elements, theirs.elements, options, `${at}/`));
  });
  return diffs;
}
