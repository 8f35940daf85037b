import type { DicomElement, Issue } from '../model';
import { hex } from './errors';

const IMAGE_PIXEL_TAGS = new Set(['00280002', '00280004', '00280008', '00280010', '00280011', '00280100', '7FE00010']);

function numberOf(elements: ReadonlyMap<string, DicomElement>, tag: string): number | undefined {
  const value = elements.get(tag)?.value;
  const first = Array.isArray(value) ? value[0] : value;
  const number = typeof first === 'string' ? Number(first) : typeof first === 'number' ? first : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Native pixel data must hold Rows × Columns × Samples × Frames × Bits Allocated bits (PS3.5
 * 8.1.1; YBR_FULL_422 stores two samples per pixel). A shorter value cannot be shown, so it is
 * flagged with the element's offset as soon as the header is read.
 */
export function checkNativePixelDataLength(elements: readonly DicomElement[], issues: Issue[]): void {
  const dataSet = new Map<string, DicomElement>();
  for (const element of elements) if (IMAGE_PIXEL_TAGS.has(element.tag)) dataSet.set(element.tag, element);
  const pixel = dataSet.get('7FE00010');
  if (!pixel || pixel.length === null || pixel.fragments) return;
  const rows = numberOf(dataSet, '00280010');
  const columns = numberOf(dataSet, '00280011');
  const bitsAllocated = numberOf(dataSet, '00280100');
  if (rows === undefined || columns === undefined || bitsAllocated === undefined) return;
  const photometric = dataSet.get('00280004')?.value;
  const samples = photometric === 'YBR_FULL_422' ? 2 : numberOf(dataSet, '00280002') ?? 1;
  const frames = numberOf(dataSet, '00280008') ?? 1;
  const needed = Math.ceil((rows * columns * samples * frames * bitsAllocated) / 8);
  if (pixel.length < needed) {
    issues.push({
      code: 'pixel-data-too-short',
      severity: 'error',
      offset: pixel.offset,
      message: `Pixel Data at ${hex(pixel.offset)} has ${pixel.length} bytes, but ${rows} rows × ${columns} columns × ${samples} samples × ${frames} frames × ${bitsAllocated} bits need ${needed}`,
    });
  }
}
