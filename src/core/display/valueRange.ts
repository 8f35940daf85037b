/**
 * Value range display: only pixels whose modality value lies in [min, max] are shown, the rest
 * are masked (drawn black), as the fastai "Understanding DICOMs" article isolates bone, soft
 * tissue or lungs by Hounsfield range.
 */

export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

export interface ValueRangePreset extends ValueRange {
  readonly id: string;
  readonly label: string;
}

/** The ranges the article uses, then fastai's `dicom_windows` (width, level) as [level - width/2, level + width/2]. */
export const VALUE_RANGE_PRESETS: readonly ValueRangePreset[] = [
  { id: 'bone', label: 'Bone 300 to 894 HU', min: 300, max: 894 },
  { id: 'soft-tissue', label: 'Soft tissue -250 to 250 HU', min: -250, max: 250 },
  { id: 'lungs', label: 'Lungs -1000 to -600 HU', min: -1000, max: -600 },
  ...([
    ['brain', 'Brain', 80, 40],
    ['subdural', 'Subdural', 254, 100],
    ['stroke', 'Stroke', 8, 32],
    ['lungs-window', 'Lungs window', 1500, -600],
    ['mediastinum', 'Mediastinum', 350, 50],
    ['bone-window', 'Bone window (spine)', 1800, 400],
    ['liver', 'Liver', 150, 30],
  ] as const).map(([id, name, width, level]) => ({ id, label: `${name} ${level - width / 2} to ${level + width / 2} HU`, min: level - width / 2, max: level + width / 2 })),
];

/** Parses "MIN MAX" typed by the user (either order); null when it is not two numbers. */
export function parseValueRange(min: string, max: string): ValueRange | null {
  const a = Number(min);
  const b = Number(max);
  if (min.trim() === '' || max.trim() === '' || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

export function inRange(range: ValueRange, value: number): boolean {
  return value >= range.min && value <= range.max;
}
