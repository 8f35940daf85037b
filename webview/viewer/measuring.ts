/**
 * Measuring on the image: rectangles and ellipses (mean, SD, min, max, area in mm²) and
 * distance lines (mm from Pixel Spacing, or Imager Pixel Spacing with a note), labelled with
 * their figures on the frame shown and listed in the side panel.
 */
import { lineLength, regionStats, type PixelSpacing } from '../../src/core/display/measure';
import { isGreyscale } from '../../src/core/display/renderFrame';
import type { LoadedFrame } from './frameStore';
import type { CanvasTool, DrawnShape, ImageCanvas } from './imageCanvas';
import type { SidePanel } from './sidePanel';
import { formatValue } from './viewerMath';

type Measurement = Omit<DrawnShape, 'label'>;

export class Measuring {
  private measurements: Measurement[] = [];
  /** The shape the pointer is drawing, shown before it is done. */
  private drawing: Measurement | undefined;

  constructor(
    private readonly canvas: ImageCanvas,
    private readonly side: SidePanel,
    private readonly root: HTMLElement,
    private readonly stage: HTMLElement,
  ) {}

  get count(): number {
    return this.measurements.length;
  }

  setTool(tool: CanvasTool): void {
    this.canvas.tool = tool;
    this.side.setTool(tool);
    this.stage.dataset.tool = tool;
  }

  /** A shape from the canvas: still being drawn, or done (then kept). */
  shape(shape: Measurement, done: boolean, loaded: LoadedFrame | undefined): void {
    this.drawing = done ? undefined : shape;
    if (done) this.measurements.push(shape);
    this.update(loaded);
  }

  clear(loaded: LoadedFrame | undefined): void {
    this.measurements = [];
    this.drawing = undefined;
    this.update(loaded);
  }

  /** Labels each measurement with its figures on the current frame and draws them. */
  update(loaded: LoadedFrame | undefined): void {
    const shapes = this.drawing ? [...this.measurements, this.drawing] : this.measurements;
    if (!loaded || !isGreyscale(loaded.frame)) {
      this.canvas.setShapes([]);
      this.side.setResults(shapes.length ? ['Measurements need a greyscale frame.'] : []);
      return;
    }
    const spacing: PixelSpacing | null = loaded.settings.pixelSpacing ?? null;
    const unit = loaded.settings.modality.unit ? ` ${loaded.settings.modality.unit}` : '';
    const lines: string[] = [];
    const drawn = shapes.map((s, n) => {
      let label: string;
      if (s.kind === 'line') {
        const len = lineLength(s.x0, s.y0, s.x1, s.y1, spacing);
        label = `${len.value.toFixed(1)} ${len.unit}`;
        lines.push(`${n + 1}. Line ${label}${spacing?.source === 'imager' ? ' (Imager Pixel Spacing: at the detector)' : ''}`);
      } else {
        const r = regionStats(loaded.frame.samples, loaded.frame.width, loaded.frame.height, loaded.settings.modality, { ...s, kind: s.kind === 'ellipse' ? 'ellipse' : 'rectangle' }, spacing);
        const area = r?.areaMm2 != null ? `${r.areaMm2.toFixed(1)} mm²` : r ? `${r.pixels} px` : '';
        label = r ? `${formatValue(r.mean)}±${formatValue(r.sd)}${unit}` : 'no pixel';
        lines.push(r ? `${n + 1}. ${s.kind === 'rectangle' ? 'Rectangle' : 'Ellipse'}: mean ${formatValue(r.mean)} SD ${formatValue(r.sd)} min ${formatValue(r.min)} max ${formatValue(r.max)}${unit}, ${area}` : `${n + 1}. no pixel inside`);
      }
      return { ...s, label };
    });
    this.canvas.setShapes(drawn);
    this.side.setResults(lines);
    this.root.dataset.measurements = String(this.measurements.length);
  }
}
