/**
 * The viewer's window/level state: the user's window, the file's VOI LUT the user picked, or
 * "min-max" (of the series, once per image, or of each frame on request), and the preset list
 * that shows which of them is in use. The file's own windows and VOI LUTs stay first.
 */
import { windowPresets, type WindowPreset } from '../../src/core/display/presets';
import { chooseVoi, isGreyscale, modalityMinMax } from '../../src/core/display/renderFrame';
import { minMaxWindow, type Voi } from '../../src/core/display/voi';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import type { LoadedFrame } from './frameStore';
import type { SeriesStats } from './seriesStats';
import type { WindowLevel } from './viewerMath';

/** The frame without the rows a frame cut short lacks (the whole frame otherwise). */
export function presentRows(loaded: LoadedFrame): StoredFrame {
  const { frame, partial } = loaded;
  if (!partial) return frame;
  const rows = Math.max(1, partial.completeRows);
  return { ...frame, height: rows, samples: frame.samples.subarray(0, rows * frame.width * frame.samplesPerPixel) };
}

export interface WindowChoices {
  readonly window: WindowLevel | undefined;
  readonly voiLutIndex: number | undefined;
  readonly invert: boolean;
  readonly voi: Voi;
}

export class Windowing {
  /** The user's window; null follows the file (its window, VOI LUT, or the series min-max). */
  window: WindowLevel | null = null;
  /** The file's VOI LUT the user chose from the presets (a window choice clears it). */
  voiLut: number | null = null;
  /** "Min-max of this frame": the window follows each frame's own extremes. */
  frameMinMax = false;
  /** Series figures, once per image (null until the series pass is done). */
  series: SeriesStats | null = null;
  /** The window last drawn (a drag starts from it). */
  shown: WindowLevel | undefined;
  private presetList: WindowPreset[] = [];
  /** Per-frame figures computed once per frame, not per window change. */
  private stats: { index: number; min: number; max: number } | undefined;

  /** A new image (or the file changed on disk): figures of the old one no longer apply. */
  newImage(): void {
    this.stats = undefined;
    this.series = null;
  }

  /** Follows the file again. */
  reset(): void {
    this.window = null;
    this.voiLut = null;
    this.frameMinMax = false;
  }

  /** Takes the user's window; false when it is not a finite pair (nothing changes then). */
  setWindow(w: WindowLevel): boolean {
    if (!Number.isFinite(w.center) || !Number.isFinite(w.width)) return false;
    this.window = { center: w.center, width: Math.max(w.width, 1e-6) };
    this.voiLut = null;
    this.frameMinMax = false;
    return true;
  }

  /** Applies a preset by id; a plain window preset is handed back for `setWindow`, else null. */
  applyPreset(id: string): { applied: boolean; window: WindowLevel | null } {
    const p = this.presetList.find((x) => x.id === id);
    if (!p) return { applied: false, window: null };
    if (p.voiLutIndex !== undefined) {
      this.window = null;
      this.frameMinMax = false;
      this.voiLut = p.voiLutIndex;
      return { applied: true, window: null };
    }
    if (id === 'minmax-frame') {
      this.window = null;
      this.voiLut = null;
      this.frameMinMax = true;
      return { applied: true, window: null };
    }
    return { applied: true, window: { center: p.center, width: p.width } };
  }

  /** Per-frame extremes, one pass over the samples, once per frame. */
  frameStats(loaded: LoadedFrame | undefined): { min: number; max: number } | undefined {
    if (!loaded || !isGreyscale(loaded.frame)) return undefined;
    // Rows missing from a frame cut short read as zeros: they must not stretch the min-max window.
    if (this.stats?.index !== loaded.index) this.stats = { index: loaded.index, ...modalityMinMax(presentRows(loaded), loaded.settings.modality, loaded.settings.padding) };
    return this.stats;
  }

  /** Smallest and largest modality value the default window spans: the series', else this frame's. */
  minMax(loaded: LoadedFrame | undefined): { min: number; max: number } | undefined {
    if (!loaded || !isGreyscale(loaded.frame)) return undefined;
    // The series figures need no pass over this frame (cine shows a new frame 30 times a second).
    return this.series && !this.frameMinMax ? this.series : this.frameStats(loaded);
  }

  /** The VOI for a frame: the user's window or LUT, the file's, else min-max (series or frame). */
  voiFor(loaded: LoadedFrame): Voi {
    const { frame, settings } = loaded;
    const window = this.window ?? undefined;
    const voiLutIndex = this.voiLut ?? undefined;
    if (this.frameMinMax) {
      const m = modalityMinMax(presentRows(loaded), settings.modality, settings.padding);
      return minMaxWindow(m.min, m.max);
    }
    if (window || settings.windows.length || settings.voiLuts.length) return chooseVoi(frame, settings, { window, voiLutIndex });
    const m = this.series ?? modalityMinMax(presentRows(loaded), settings.modality, settings.padding);
    return minMaxWindow(m.min, m.max);
  }

  choices(loaded: LoadedFrame, invert: boolean): WindowChoices {
    const voi = this.voiFor(loaded);
    return { window: voi.kind === 'window' ? { center: voi.center, width: voi.width } : undefined, voiLutIndex: voi.kind === 'lut' ? this.voiLut ?? undefined : undefined, invert, voi };
  }

  /** The window the user chose, or the per-frame min-max shown, for a saved PNG to keep. */
  savedWindow(): WindowLevel | null {
    return this.window ? { ...this.window } : this.frameMinMax && this.shown ? { ...this.shown } : null;
  }

  /** The presets for this frame (with their C/W) and the one in use, if any. */
  presets(loaded: LoadedFrame, voi: Voi, shown: WindowLevel, multiFrame: boolean): { presets: WindowPreset[]; selected: string | null } {
    const { settings } = loaded;
    const series = this.series;
    const seriesRange = series ?? this.frameStats(loaded)!;
    const mmw = minMaxWindow(seriesRange.min, seriesRange.max);
    const presets = windowPresets(settings.windows, { center: mmw.center, width: mmw.width }, settings.modalityName, settings.voiLuts.map((l) => l.explanation))
      .map((p) => (p.id === 'minmax' ? { ...p, label: series && series.frames > 1 ? (series.sampled < series.frames ? `Min-max of series (${series.sampled} frames sampled)` : 'Min-max of series') : 'Min-max' } : p));
    if (multiFrame) {
      const f = this.frameStats(loaded)!;
      const w = minMaxWindow(f.min, f.max);
      presets.splice(presets.findIndex((p) => p.id === 'minmax') + 1, 0, { id: 'minmax-frame', label: 'Min-max of this frame', center: w.center, width: w.width, source: 'minmax' });
    }
    const selected = this.frameMinMax
      ? 'minmax-frame'
      : (voi.kind === 'lut' ? presets.find((p) => p.source === 'lut' && settings.voiLuts[p.voiLutIndex!] === voi.lut) : presets.find((p) => p.id !== 'minmax-frame' && p.center === shown.center && p.width === shown.width))?.id ?? null;
    this.presetList = presets;
    return { presets, selected };
  }
}
