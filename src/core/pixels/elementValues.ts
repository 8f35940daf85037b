import type { DicomElement, DicomItem } from '../model';

/**
 * Small readers over the element model used by the pixel and display code. Values arrive as
 * numbers (binary VRs) or text (DS, IS), single or multi-valued; these helpers accept both so
 * the callers do not care which VR a writer chose.
 */

export type ElementList = readonly DicomElement[];

export function findElement(list: ElementList, tag: string): DicomElement | undefined {
  for (const el of list) if (el.tag === tag) return el;
  return undefined;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? NaN : Number(t);
  }
  return NaN;
}

/** All numeric values of an element (text values split on the backslash delimiter). */
export function numbersOf(el: DicomElement | undefined): number[] {
  if (!el || el.value === null || el.value === undefined) return [];
  const v = el.value;
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? x.split('\\') : [x])).map(toNumber);
  if (typeof v === 'string') return v.split('\\').map(toNumber);
  return [toNumber(v)];
}

/** The first numeric value of the element with this tag, or undefined when absent or not a number. */
export function numberAt(list: ElementList, tag: string): number | undefined {
  const n = numbersOf(findElement(list, tag))[0];
  return n === undefined || Number.isNaN(n) ? undefined : n;
}

export function stringsOf(el: DicomElement | undefined): string[] {
  if (!el || el.value === null || el.value === undefined) return [];
  const v = el.value;
  const parts = Array.isArray(v) ? v.map(String) : String(v).split('\\');
  return parts.map((s) => s.trim());
}

export function stringAt(list: ElementList, tag: string): string | undefined {
  const s = stringsOf(findElement(list, tag))[0];
  return s === undefined || s === '' ? undefined : s;
}

export function itemsOf(list: ElementList, tag: string): readonly DicomItem[] {
  return findElement(list, tag)?.items ?? [];
}

/** Well-known tags used by the pixel and display modules. */
export const Tags = {
  Modality: '00080060',
  SamplesPerPixel: '00280002',
  PhotometricInterpretation: '00280004',
  PlanarConfiguration: '00280006',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  BitsAllocated: '00280100',
  BitsStored: '00280101',
  HighBit: '00280102',
  PixelRepresentation: '00280103',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
  RescaleType: '00281054',
  WindowCenterWidthExplanation: '00281055',
  VoiLutFunction: '00281056',
  PixelPaddingValue: '00280120',
  PixelPaddingRangeLimit: '00280121',
  RedPaletteDescriptor: '00281101',
  GreenPaletteDescriptor: '00281102',
  BluePaletteDescriptor: '00281103',
  RedPaletteData: '00281201',
  GreenPaletteData: '00281202',
  BluePaletteData: '00281203',
  SegmentedRedPaletteData: '00281221',
  SegmentedGreenPaletteData: '00281222',
  SegmentedBluePaletteData: '00281223',
  LutDescriptor: '00283002',
  ModalityLutType: '00283004',
  LutData: '00283006',
  LutExplanation: '00283003',
  ModalityLutSequence: '00283000',
  VoiLutSequence: '00283010',
  FrameVoiLutSequence: '00289132',
  PixelValueTransformationSequence: '00289145',
  SharedFunctionalGroupsSequence: '52009229',
  PerFrameFunctionalGroupsSequence: '52009230',
  ExtendedOffsetTable: '7FE00001',
  ExtendedOffsetTableLengths: '7FE00002',
  PixelData: '7FE00010',
  DoseUnits: '30040002',
  DoseGridScaling: '3004000E',
} as const;
