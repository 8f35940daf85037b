import { offsetText } from '../format/presentation';
import type { DiffEntry, DiffResult, DiffSide, PixelComparison } from './types';

/** The pixel line of a Pixel Data difference, in words. */
export function describePixels(pixels: PixelComparison): string {
  if (pixels.decoded) {
    const d = pixels.decoded;
    return d.differingSamples === 0
      ? `decoded pixels are equal (${d.samples} samples in ${d.frames} frame${d.frames === 1 ? '' : 's'})`
      : `${d.differingSamples} of ${d.samples} decoded samples differ, by at most ${d.maxDifference}`;
  }
  return `decoded pixels not compared: ${pixels.notCompared ?? 'unknown reason'}`;
}

function sideLine(label: string, side: DiffSide | null): string {
  if (!side) return `  ${label} -`;
  const length = side.length === null ? 'u/l' : String(side.length);
  return `  ${label} ${offsetText(side.offset)} ${side.vr || '--'} ${length}  ${side.value}`.trimEnd();
}

/** One difference as a block of lines (no final line break). */
export function entryText(entry: DiffEntry): string {
  const what = entry.what ? ` (${entry.what.join(', ')})` : '';
  const lines = [`${entry.change} ${entry.path} ${entry.keyword ?? '[unknown]'}${what}`, sideLine('A', entry.a), sideLine('B', entry.b)];
  if (entry.pixels) lines.push(`  pixels: ${describePixels(entry.pixels)}`);
  return lines.join('\n');
}

/** The lines naming the two files, before the differences. */
export function diffTextHead(nameA: string, nameB: string): string {
  return `# A: ${nameA}\n# B: ${nameB}`;
}

/** The last line of the report. */
export function diffTextSummary(result: Pick<DiffResult, 'differences' | 'compared'>): string {
  return result.differences === 0
    ? `# same: ${result.compared} elements compared`
    : `# ${result.differences} difference${result.differences === 1 ? '' : 's'} in ${result.compared} elements compared`;
}

/**
 * The text report of `dicom-inspector diff`: the head, one block per difference, then a
 * summary line, each followed by a line break (the CLI writes the same pieces as they come).
 */
export function formatDiffText(result: DiffResult, nameA: string, nameB: string): string {
  return [diffTextHead(nameA, nameB), ...result.entries.map(entryText), diffTextSummary(result)].join('\n') + '\n';
}
