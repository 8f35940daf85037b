/**
 * The pixel readout over the image: position (and mm where Pixel Spacing is known), then the
 * stored value and the modality value with its unit, or the RGB samples of a colour frame.
 */
import { modalityValue } from '../../src/core/display/modality';
import { isGreyscale } from '../../src/core/display/renderFrame';
import type { LoadedFrame } from './frameStore';
import { formatValue } from './viewerMath';

export function readoutText(loaded: LoadedFrame, p: { x: number; y: number }): string {
  const { frame, settings } = loaded;
  const i = p.y * frame.width + p.x;
  const spacing = settings.pixelSpacing ?? null;
  const mm = spacing ? `  ${(p.x * spacing.column).toFixed(1)}, ${(p.y * spacing.row).toFixed(1)} mm${spacing.source === 'imager' ? ' (detector)' : ''}` : '';
  const position = `x ${p.x}  y ${p.y}${mm}`;
  if (!isGreyscale(frame)) {
    const s = frame.samples;
    return `${position}  RGB ${s[i * 3]} ${s[i * 3 + 1]} ${s[i * 3 + 2]}`;
  }
  const stored = frame.samples[i];
  const value = modalityValue(settings.modality, stored);
  const unit = settings.modality.unit ? ` ${settings.modality.unit}` : '';
  return `${position}  stored ${stored}  value ${formatValue(value)}${unit}`;
}
