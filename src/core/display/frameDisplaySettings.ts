import type { FileAccess } from '../io';
import type { DicomFile } from '../model';
import { findElement, itemsOf, numberAt, numbersOf, stringAt, stringsOf, Tags, type ElementList } from '../pixels/elementValues';
import { readLookupTable, type LookupTable } from '../pixels/lutData';
import type { PixelSpacing } from './measure';
import { doseScaling, pixelSpacingOf } from './physicalUnits';
import type { StoredRange } from '../pixels/storedFrame';
import { IDENTITY_MODALITY, modalityUnit, type ModalityTransform } from './modality';
import { checkWindow, parseVoiFunction, type VoiFunction } from './voi';

/** A window stored in the file, with its explanation (for the presets list). */
export interface FileWindow {
  readonly center: number;
  readonly width: number;
  readonly explanation: string;
}

/** What the header says about displaying one frame. */
export interface FrameDisplaySettings {
  readonly modality: ModalityTransform;
  readonly windows: readonly FileWindow[];
  readonly voiFunction: VoiFunction;
  readonly voiLuts: readonly LookupTable[];
  /** Modality (0008,0060), e.g. "CT", for presets and units. */
  readonly modalityName: string;
  /** Pixel spacing in mm for positions and measurements; null or absent when unknown. */
  readonly pixelSpacing?: PixelSpacing | null;
  /** Stored values that are padding (left out of min-max and the histogram), when the file says. */
  readonly padding?: StoredRange;
}

/**
 * Reads the modality and VOI attributes for frame `index`. Enhanced multi-frame files carry
 * them in the Per-frame Functional Groups (item `index`) or the Shared Functional Groups; the
 * per-frame value wins, then shared, then the top-level data set (PS3.3 C.7.6.16).
 */
export async function frameDisplaySettings(file: DicomFile, index: number, access: FileAccess): Promise<FrameDisplaySettings> {
  const ds = file.dataSet;
  const perFrame = itemsOf(ds, Tags.PerFrameFunctionalGroupsSequence)[index]?.elements ?? [];
  const shared = itemsOf(ds, Tags.SharedFunctionalGroupsSequence)[0]?.elements ?? [];
  const macro = (tag: string): ElementList | undefined => itemsOf(perFrame, tag)[0]?.elements ?? itemsOf(shared, tag)[0]?.elements;
  const pixelValue = macro(Tags.PixelValueTransformationSequence) ?? ds;
  const voiSource = macro(Tags.FrameVoiLutSequence) ?? ds;
  const littleEndian = file.transferSyntax?.littleEndian ?? true;
  const signed = numberAt(ds, Tags.PixelRepresentation) === 1;
  const modalityName = stringAt(ds, Tags.Modality) ?? '';

  let modality: ModalityTransform = IDENTITY_MODALITY;
  const slope = numberAt(pixelValue, Tags.RescaleSlope);
  const intercept = numberAt(pixelValue, Tags.RescaleIntercept);
  const rescaleType = stringAt(pixelValue, Tags.RescaleType);
  const modalityLutItem = itemsOf(ds, Tags.ModalityLutSequence)[0];
  const dose = doseScaling(ds);
  if (slope !== undefined || intercept !== undefined) {
    const s = slope ?? 1;
    modality = { kind: 'rescale', slope: s === 0 ? 1 : s, intercept: intercept ?? 0, unit: modalityUnit(rescaleType, modalityName, true) };
  } else if (modalityLutItem) {
    const lut = await readLookupTable(modalityLutItem.elements, access, littleEndian, signed);
    const type = stringAt(modalityLutItem.elements, Tags.ModalityLutType);
    modality = { kind: 'lut', lut, unit: modalityUnit(type, modalityName, false) };
  } else if (dose) {
    // RT Dose has no rescale: Dose Grid Scaling turns stored values into dose.
    modality = { kind: 'rescale', slope: dose.slope, intercept: 0, unit: dose.unit };
  }

  const centers = numbersOf(findElement(voiSource, Tags.WindowCenter));
  const widths = numbersOf(findElement(voiSource, Tags.WindowWidth));
  const explanations = stringsOf(findElement(voiSource, Tags.WindowCenterWidthExplanation));
  const voiFunction = parseVoiFunction(stringAt(voiSource, Tags.VoiLutFunction));
  const windows: FileWindow[] = [];
  for (let i = 0; i < Math.min(centers.length, widths.length); i++) {
    // A window no VOI function allows (width 0, NaN...) is skipped like a missing one, so the
    // next window, the VOI LUT or min-max shows the frame; the reader reports it (window-width-invalid).
    if (!usableWindow(centers[i], widths[i], voiFunction)) continue;
    windows.push({ center: centers[i], width: widths[i], explanation: explanations[i] ?? '' });
  }
  const voiLuts: LookupTable[] = [];
  for (const item of itemsOf(ds, Tags.VoiLutSequence)) {
    // The VOI LUT's first mapped value is signed when modality values can be negative.
    const signedInput = signed || (modality.kind === 'rescale' && modality.intercept < 0);
    voiLuts.push(await readLookupTable(item.elements, access, littleEndian, signedInput));
  }
  return { modality, windows, voiFunction, voiLuts, modalityName, pixelSpacing: pixelSpacingOf(ds, perFrame, shared), padding: paddingRange(ds, signed) };
}

function usableWindow(center: number, width: number, fn: VoiFunction): boolean {
  try {
    checkWindow(center, width, fn);
    return true;
  } catch {
    return false;
  }
}

/**
 * Pixel Padding Value alone pads one stored value; with Pixel Padding Range Limit it pads the
 * range between the two, in either order (PS3.3 C.7.5.1.1.2). US/SS values of 16 bits follow
 * Pixel Representation.
 */
function paddingRange(ds: ElementList, signed: boolean): StoredRange | undefined {
  const asStored = (v: number | undefined) => (v !== undefined && signed && v >= 0x8000 && v <= 0xffff ? v - 0x10000 : v);
  const value = asStored(numberAt(ds, Tags.PixelPaddingValue));
  if (value === undefined) return undefined;
  const limit = asStored(numberAt(ds, Tags.PixelPaddingRangeLimit)) ?? value;
  return { min: Math.min(value, limit), max: Math.max(value, limit) };
}
