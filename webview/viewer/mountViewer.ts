/**
 * The frame viewer: wires the frame store, the image canvas, the side panel (histogram, value
 * range, equalisation, measuring), the colour bar, the frame grid and the controls, and renders
 * frames through the same display pipeline as `dicom-inspector render`.
 *
 * Layout: toolbar on top; the image (with the readout over it and the colour bar beside it)
 * and the side panel fill the window's height; the frame bar sits under the image, so every
 * control is on screen without scrolling.
 */
import type { ColourMapName } from '../../src/core/display/colourMaps';
import type { DisplayLook } from '../../src/core/display/displayLook';
import { freqhistBreaks, storedValueCounts } from '../../src/core/display/equalise';
import { modalityHistogram, type Histogram } from '../../src/core/display/histogram';
import { lineLength, regionStats, type PixelSpacing } from '../../src/core/display/measure';
import { modalityValue } from '../../src/core/display/modality';
import { windowPresets, type WindowPreset } from '../../src/core/display/presets';
import { chooseVoi, isGreyscale, modalityMinMax, tableRange } from '../../src/core/display/renderFrame';
import type { ValueRange } from '../../src/core/display/valueRange';
import { minMaxWindow, type Voi } from '../../src/core/display/voi';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import type { HostToViewerMessage, ImageInfoMessage, ImageInfoView, SaveResultMessage, ViewerToHostMessage } from '../../src/shared/viewerProtocol';
import { Cine } from './cine';
import { ColourBar } from './colourBar';
import { ViewerControls } from './controls';
import { el } from './dom';
import './elements';
import { FrameGrid } from './frameGrid';
import { FrameStore, type LoadedFrame } from './frameStore';
import { ImageCanvas, type CanvasTool, type DrawnShape } from './imageCanvas';
import { PixelSources } from './pixelSource';
import { seriesStats, type SeriesStats } from './seriesStats';
import { SidePanel } from './sidePanel';
import { applyViewerStyles } from './viewerStyles';
import type { ViewerPort } from './viewerPort';
import { formatValue, prefetchOrder, stepFrame, wholeNumberModality, windowAfterDrag, type WindowLevel } from './viewerMath';

const PREFETCH_RADIUS = 4;
/** The image never gets shorter than this, however little room the window leaves. */
const MIN_STAGE_HEIGHT = 240;

export function mountViewer(root: HTMLElement, port: ViewerPort): { dispose(): void } {
  applyViewerStyles(root.ownerDocument);
  const viewer = new Viewer(root, port);
  const unsubscribe = port.onMessage((m) => viewer.receive(m));
  void port.request<ImageInfoMessage>({ type: 'viewer/ready' }).then((info) => viewer.receive(info), (error: Error) => viewer.receive({ type: 'viewer/image', info: null, error: error.message }));
  return {
    dispose: () => {
      unsubscribe();
      viewer.dispose();
    },
  };
}

/** The frame without the rows a frame cut short lacks (the whole frame otherwise). */
function presentRows(loaded: LoadedFrame): StoredFrame {
  const { frame, partial } = loaded;
  if (!partial) return frame;
  const rows = Math.max(1, partial.completeRows);
  return { ...frame, height: rows, samples: frame.samples.subarray(0, rows * frame.width * frame.samplesPerPixel) };
}

type Measurement = Omit<DrawnShape, 'label'>;

class Viewer {
  private readonly container: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly toolbarObserver: ResizeObserver;
  private readonly message: HTMLElement;
  /** The issue of a frame cut short, shown above the image (which stays usable). */
  private readonly partialNote: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly status: HTMLElement;
  private readonly canvas: ImageCanvas;
  private readonly side: SidePanel;
  private readonly colourBar = new ColourBar();
  private readonly grid: FrameGrid;
  private readonly controls: ViewerControls;
  private readonly store: FrameStore;
  private readonly sources = new PixelSources();
  private readonly cine: Cine;
  private info: ImageInfoView | undefined;
  private index = 0;
  private direction: 1 | -1 = 1;
  private loaded: LoadedFrame | undefined;
  private drawable = true;
  /** Per-frame figures computed once per frame, not per window change. */
  private stats: { index: number; min: number; max: number } | undefined;
  private series: SeriesStats | null = null;
  /** Bumped for each new image, so a slow series pass for an older one is dropped. */
  private generation = 0;
  private histogramCache: { index: number; bins: number; histogram: Histogram } | undefined;
  /** The user's window; null follows the file (its window, VOI LUT, or the series min-max). */
  private window: WindowLevel | null = null;
  /** The file's VOI LUT the user chose from the presets (a window choice clears it). */
  private voiLut: number | null = null;
  /** "Min-max of this frame": the window follows each frame's own extremes. */
  private frameMinMax = false;
  private shownWindow: WindowLevel | undefined;
  private presetList: WindowPreset[] = [];
  private invert = false;
  private colourMap: ColourMapName = 'gray';
  private range: ValueRange | null = null;
  private equalise: { bins: number; fromSeries: boolean } | null = null;
  private breaksCache: { key: string; breaks: number[] } | undefined;
  /** The frame's stored-value counts: a new bin count then needs no new pass over the pixels. */
  private countsCache: { key: string; counts: Float64Array } | undefined;
  private measurements: Measurement[] = [];
  private drawing: Measurement | undefined;
  private gridCount = 0;
  private dragStart: WindowLevel | undefined;
  private renderQueued = false;
  private renders = 0;

  constructor(private readonly root: HTMLElement, private readonly port: ViewerPort) {
    this.store = new FrameStore(port);
    this.cine = new Cine(10, () => this.showFrame(stepFrame(this.index, 1, this.info?.numberOfFrames ?? 1, true)));
    this.controls = new ViewerControls({
      onWindow: (c, w) => this.setWindow({ center: c, width: w }),
      onPreset: (id) => this.applyPreset(id),
      onColourMap: (name) => {
        this.colourMap = name;
        this.scheduleRender();
      },
      onInvert: (v) => {
        this.invert = v;
        this.scheduleRender();
      },
      onFit: () => this.canvas.fit(),
      onActualSize: () => this.canvas.actualSize(),
      onReset: () => this.reset(),
      onSave: () => void this.save('viewer/saveFrame'),
      onSaveAll: () => void this.save('viewer/saveFrames'),
      onFrame: (i) => void this.showFrame(i),
      onPlay: () => this.togglePlay(),
      onFps: (fps) => {
        this.cine.setFps(fps);
        this.controls.setPlaying(this.cine.playing, this.cine.fps);
      },
      onGrid: (on, count) => this.setGrid(on ? Math.max(1, Math.min(100, Math.round(count))) : 0),
    });
    this.side = new SidePanel({
      onHistogramWindow: (w) => this.setWindow(w),
      onHistogramBins: () => {
        this.histogramCache = undefined;
        this.scheduleRender();
      },
      onRange: (range) => {
        this.range = range;
        this.scheduleRender();
      },
      onEqualise: (on, bins, fromSeries) => {
        this.equalise = on ? { bins, fromSeries } : null;
        this.scheduleRender();
      },
      onTool: (tool) => this.setTool(tool),
      onClearMeasurements: () => this.clearMeasurements(),
    });
    this.stage = el('div', { className: 'dv-stage' });
    this.message = el('div', { className: 'dv-message', attrs: { role: 'alert' } });
    this.message.hidden = true;
    this.partialNote = el('div', { className: 'dv-partial', attrs: { role: 'status' } });
    this.partialNote.hidden = true;
    this.readout = el('div', { className: 'dv-readout', attrs: { 'aria-live': 'off' } });
    this.grid = new FrameGrid((i) => {
      this.setGrid(0);
      void this.showFrame(i);
    });
    this.stage.append(this.message, this.readout, this.colourBar.root, this.grid.root);
    this.canvas = new ImageCanvas(this.stage, {
      onWindowDragStart: () => (this.dragStart = this.shownWindow),
      onWindowDrag: (dx, dy, size) => {
        if (!this.dragStart || !this.loaded || !isGreyscale(this.loaded.frame)) return;
        const { min, max } = this.minMax()!;
        this.setWindow(windowAfterDrag(this.dragStart, dx, dy, max - min, size, wholeNumberModality(this.loaded.settings.modality)));
      },
      onHover: (p) => this.showReadout(p),
      onShape: (shape, done) => {
        this.drawing = done ? undefined : shape;
        if (done) this.measurements.push(shape);
        this.updateMeasurements();
      },
    });
    this.status = el('div', { className: 'dv-status', attrs: { 'aria-live': 'polite' } });
    const main = el('div', { className: 'dv-main' }, [this.stage, this.controls.frameBar]);
    this.container = el('div', { className: 'dv-root', attrs: { tabindex: '0', 'aria-label': 'Frame viewer' } }, [
      this.controls.toolbar,
      this.partialNote,
      el('div', { className: 'dv-body' }, [main, this.side.root]),
      this.status,
    ]);
    this.container.addEventListener('keydown', (e) => this.key(e));
    // The canvas cancels pointerdown's default (no text selection while dragging), which would
    // also keep the focus away; take it so the arrow keys step frames after a click.
    this.stage.addEventListener('pointerdown', () => this.container.focus({ preventScroll: true }));
    root.append(this.container);
    this.fitToWindow = this.fitToWindow.bind(this);
    window.addEventListener('resize', this.fitToWindow);
    // The column narrows when the Bytes pane opens beside it: the toolbar wraps and the image
    // must start lower, so a change of the toolbar's size fits the image again.
    this.toolbarObserver = new ResizeObserver(() => this.fitToWindow());
    this.toolbarObserver.observe(this.controls.toolbar);
    requestAnimationFrame(this.fitToWindow);
  }

  receive(m: HostToViewerMessage): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'viewer/image':
        if (!m.info) {
          this.drawable = false;
          this.controls.setFrames(0, 1, false);
          return this.showMessage(m.error ?? 'The frames cannot be shown.');
        }
        // Also sent again when the file changed on disk: drop cached frames, keep the place.
        this.info = m.info;
        this.generation++;
        this.store.clear();
        this.stats = undefined;
        this.series = null;
        this.breaksCache = undefined;
        this.countsCache = undefined;
        this.histogramCache = undefined;
        this.loaded = undefined;
        if (m.info.frameRate) this.cine.setFps(m.info.frameRate);
        this.controls.setPlaying(this.cine.playing, this.cine.fps);
        void this.showFrame(Math.min(this.index, m.info.numberOfFrames - 1)).then(() => this.computeSeries());
        return;
      default:
        // Frames and save results arrive as replies to this viewer's requests, not here.
        return;
    }
  }

  /** The image and side panel take the height left in the window, so nothing sits below the fold. */
  private fitToWindow(): void {
    const top = this.stage.getBoundingClientRect().top + window.scrollY;
    const below = (this.controls.frameBar.hidden ? 0 : this.controls.frameBar.getBoundingClientRect().height + 6) + this.status.getBoundingClientRect().height + 16;
    const height = Math.max(MIN_STAGE_HEIGHT, Math.floor(window.innerHeight - top - below));
    this.stage.style.height = `${height}px`;
    this.side.root.style.maxHeight = `${height + (this.controls.frameBar.hidden ? 0 : this.controls.frameBar.getBoundingClientRect().height + 6)}px`;
    if (this.gridCount) void this.drawGrid();
  }

  private async showFrame(index: number): Promise<void> {
    const count = this.info?.numberOfFrames ?? 1;
    if (index !== this.index) this.direction = index > this.index ? 1 : -1;
    this.index = Math.min(count - 1, Math.max(0, index));
    this.controls.setFrames(this.index, count, this.drawable);
    this.root.dataset.frame = String(this.index);
    const wanted = this.index;
    try {
      const loaded = await this.store.get(wanted);
      if (wanted !== this.index) return; // the user moved on while this frame loaded
      this.loaded = loaded;
      this.message.hidden = true;
      if (!this.drawable) {
        this.drawable = true;
        this.controls.setFrames(this.index, count, true);
      }
      // Drawn at once, not on the next animation frame: cine would otherwise skip frames.
      this.render();
      // What the decoder noticed (the frame is shown all the same), as set text, never HTML.
      this.status.textContent = (loaded.frame.warnings ?? []).map((w) => `Warning: ${w.message}`).join('\n');
    } catch (error) {
      if (wanted !== this.index) return;
      this.showMessage(`Frame ${wanted + 1}: ${(error as Error).message}`);
      // A frame that cannot be drawn offers no cine.
      if (this.cine.playing) this.togglePlay();
      this.drawable = false;
      this.controls.setFrames(this.index, count, false);
    }
    if (this.gridCount) void this.drawGrid();
    this.store.prefetch(prefetchOrder(this.index, count, this.cine.playing ? Math.max(PREFETCH_RADIUS, Math.ceil(this.cine.fps / 2)) : PREFETCH_RADIUS, this.direction));
    requestAnimationFrame(this.fitToWindow);
  }

  /** Series min-max and value counts, once per image, after the first frame is on screen. */
  private async computeSeries(): Promise<void> {
    const first = this.loaded;
    const generation = this.generation;
    if (!first || !this.info) return;
    const stats = await seriesStats(this.info.numberOfFrames, (i) => this.store.get(i), first, () => generation === this.generation);
    if (generation !== this.generation || !stats) return;
    this.series = stats;
    this.root.dataset.seriesMin = String(stats.min);
    this.root.dataset.seriesMax = String(stats.max);
    this.root.dataset.seriesSampled = String(stats.sampled);
    this.scheduleRender();
  }

  private applyPreset(id: string): void {
    const p = this.presetList.find((x) => x.id === id);
    if (!p) return;
    if (p.voiLutIndex !== undefined) {
      this.window = null;
      this.frameMinMax = false;
      this.voiLut = p.voiLutIndex;
      this.scheduleRender();
    } else if (id === 'minmax-frame') {
      this.window = null;
      this.voiLut = null;
      this.frameMinMax = true;
      this.scheduleRender();
    } else {
      this.setWindow({ center: p.center, width: p.width });
    }
  }

  private setWindow(w: WindowLevel): void {
    if (!Number.isFinite(w.center) || !Number.isFinite(w.width)) return;
    this.window = { center: w.center, width: Math.max(w.width, 1e-6) };
    this.voiLut = null;
    this.frameMinMax = false;
    this.scheduleRender();
  }

  private reset(): void {
    this.window = null;
    this.voiLut = null;
    this.frameMinMax = false;
    this.invert = false;
    this.colourMap = 'gray';
    this.range = null;
    this.equalise = null;
    this.controls.setInvert(false);
    this.controls.setColourMap('gray');
    this.side.reset();
    this.clearMeasurements();
    this.canvas.fit();
    this.scheduleRender();
  }

  private togglePlay(): void {
    if (!this.drawable && !this.cine.playing) return;
    this.cine.toggle();
    this.controls.setPlaying(this.cine.playing, this.cine.fps);
    if (!this.cine.playing) this.scheduleRender(); // brings the histogram up to date
  }

  /** Coalesces changes (slider drags fire many events) into one render per animation frame. */
  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
      if (this.gridCount) void this.drawGrid();
    });
  }

  /** Smallest and largest modality value the default window spans: the series', else this frame's. */
  private minMax(): { min: number; max: number } | undefined {
    const frame = this.frameStats();
    if (!frame) return undefined;
    return this.series && !this.frameMinMax ? this.series : frame;
  }

  /** The VOI for a frame: the user's window or LUT, the file's, else min-max (series or frame). */
  private voiFor(loaded: LoadedFrame): Voi {
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

  private look(loaded: LoadedFrame): DisplayLook {
    return { colourMap: this.colourMap, range: this.range, equalise: this.equalise ? this.breaks(loaded, this.equalise.bins, this.equalise.fromSeries) : null };
  }

  /** Equalisation breaks from the series' counts or the frame's, cached on what they come from. */
  private breaks(loaded: LoadedFrame, bins: number, fromSeries: boolean): number[] {
    const series = fromSeries && this.series?.counts ? this.series : null;
    const key = `${this.generation}:${series ? 'series' : loaded.index}:${bins}`;
    if (this.breaksCache?.key !== key) {
      const { min, max } = tableRange(loaded.frame);
      const frameKey = `${this.generation}:${loaded.index}`;
      if (!series && this.countsCache?.key !== frameKey) this.countsCache = { key: frameKey, counts: storedValueCounts(loaded.frame.samples, min, max - min + 1) };
      const counts = series ? series.counts! : this.countsCache!.counts;
      this.breaksCache = { key, breaks: freqhistBreaks(counts, series ? series.first : min, loaded.settings.modality, bins) };
    }
    return this.breaksCache.breaks;
  }

  private choices(loaded: LoadedFrame): { window: WindowLevel | undefined; voiLutIndex: number | undefined; invert: boolean; voi: Voi } {
    const voi = this.voiFor(loaded);
    return { window: voi.kind === 'window' ? { center: voi.center, width: voi.width } : undefined, voiLutIndex: voi.kind === 'lut' ? this.voiLut ?? undefined : undefined, invert: this.invert, voi };
  }

  /** Renders the current frame, then brings the controls, colour bar, histogram and measurements up to date. */
  private render(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const { frame, settings } = loaded;
    const grey = isGreyscale(frame);
    this.controls.setGreyscale(grey);
    this.side.setGreyscale(grey);
    this.colourBar.root.hidden = !grey;
    let voi: Voi | undefined;
    try {
      if (grey) {
        const choices = this.choices(loaded);
        voi = choices.voi;
        this.canvas.show({ ...this.sources.source(loaded, choices, this.look(loaded)), completeRows: loaded.partial?.completeRows });
      } else {
        this.canvas.show({ ...this.sources.source(loaded, { invert: this.invert }, { colourMap: 'gray', range: null, equalise: null }), completeRows: loaded.partial?.completeRows });
      }
      this.message.hidden = true;
      this.showPartial(loaded);
    } catch (error) {
      this.showMessage((error as Error).message);
      return;
    }
    this.renders++;
    this.root.dataset.renders = String(this.renders);
    this.root.dataset.colourMap = this.colourMap;
    this.root.dataset.range = this.range ? `${this.range.min} ${this.range.max}` : '';
    this.root.dataset.equalise = this.equalise ? String(this.equalise.bins) : '';
    if (!grey || !voi) {
      this.histogramCache = undefined;
      this.side.histogram.update(undefined, undefined, null);
      return;
    }
    const { min, max } = this.minMax()!;
    const shown = voi.kind === 'window' ? { center: voi.center, width: voi.width } : minMaxWindow(min, max);
    this.shownWindow = shown;
    this.root.dataset.center = String(shown.center);
    this.root.dataset.width = String(shown.width);
    this.controls.setWindow(shown.center, shown.width);
    this.updateColourBar(loaded, shown);
    this.updateHistogram(shown);
    this.updatePresets(loaded, voi, shown);
    if (this.measurements.length) this.updateMeasurements();
  }

  private updateColourBar(loaded: LoadedFrame, shown: WindowLevel): void {
    const breaks = this.equalise ? this.breaks(loaded, this.equalise.bins, this.equalise.fromSeries) : null;
    const lower = breaks ? breaks[0] : shown.center - shown.width / 2;
    const upper = breaks ? breaks[breaks.length - 1] : shown.center + shown.width / 2;
    const inverted = (loaded.frame.photometric === 'MONOCHROME1') !== this.invert;
    this.colourBar.update(this.colourMap, lower, upper, loaded.settings.modality.unit, inverted);
  }

  private updatePresets(loaded: LoadedFrame, voi: Voi, shown: WindowLevel): void {
    const { settings } = loaded;
    const seriesRange = this.series ?? this.frameStats()!;
    const mmw = minMaxWindow(seriesRange.min, seriesRange.max);
    const presets = windowPresets(settings.windows, { center: mmw.center, width: mmw.width }, settings.modalityName, settings.voiLuts.map((l) => l.explanation))
      .map((p) => (p.id === 'minmax' ? { ...p, label: this.series && this.series.frames > 1 ? (this.series.sampled < this.series.frames ? `Min-max of series (${this.series.sampled} frames sampled)` : 'Min-max of series') : 'Min-max' } : p));
    if ((this.info?.numberOfFrames ?? 1) > 1) {
      const f = this.frameStats()!;
      const w = minMaxWindow(f.min, f.max);
      presets.splice(presets.findIndex((p) => p.id === 'minmax') + 1, 0, { id: 'minmax-frame', label: 'Min-max of this frame', center: w.center, width: w.width, source: 'minmax' });
    }
    const selected = this.frameMinMax
      ? 'minmax-frame'
      : (voi.kind === 'lut' ? presets.find((p) => p.source === 'lut' && settings.voiLuts[p.voiLutIndex!] === voi.lut) : presets.find((p) => p.id !== 'minmax-frame' && p.center === shown.center && p.width === shown.width))?.id ?? null;
    this.presetList = presets;
    this.root.dataset.preset = selected ?? '';
    this.controls.setPresets(presets, selected);
  }

  /** Per-frame extremes, one pass over the samples, once per frame. */
  private frameStats(): { min: number; max: number } | undefined {
    const loaded = this.loaded;
    if (!loaded || !isGreyscale(loaded.frame)) return undefined;
    // Rows missing from a frame cut short read as zeros: they must not stretch the min-max window.
    if (this.stats?.index !== loaded.index) this.stats = { index: loaded.index, ...modalityMinMax(presentRows(loaded), loaded.settings.modality, loaded.settings.padding) };
    return this.stats;
  }

  /**
   * The histogram costs two more passes, so it is computed after the frame is on screen, and
   * not at all while cine plays (it is drawn when playback stops).
   */
  private updateHistogram(shown: WindowLevel): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const bins = this.side.histogramBins();
    if (this.histogramCache?.index === loaded.index && this.histogramCache.bins === bins) {
      this.side.histogram.update(this.histogramCache.histogram, shown, this.range);
      return;
    }
    if (this.cine.playing) return;
    setTimeout(() => {
      if (this.loaded !== loaded || this.cine.playing) return;
      this.histogramCache = { index: loaded.index, bins, histogram: modalityHistogram(presentRows(loaded).samples, loaded.settings.modality, bins, loaded.settings.padding) };
      this.side.histogram.update(this.histogramCache.histogram, this.shownWindow, this.range);
    }, 0);
  }

  private showReadout(p: { x: number; y: number } | null): void {
    const loaded = this.loaded;
    if (!p || !loaded) {
      this.readout.textContent = '';
      return;
    }
    const { frame, settings } = loaded;
    const i = p.y * frame.width + p.x;
    const spacing = settings.pixelSpacing ?? null;
    const mm = spacing ? `  ${(p.x * spacing.column).toFixed(1)}, ${(p.y * spacing.row).toFixed(1)} mm${spacing.source === 'imager' ? ' (detector)' : ''}` : '';
    const position = `x ${p.x}  y ${p.y}${mm}`;
    if (!isGreyscale(frame)) {
      const s = frame.samples;
      this.readout.textContent = `${position}  RGB ${s[i * 3]} ${s[i * 3 + 1]} ${s[i * 3 + 2]}`;
      return;
    }
    const stored = frame.samples[i];
    const value = modalityValue(settings.modality, stored);
    const unit = settings.modality.unit ? ` ${settings.modality.unit}` : '';
    this.readout.textContent = `${position}  stored ${stored}  value ${formatValue(value)}${unit}`;
  }

  private setTool(tool: CanvasTool): void {
    this.canvas.tool = tool;
    this.side.setTool(tool);
    this.stage.dataset.tool = tool;
  }

  private clearMeasurements(): void {
    this.measurements = [];
    this.drawing = undefined;
    this.updateMeasurements();
  }

  /** Labels each measurement with its figures on the current frame and draws them. */
  private updateMeasurements(): void {
    const loaded = this.loaded;
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

  private setGrid(count: number): void {
    this.gridCount = count;
    this.controls.setGrid(count > 0);
    this.grid.root.hidden = count === 0;
    this.canvas.canvas.hidden = count > 0;
    this.readout.hidden = count > 0;
    if (count) void this.drawGrid();
  }

  /** N frames from the current one (or the last N), each drawn with the current display. */
  private async drawGrid(): Promise<void> {
    const total = this.info?.numberOfFrames ?? 1;
    const n = Math.min(this.gridCount, total);
    const start = Math.max(0, Math.min(this.index, total - n));
    const indices = Array.from({ length: n }, (_, i) => start + i);
    const r = this.stage.getBoundingClientRect();
    this.grid.layout(indices, r.width - 48, r.height - 8);
    const generation = this.generation;
    for (const i of indices) {
      const loaded = await this.store.get(i).catch(() => undefined);
      if (!loaded || generation !== this.generation || !this.gridCount) return;
      try {
        const choices = isGreyscale(loaded.frame) ? this.choices(loaded) : { invert: this.invert };
        const look = isGreyscale(loaded.frame) ? this.look(loaded) : { colourMap: 'gray' as const, range: null, equalise: null };
        this.grid.draw(i, this.sources.source(loaded, choices, look));
      } catch {
        // An undrawable frame leaves its cell empty; its number still shows.
      }
    }
    this.root.dataset.gridDrawn = String(this.grid.drawnCount());
  }

  /** Asks the host to save this frame (or all frames) as PNG with what the viewer shows. */
  private async save(type: 'viewer/saveFrame' | 'viewer/saveFrames'): Promise<void> {
    const loaded = this.loaded;
    const look = loaded && isGreyscale(loaded.frame) ? this.look(loaded) : null;
    const choices = {
      window: this.window ? { ...this.window } : this.frameMinMax && this.shownWindow ? { ...this.shownWindow } : null,
      voiLutIndex: this.voiLut,
      invert: this.invert,
      ...(look ? { colourMap: look.colourMap, range: look.range, equalise: look.equalise } : {}),
    };
    const request: ViewerToHostMessage = type === 'viewer/saveFrame' ? { type, frame: this.index, ...choices } : { type, ...choices };
    const m = await this.port.request<SaveResultMessage>(request).catch((error: Error): SaveResultMessage => ({ type: 'viewer/saved', path: null, error: error.message }));
    this.status.textContent = m.error ? `Could not save: ${m.error}` : m.path ? `Saved ${m.path}` : '';
  }

  /** Says which rows a frame cut short lacks (and clears the note for a whole frame). */
  private showPartial(loaded: LoadedFrame): void {
    if (loaded.partial) this.root.dataset.completeRows = String(loaded.partial.completeRows);
    else delete this.root.dataset.completeRows;
    this.partialNote.textContent = loaded.partial?.message ?? '';
    this.partialNote.hidden = !loaded.partial;
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  private key(e: KeyboardEvent): void {
    // Keys typed into a field belong to the field.
    const target = e.target as HTMLElement | null;
    if (target && target !== this.container && /^(VSCODE-TEXTFIELD|VSCODE-SINGLE-SELECT|INPUT)$/.test(target.tagName)) return;
    const count = this.info?.numberOfFrames ?? 1;
    const go = (i: number): void => {
      e.preventDefault();
      void this.showFrame(i);
    };
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': return go(stepFrame(this.index, e.key === 'PageDown' ? 10 : 1, count));
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': return go(stepFrame(this.index, e.key === 'PageUp' ? -10 : -1, count));
      case 'Home': return go(0);
      case 'End': return go(count - 1);
      case ' ': e.preventDefault(); return this.togglePlay();
      case 'Escape': return this.clearMeasurements();
      case 'i': case 'I': this.invert = !this.invert; this.controls.setInvert(this.invert); return this.scheduleRender();
      case 'r': case 'R': return this.reset();
      case 'f': case 'F': return this.canvas.fit();
      case 'g': case 'G': return count > 1 ? this.setGrid(this.gridCount ? 0 : 16) : undefined;
      case '1': return this.canvas.actualSize();
      case '+': case '=': return this.canvas.zoom(1.25);
      case '-': return this.canvas.zoom(0.8);
    }
  }

  dispose(): void {
    this.cine.stop();
    this.generation++;
    window.removeEventListener('resize', this.fitToWindow);
    this.toolbarObserver.disconnect();
    this.canvas.dispose();
    this.container.remove();
  }
}

