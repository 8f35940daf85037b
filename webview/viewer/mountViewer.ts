/**
 * The frame viewer: wires the frame store, the image canvas, the side panel (histogram, value
 * range, equalisation, measuring), the colour bar, the frame grid and the controls, and renders
 * frames through the same display pipeline as `dicom-inspector render`. Window/level state is
 * in windowing.ts, the display look in looks.ts, measuring in measuring.ts, the page layout in
 * viewerLayout.ts and the keyboard in viewerKeys.ts.
 */
import type { DisplayLook } from '../../src/core/display/displayLook';
import { isGreyscale } from '../../src/core/display/renderFrame';
import { minMaxWindow, type Voi } from '../../src/core/display/voi';
import type { HostToViewerMessage, ImageInfoMessage, ImageInfoView, SaveResultMessage, ViewerToHostMessage } from '../../src/shared/viewerProtocol';
import { Cine } from './cine';
import { ColourBar } from './colourBar';
import { ViewerControls } from './controls';
import './elements';
import { FrameGrid } from './frameGrid';
import { FrameHistogram } from './frameHistogram';
import { FrameStore, type LoadedFrame } from './frameStore';
import { ImageCanvas, type PixelSource } from './imageCanvas';
import { Looks } from './looks';
import { Measuring } from './measuring';
import { overlayLayer } from './overlayLayer';
import { PixelSources } from './pixelSource';
import { readoutText } from './readout';
import { seriesStats } from './seriesStats';
import { SidePanel } from './sidePanel';
import { applyViewerStyles } from './viewerStyles';
import { ViewerLayout } from './viewerLayout';
import type { ViewerPort } from './viewerPort';
import { handleViewerKey } from './viewerKeys';
import { prefetchOrder, stepFrame, wholeNumberModality, windowAfterDrag, type WindowLevel } from './viewerMath';
import { Windowing, type WindowChoices } from './windowing';

const PREFETCH_RADIUS = 4;
/** Colour frames are drawn as they are: no colour map, range mask or equalisation. */
const PLAIN_LOOK: DisplayLook = { colourMap: 'gray', range: null, equalise: null };

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

class Viewer {
  private readonly layout: ViewerLayout;
  private readonly canvas: ImageCanvas;
  private readonly side: SidePanel;
  private readonly colourBar = new ColourBar();
  private readonly grid: FrameGrid;
  private readonly controls: ViewerControls;
  private readonly store: FrameStore;
  private readonly sources = new PixelSources();
  private readonly cine: Cine;
  private readonly windowing = new Windowing();
  private readonly looks = new Looks();
  private readonly measuring: Measuring;
  private readonly histogram: FrameHistogram;
  private info: ImageInfoView | undefined;
  private index = 0;
  private direction: 1 | -1 = 1;
  private loaded: LoadedFrame | undefined;
  private drawable = true;
  /** Bumped for each new image, so a slow series pass for an older one is dropped. */
  private generation = 0;
  private invert = false;
  /** Overlay planes are drawn when the file has them, until the user switches them off. */
  private showOverlays = true;
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
        this.looks.colourMap = name;
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
      onOverlays: (on) => this.setOverlays(on),
      onGrid: (on, count) => this.setGrid(on ? Math.max(1, Math.min(100, Math.round(count))) : 0),
    });
    this.side = new SidePanel({
      onHistogramWindow: (w) => this.setWindow(w),
      onHistogramBins: () => {
        this.histogram.invalidate();
        this.scheduleRender();
      },
      onRange: (range) => {
        this.looks.range = range;
        this.scheduleRender();
      },
      onEqualise: (on, bins, fromSeries) => {
        this.looks.equalise = on ? { bins, fromSeries } : null;
        this.scheduleRender();
      },
      onTool: (tool) => this.measuring.setTool(tool),
      onClearMeasurements: () => this.clearMeasurements(),
    });
    this.histogram = new FrameHistogram(this.side);
    this.grid = new FrameGrid((i) => {
      this.setGrid(0);
      void this.showFrame(i);
    });
    this.layout = new ViewerLayout(root, this.controls, this.side, [this.colourBar.root, this.grid.root], () => {
      if (this.gridCount) void this.drawGrid();
    });
    this.canvas = new ImageCanvas(this.layout.stage, {
      onWindowDragStart: () => (this.dragStart = this.windowing.shown),
      onWindowDrag: (dx, dy, size) => {
        if (!this.dragStart || !this.loaded || !isGreyscale(this.loaded.frame)) return;
        const { min, max } = this.windowing.minMax(this.loaded)!;
        this.setWindow(windowAfterDrag(this.dragStart, dx, dy, max - min, size, wholeNumberModality(this.loaded.settings.modality)));
      },
      onHover: (p) => this.showReadout(p),
      onShape: (shape, done) => this.measuring.shape(shape, done, this.loaded),
    });
    this.measuring = new Measuring(this.canvas, this.side, root, this.layout.stage);
    this.layout.container.addEventListener('keydown', (e) => this.key(e));
    this.layout.attach();
  }

  receive(m: HostToViewerMessage): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'viewer/image':
        if (!m.info) {
          this.drawable = false;
          this.controls.setFrames(0, 1, false);
          return this.layout.showMessage(m.error ?? 'The frames cannot be shown.');
        }
        // Also sent again when the file changed on disk: drop cached frames, keep the place.
        this.info = m.info;
        this.generation++;
        this.store.clear();
        this.windowing.newImage();
        this.looks.newImage();
        this.histogram.invalidate();
        this.loaded = undefined;
        if (m.info.frameRate) this.cine.setFps(m.info.frameRate);
        this.controls.setOverlays(m.info.overlayPlanes > 0, this.showOverlays);
        this.controls.setPlaying(this.cine.playing, this.cine.fps);
        void this.showFrame(Math.min(this.index, m.info.numberOfFrames - 1)).then(() => this.computeSeries());
        return;
      default:
        // Frames and save results arrive as replies to this viewer's requests, not here.
        return;
    }
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
      this.layout.hideMessage();
      if (!this.drawable) {
        this.drawable = true;
        this.controls.setFrames(this.index, count, true);
      }
      // Drawn at once, not on the next animation frame: cine would otherwise skip frames.
      this.render();
      // What the decoder noticed (the frame is shown all the same), as set text, never HTML.
      this.layout.status.textContent = (loaded.frame.warnings ?? []).map((w) => `Warning: ${w.message}`).join('\n');
    } catch (error) {
      if (wanted !== this.index) return;
      this.layout.showMessage(`Frame ${wanted + 1}: ${(error as Error).message}`);
      // A frame that cannot be drawn offers no cine.
      if (this.cine.playing) this.togglePlay();
      this.drawable = false;
      this.controls.setFrames(this.index, count, false);
    }
    if (this.gridCount) void this.drawGrid();
    this.store.prefetch(prefetchOrder(this.index, count, this.cine.playing ? Math.max(PREFETCH_RADIUS, Math.ceil(this.cine.fps / 2)) : PREFETCH_RADIUS, this.direction));
    // Cine changes nothing the layout depends on; measuring it each frame would cost a reflow.
    if (!this.cine.playing) this.layout.fitSoon();
  }

  /** Series min-max and value counts, once per image, after the first frame is on screen. */
  private async computeSeries(): Promise<void> {
    const first = this.loaded;
    const generation = this.generation;
    if (!first || !this.info) return;
    const stats = await seriesStats(this.info.numberOfFrames, (i) => this.store.get(i), first, () => generation === this.generation);
    if (generation !== this.generation || !stats) return;
    this.windowing.series = stats;
    this.root.dataset.seriesMin = String(stats.min);
    this.root.dataset.seriesMax = String(stats.max);
    this.root.dataset.seriesSampled = String(stats.sampled);
    this.scheduleRender();
  }

  private applyPreset(id: string): void {
    const { applied, window } = this.windowing.applyPreset(id);
    if (window) this.setWindow(window);
    else if (applied) this.scheduleRender();
  }

  private setWindow(w: WindowLevel): void {
    if (this.windowing.setWindow(w)) this.scheduleRender();
  }

  private reset(): void {
    this.windowing.reset();
    this.looks.reset();
    this.invert = false;
    this.controls.setInvert(false);
    this.controls.setColourMap('gray');
    this.side.reset();
    this.clearMeasurements();
    this.canvas.fit();
    this.scheduleRender();
  }

  private setOverlays(show: boolean): void {
    this.showOverlays = show;
    this.controls.setOverlays(Boolean(this.info?.overlayPlanes), show);
    this.scheduleRender();
  }

  private togglePlay(): void {
    if (!this.drawable && !this.cine.playing) return;
    this.cine.toggle();
    this.controls.setPlaying(this.cine.playing, this.cine.fps);
    if (!this.cine.playing) {
      this.scheduleRender(); // brings the histogram and presets up to date
      this.layout.fitSoon();
    }
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

  private look(loaded: LoadedFrame): DisplayLook {
    return this.looks.look(loaded, this.windowing.series);
  }

  private choices(loaded: LoadedFrame): WindowChoices {
    return this.windowing.choices(loaded, this.invert);
  }

  /** What the canvas (or a grid cell) draws for a frame with the current window and look. */
  private sourceFor(loaded: LoadedFrame, choices = isGreyscale(loaded.frame) ? this.choices(loaded) : undefined): PixelSource {
    if (!choices) return this.sources.source(loaded, { invert: this.invert }, PLAIN_LOOK);
    return this.sources.source(loaded, choices, this.look(loaded));
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
      const choices = grey ? this.choices(loaded) : undefined;
      voi = choices?.voi;
      this.canvas.show({ ...this.sourceFor(loaded, choices), completeRows: loaded.partial?.completeRows }, this.showOverlays ? overlayLayer(loaded) : null);
      this.layout.hideMessage();
      this.layout.showPartial(loaded);
    } catch (error) {
      this.layout.showMessage((error as Error).message);
      return;
    }
    this.renders++;
    this.root.dataset.renders = String(this.renders);
    this.root.dataset.overlays = this.info?.overlayPlanes ? (this.showOverlays ? `${loaded.overlays.length} shown` : 'hidden') : '';
    this.root.dataset.colourMap = this.looks.colourMap;
    this.root.dataset.range = this.looks.range ? `${this.looks.range.min} ${this.looks.range.max}` : '';
    this.root.dataset.equalise = this.looks.equalise ? String(this.looks.equalise.bins) : '';
    if (!grey || !voi) {
      this.histogram.clear();
      return;
    }
    const { min, max } = this.windowing.minMax(loaded)!;
    const shown = voi.kind === 'window' ? { center: voi.center, width: voi.width } : minMaxWindow(min, max);
    this.windowing.shown = shown;
    this.root.dataset.center = String(shown.center);
    this.root.dataset.width = String(shown.width);
    this.controls.setWindow(shown.center, shown.width);
    this.updateColourBar(loaded, shown);
    this.histogram.update(loaded, shown, this.looks.range, () => ({ loaded: this.loaded, playing: this.cine.playing, shown: this.windowing.shown, range: this.looks.range }));
    // The per-frame min-max preset changes every frame: during cine the list is brought up to
    // date when playback stops, not rebuilt for each frame.
    if (!this.cine.playing) this.updatePresets(loaded, voi, shown);
    if (this.measuring.count) this.measuring.update(loaded);
  }

  private updateColourBar(loaded: LoadedFrame, shown: WindowLevel): void {
    const { lower, upper } = this.looks.colourBarBounds(loaded, this.windowing.series, shown);
    const inverted = (loaded.frame.photometric === 'MONOCHROME1') !== this.invert;
    this.colourBar.update(this.looks.colourMap, lower, upper, loaded.settings.modality.unit, inverted);
  }

  private updatePresets(loaded: LoadedFrame, voi: Voi, shown: WindowLevel): void {
    const { presets, selected } = this.windowing.presets(loaded, voi, shown, (this.info?.numberOfFrames ?? 1) > 1);
    this.root.dataset.preset = selected ?? '';
    this.controls.setPresets(presets, selected);
  }

  private showReadout(p: { x: number; y: number } | null): void {
    this.layout.readout.textContent = p && this.loaded ? readoutText(this.loaded, p) : '';
  }

  private clearMeasurements(): void {
    this.measuring.clear(this.loaded);
  }

  private setGrid(count: number): void {
    this.gridCount = count;
    this.controls.setGrid(count > 0);
    this.grid.root.hidden = count === 0;
    this.canvas.canvas.hidden = count > 0;
    this.layout.readout.hidden = count > 0;
    if (count) void this.drawGrid();
  }

  /** N frames from the current one (or the last N), each drawn with the current display. */
  private async drawGrid(): Promise<void> {
    const total = this.info?.numberOfFrames ?? 1;
    const n = Math.min(this.gridCount, total);
    const start = Math.max(0, Math.min(this.index, total - n));
    const indices = Array.from({ length: n }, (_, i) => start + i);
    const r = this.layout.stage.getBoundingClientRect();
    this.grid.layout(indices, r.width - 48, r.height - 8);
    const generation = this.generation;
    const done = await this.grid.drawFrames((i) => this.store.get(i), (loaded) => this.sourceFor(loaded), () => generation === this.generation && this.gridCount > 0);
    if (done) this.root.dataset.gridDrawn = String(this.grid.drawnCount());
  }

  /** Asks the host to save this frame (or all frames) as PNG with what the viewer shows. */
  private async save(type: 'viewer/saveFrame' | 'viewer/saveFrames'): Promise<void> {
    const loaded = this.loaded;
    const look = loaded && isGreyscale(loaded.frame) ? this.look(loaded) : null;
    const choices = {
      window: this.windowing.savedWindow(),
      voiLutIndex: this.windowing.voiLut,
      invert: this.invert,
      overlays: this.showOverlays && Boolean(this.info?.overlayPlanes),
      ...(look ? { colourMap: look.colourMap, range: look.range, equalise: look.equalise } : {}),
    };
    const request: ViewerToHostMessage = type === 'viewer/saveFrame' ? { type, frame: this.index, ...choices } : { type, ...choices };
    const m = await this.port.request<SaveResultMessage>(request).catch((error: Error): SaveResultMessage => ({ type: 'viewer/saved', path: null, error: error.message }));
    this.layout.status.textContent = m.error ? `Could not save: ${m.error}` : m.path ? `Saved ${m.path}` : '';
  }

  private key(e: KeyboardEvent): void {
    handleViewerKey(e, this.layout.container, {
      index: this.index,
      count: this.info?.numberOfFrames ?? 1,
      goTo: (i) => void this.showFrame(i),
      togglePlay: () => this.togglePlay(),
      clearMeasurements: () => this.clearMeasurements(),
      toggleOverlays: () => (this.info?.overlayPlanes ? this.setOverlays(!this.showOverlays) : undefined),
      toggleInvert: () => {
        this.invert = !this.invert;
        this.controls.setInvert(this.invert);
        this.scheduleRender();
      },
      reset: () => this.reset(),
      fit: () => this.canvas.fit(),
      toggleGrid: () => this.setGrid(this.gridCount ? 0 : 16),
      actualSize: () => this.canvas.actualSize(),
      zoom: (f) => this.canvas.zoom(f),
    });
  }

  dispose(): void {
    this.cine.stop();
    this.generation++;
    this.canvas.dispose();
    this.layout.dispose();
  }
}

