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
  for (const element of elements) {
    // The group first: a number compare rules out nearly every element before the set is asked.
    if ((element.group === 0x0028 || element.group === 0x7fe0) && IMAGE_PIXEL_TAGS.has(element.tag)) dataSet.set(element.tag, element);
  }
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

const LARGEST_FRAME_COUNT = 2 ** 31 - 1;

/**
 * Image Pixel Module values no reader can use, flagged with the element's offset as soon as the
 * header is read (so `dump` and the problems list say it, not only `render`): Bits Allocated
 * other than 1, 8, 16 or 32, Samples per Pixel 0, Number of Frames that is not a whole number
 * of frames, and window widths the VOI formulas do not allow (PS3.3 C.11.2.1.2). Nested items
 * (functional groups) are not looked into here.
 */
export function checkImagePixelModule(elements: readonly DicomElement[], issues: Issue[]): void {
  const at = new Map<string, DicomElement>();
  for (const element of elements) if (element.group === 0x0028) at.set(element.tag, element);
  const flag = (element: DicomElement, code: string, severity: Issue['severity'], message: string) =>
    issues.push({ code, severity, offset: element.offset, end: element.end, tag: element.tag, keyword: element.keyword ?? undefined, message: `${element.name ?? element.tag} at ${hex(element.offset)}: ${message}` });

  const bitsAllocated = at.get('00280100');
  const bits = bitsAllocated && numberOf(at, '00280100');
  if (bitsAllocated && bits !== undefined && ![1, 8, 16, 32].includes(bits)) {
    flag(bitsAllocated, 'bits-allocated-unsupported', 'error', `${bits} bits per sample; frames can be read with 1, 8, 16 or 32 only`);
  }
  const samples = at.get('00280002');
  if (samples && numberOf(at, '00280002') === 0) flag(samples, 'samples-per-pixel-zero', 'error', 'Samples per Pixel is 0; a pixel needs at least one sample');

  const frames = at.get('00280008');
  if (frames) {
    const text = String(Array.isArray(frames.value) ? frames.value[0] : frames.value ?? '').trim();
    const count = Number(text);
    if (text !== '' && !(Number.isInteger(count) && count >= 1 && count <= LARGEST_FRAME_COUNT)) {
      flag(frames, 'number-of-frames-invalid', 'error', `"${text}" is not a whole number of frames from 1 to ${LARGEST_FRAME_COUNT}; frames are read as if there were one`);
    }
  }

  const widths = at.get('00281051');
  if (widths) {
    const values = (Array.isArray(widths.value) ? widths.value : String(widths.value ?? '').split('\\')).map((v) => Number(String(v).trim()));
    values.forEach((width, i) => {
      if (Number.isFinite(width) && width <= 0) {
        flag(widths, 'window-width-invalid', 'warning', `window ${i + 1} has width ${width}, which no VOI function allows; that window is ignored and the frame is shown by another (the next one, the VOI LUT, or min-max)`);
      }
    });
  }
}
