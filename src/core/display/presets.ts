import type { FileWindow } from './frameDisplaySettings';

export interface WindowPreset {
  readonly id: string;
  readonly label: string;
  /** For a VOI LUT preset (source 'lut') these are NaN: the LUT, not a window, maps the values. */
  readonly center: number;
  readonly width: number;
  readonly source: 'file' | 'lut' | 'minmax' | 'ct';
  /** Index into the file's VOI LUT Sequence, for source 'lut'. */
  readonly voiLutIndex?: number;
}

/** Common CT windows in Hounsfield units (center, width), as radiology viewers offer them. */
export const CT_PRESETS: readonly WindowPreset[] = [
  { id: 'ct-brain', label: 'Brain', center: 40, width: 80, source: 'ct' },
  { id: 'ct-subdural', label: 'Subdural', center: 75, width: 215, source: 'ct' },
  { id: 'ct-stroke', label: 'Stroke', center: 40, width: 40, source: 'ct' },
  { id: 'ct-lung', label: 'Lung', center: -600, width: 1500, source: 'ct' },
  { id: 'ct-mediastinum', label: 'Mediastinum', center: 50, width: 350, source: 'ct' },
  { id: 'ct-abdomen', label: 'Abdomen', center: 40, width: 400, source: 'ct' },
  { id: 'ct-liver', label: 'Liver', center: 60, width: 150, source: 'ct' },
  { id: 'ct-bone', label: 'Bone', center: 400, width: 1800, source: 'ct' },
];

/** The presets to offer for a frame: the file's own windows, min-max, and CT windows for CT. */
export function windowPresets(fileWindows: readonly FileWindow[], minMax: { center: number; width: number }, modalityName: string, voiLutNames: readonly (string | undefined)[] = []): WindowPreset[] {
  const presets: WindowPreset[] = fileWindows.map((w, i) => ({
    id: `file-${i}`,
    label: w.explanation ? `${w.explanation} (file)` : `File window ${i + 1}`,
    center: w.center,
    width: w.width,
    source: 'file',
  }));
  voiLutNames.forEach((name, i) => {
    presets.push({ id: `lut-${i}`, label: `${name || `VOI LUT ${i + 1}`} (file LUT)`, center: NaN, width: NaN, source: 'lut', voiLutIndex: i });
  });
  presets.push({ id: 'minmax', label: 'Min-max of frame', center: minMax.center, width: minMax.width, source: 'minmax' });
  if (modalityName === 'CT') presets.push(...CT_PRESETS);
  return presets;
}
