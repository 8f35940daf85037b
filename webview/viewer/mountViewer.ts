/**
 * The frame viewer: wires the frame store, the image canvas, the histogram and the controls,
 * and renders frames through the same display pipeline as `dicom-inspector render`.
 */
import { modalityHistogram, type Histogram } from '../../src/core/display/histogram';
import { modalityValue } from '../../src/core/display/modality';
import { windowPresets, type WindowPreset } from '../../src/core/display/presets';
import { chooseVoi, isGreyscale, modalityMinMax, renderFrame, tableRange } from '../../src/core/display/renderFrame';
import { GreyscaleTable } from '../../src/core/display/greyscaleTable';
import type { StoredFrame } from '../../src/core/pixels/storedFrame';
import { minMaxWindow } from '../../src/core/display/voi';
import type { HostToViewerMessage, ImageInfoMessage, ImageInfoView, SaveResultMessage } from '../../src/shared/viewerProtocol';
import { Cine } from './cine';
import { ViewerControls } from './controls';
import { el } from './dom';
import './elements';
import { FrameStore, type LoadedFrame } from './frameStore';
import { HistogramView } from './histogramView';
import { ImageCanvas, toRgbaWords } from './imageCanvas';
import { applyViewerStyles } from './viewerStyles';
import { formatValue, prefetchOrder, stepFrame, windowAfterDrag, type WindowLevel } from './viewerMath';
import type { ViewerPort } from './viewerPort';

const PREFETCH_RADIUS = 4;

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

class Viewer {
  private readonly container: HTMLElement;
  private readonly message: HTMLElement;
  /** The issue of a frame cut short, shown beside the image (which stays usable). */
  private readonly partialNote: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly status: HTMLElement;
  private readonly canvas: ImageCanvas;
  private readonly histogram: HistogramView;
  private readonly controls: ViewerControls;
  private readonly store: FrameStore;
  private readonly table = new GreyscaleTable();
  private readonly cine: Cine;
  private info: ImageInfoView | undefined;
  private index = 0;
  private direction: 1 | -1 = 1;
  private loaded: LoadedFrame | undefined;
  /** Per-frame figures computed once per frame, not per window change. */
  private stats: { index: number; min: number; max: number; table: { min: number; max: number } } | undefined;
  private histogramCache: { index: number; histogram: Histogram } | undefined;
  private presetKey = '';
  /** The user's window; null follows the file (its window, VOI LUT, or min-max). */
  private window: WindowLevel | null = null;
  /** The file's VOI LUT the user chose from the presets (a window choice clears it). */
  private voiLut: number | null = null;
  private shownWindow: WindowLevel | undefined;
  private presetList: WindowPreset[] = [];
  private invert = false;
  private dragStart: WindowLevel | undefined;
  private renderQueued = false;
  private renders = 0;

  constructor(private readonly root: HTMLElement, private readonly port: ViewerPort) {
    this.store = new FrameStore(port);
    this.cine = new Cine(10, () => this.showFrame(stepFrame(this.index, 1, this.info?.numberOfFrames ?? 1, true)));
    this.controls = new ViewerControls({
      onWindow: (c, w) => this.setWindow({ center: c, width: w }),
      onPreset: (id) => {
        const p = this.presetList.find((x) => x.id === id);
        if (p?.voiLutIndex !== undefined) {
          this.window = null;
          this.voiLut = p.voiLutIndex;
          this.scheduleRender();
        } else if (p) {
          this.setWindow({ center: p.center, width: p.width });
        }
      },
      onInvert: (v) => {
        this.invert = v;
        this.scheduleRender();
      },
      onFit: () => this.canvas.fit(),
      onActualSize: () => this.canvas.actualSize(),
      onReset: () => this.reset(),
      onSave: () => void this.save(),
      onFrame: (i) => void this.showFrame(i),
      onPlay: () => this.togglePlay(),
      onFps: (fps) => {
        this.cine.setFps(fps);
        this.controls.setPlaying(this.cine.playing, this.cine.fps);
      },
    });
    const stage = el('div', { className: 'dv-stage' });
    this.message = el('div', { className: 'dv-message', attrs: { role: 'alert' } });
    this.message.hidden = true;
    stage.append(this.message);
    this.partialNote = el('div', { className: 'dv-partial', attrs: { role: 'status' } });
    this.partialNote.hidden = true;
    this.canvas = new ImageCanvas(stage, {
      onWindowDragStart: () => (this.dragStart = this.shownWindow),
      onWindowDrag: (dx, dy, size) => {
        if (!this.dragStart || !this.loaded || !isGreyscale(this.loaded.frame)) return;
        const stats = this.frameStats();
        this.setWindow(windowAfterDrag(this.dragStart, dx, dy, stats ? stats.max - stats.min : 256, size));
      },
      onHover: (p) => this.showReadout(p),
    });
    this.histogram = new HistogramView((w) => this.setWindow(w));
    this.readout = el('div', { className: 'dv-readout', attrs: { 'aria-live': 'off' } });
    this.status = el('div', { className: 'dv-status', attrs: { 'aria-live': 'polite' } });
    this.container = el('div', { className: 'dv-root', attrs: { tabindex: '0', 'aria-label': 'Frame viewer' } }, [
      this.controls.toolbar,
      this.partialNote,
      stage,
      this.readout,
      el('div', { className: 'dv-bottom' }, [this.histogram.canvas, this.controls.frameBar]),
      this.status,
    ]);
    this.container.addEventListener('keydown', (e) => this.key(e));
    // The canvas cancels pointerdown's default (no text selection while dragging), which would
    // also keep the focus away; take it so the arrow keys step frames after a click.
    this.container.addEventListener('pointerdown', () => this.container.focus({ preventScroll: true }));
    root.append(this.container);
  }

  receive(m: HostToViewerMessage): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'viewer/image':
        if (!m.info) return this.showMessage(m.error ?? 'The frames cannot be shown.');
        // Also sent again when the file changed on disk: drop cached frames, keep the place.
        this.info = m.info;
        this.store.clear();
        this.stats = undefined;
        this.histogramCache = undefined;
        this.loaded = undefined;
        if (m.info.frameRate) this.cine.setFps(m.info.frameRate);
        this.controls.setPlaying(this.cine.playing, this.cine.fps);
        void this.showFrame(Math.min(this.index, m.info.numberOfFrames - 1));
        return;
      default:
        // Frames and save results arrive as replies to this viewer's requests, not here.
        return;
    }
  }

  private async save(): Promise<void> {
    const request = { type: 'viewer/saveFrame', frame: this.index, window: this.window ? { ...this.window } : null, voiLutIndex: this.voiLut, invert: this.invert } as const;
    const m = await this.port.request<SaveResultMessage>(request).catch((error: Error): SaveResultMessage => ({ type: 'viewer/saved', path: null, error: error.message }));
    this.status.textContent = m.error ? `Could not save: ${m.error}` : m.path ? `Saved ${m.path}` : '';
  }

  private async showFrame(index: number): Promise<void> {
    const count = this.info?.numberOfFrames ?? 1;
    if (index !== this.index) this.direction = index > this.index ? 1 : -1;
    this.index = Math.min(count - 1, Math.max(0, index));
    this.controls.setFrames(this.index, count);
    this.root.dataset.frame = String(this.index);
    const wanted = this.index;
    try {
      const loaded = await this.store.get(wanted);
      if (wanted !== this.index) return; // the user moved on while this frame loaded
      this.loaded = loaded;
      this.message.hidden = true;
      // Drawn at once, not on the next animation frame: cine would otherwise skip frames.
      this.render();
    } catch (error) {
      if (wanted === this.index) this.showMessage(`Frame ${wanted + 1}: ${(error as Error).message}`);
    }
    this.store.prefetch(prefetchOrder(this.index, count, this.cine.playing ? Math.max(PREFETCH_RADIUS, Math.ceil(this.cine.fps / 2)) : PREFETCH_RADIUS, this.direction));
  }

  private setWindow(w: WindowLevel): void {
    if (!Number.isFinite(w.center) || !Number.isFinite(w.width)) return;
    this.window = { center: w.center, width: Math.max(w.width, 1e-6) };
    this.voiLut = null;
    this.scheduleRender();
  }

  private reset(): void {
    this.window = null;
    this.voiLut = null;
    this.invert = false;
    this.controls.setInvert(false);
    this.canvas.fit();
    this.scheduleRender();
  }

  private togglePlay(): void {
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
    });
  }

  /**
   * Renders through the core pipeline: colour frames via renderFrame, grey frames via the same
   * VOI choice and lookup table, written straight into the canvas as RGBA.
   */
  private render(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const { frame, settings } = loaded;
    const completeRows = loaded.partial?.completeRows;
    const grey = isGreyscale(frame);
    this.controls.setGreyscale(grey);
    this.histogram.canvas.hidden = !grey;
    let voi;
    try {
      if (grey) {
        const stats = this.frameStats()!;
        const window = this.window ?? undefined;
        const voiLutIndex = this.voiLut ?? undefined;
        voi = window || settings.windows.length || settings.voiLuts.length ? chooseVoi(frame, settings, { window, voiLutIndex }) : minMaxWindow(stats.min, stats.max);
        const params = { modality: settings.modality, voi, inverted: (frame.photometric === 'MONOCHROME1') !== this.invert };
        const lut = this.table.rgbaTable(stats.table.min, stats.table.max, params);
        if (lut) {
          this.canvas.show({ kind: 'grey', width: frame.width, height: frame.height, samples: frame.samples, table: lut.table, first: lut.first, completeRows });
        } else {
          const words = new Uint32Array(frame.width * frame.height);
          this.table.applyRgba(frame.samples, stats.table.min, stats.table.max, params, words);
          this.canvas.show({ kind: 'rgba', width: frame.width, height: frame.height, words, completeRows });
        }
      } else {
        const image = renderFrame(frame, settings, { invert: this.invert });
        this.canvas.show({ kind: 'rgba', width: frame.width, height: frame.height, words: toRgbaWords(image.data, image.channels, frame.width * frame.height), completeRows });
      }
      this.message.hidden = true;
      this.showPartial(loaded);
    } catch (error) {
      this.showMessage((error as Error).message);
      return;
    }
    this.renders++;
    this.root.dataset.renders = String(this.renders);
    if (!grey || !voi) {
      this.histogramCache = undefined;
      return this.histogram.update(undefined, undefined);
    }
    const stats = this.frameStats()!;
    const shown = voi.kind === 'window' ? { center: voi.center, width: voi.width } : minMaxWindow(stats.min, stats.max);
    this.shownWindow = shown;
    this.root.dataset.center = String(shown.center);
    this.root.dataset.width = String(shown.width);
    this.controls.setWindow(shown.center, shown.width, { min: stats.min, max: stats.max });
    this.updateHistogram(shown);
    const mmw = minMaxWindow(stats.min, stats.max);
    const presets = windowPresets(settings.windows, { center: mmw.center, width: mmw.width }, settings.modalityName, settings.voiLuts.map((l) => l.explanation));
    const selected = (voi.kind === 'lut' ? presets.find((p) => p.source === 'lut' && settings.voiLuts[p.voiLutIndex!] === voi.lut) : presets.find((p) => p.center === shown.center && p.width === shown.width))?.id ?? null;
    // Rebuilding the options is costly; do it only when the list or the selection changes.
    const key = JSON.stringify([presets, selected]);
    if (key !== this.presetKey) {
      this.presetKey = key;
      this.presetList = presets;
      this.controls.setPresets(presets, selected);
    }
  }

  /** Per-frame figures needed for every render: one pass over the samples, once per frame. */
  private frameStats(): typeof this.stats {
    const loaded = this.loaded;
    if (!loaded || !isGreyscale(loaded.frame)) return undefined;
    if (this.stats?.index !== loaded.index) {
      // Rows missing from a frame cut short read as zeros: they must not stretch the min-max window.
      const { min, max } = modalityMinMax(presentRows(loaded), loaded.settings.modality);
      this.stats = { index: loaded.index, min, max, table: tableRange(loaded.frame) };
    }
    return this.stats;
  }

  /** Says which rows a frame cut short lacks (and clears the note for a whole frame). */
  private showPartial(loaded: LoadedFrame): void {
    if (loaded.partial) this.root.dataset.completeRows = String(loaded.partial.completeRows);
    else delete this.root.dataset.completeRows;
    this.partialNote.textContent = loaded.partial?.message ?? '';
    this.partialNote.hidden = !loaded.partial;
  }

  /**
   * The histogram costs two more passes, so it is computed after the frame is on screen, and
   * not at all while cine plays (it is drawn when playback stops).
   */
  private updateHistogram(shown: WindowLevel): void {
    const loaded = this.loaded;
    if (!loaded) return;
    if (this.histogramCache?.index === loaded.index) {
      this.histogram.update(this.histogramCache.histogram, shown);
      return;
    }
    if (this.cine.playing) return;
    setTimeout(() => {
      if (this.loaded !== loaded || this.cine.playing) return;
      this.histogramCache = { index: loaded.index, histogram: modalityHistogram(presentRows(loaded).samples, loaded.settings.modality) };
      this.histogram.update(this.histogramCache.histogram, this.shownWindow);
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
    if (!isGreyscale(frame)) {
      const s = frame.samples;
      this.readout.textContent = `x ${p.x}  y ${p.y}  RGB ${s[i * 3]} ${s[i * 3 + 1]} ${s[i * 3 + 2]}`;
      return;
    }
    const stored = frame.samples[i];
    const value = modalityValue(settings.modality, stored);
    const unit = settings.modality.unit ? ` ${settings.modality.unit}` : '';
    let grey = '';
    try {
      const voi = chooseVoi(frame, settings, { window: this.window ?? undefined, voiLutIndex: this.voiLut ?? undefined });
      grey = `  grey ${this.table.greyOf(stored, { modality: settings.modality, voi, inverted: (frame.photometric === 'MONOCHROME1') !== this.invert })}`;
    } catch {
      // An unusable window is already reported on the image.
    }
    this.readout.textContent = `x ${p.x}  y ${p.y}  stored ${stored}  value ${formatValue(value)}${unit}${grey}`;
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  private key(e: KeyboardEvent): void {
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
      case 'i': case 'I': this.invert = !this.invert; this.controls.setInvert(this.invert); return this.scheduleRender();
      case 'r': case 'R': return this.reset();
      case 'f': case 'F': return this.canvas.fit();
      case '1': return this.canvas.actualSize();
      case '+': case '=': return this.canvas.zoom(1.25);
      case '-': return this.canvas.zoom(0.8);
    }
  }

  dispose(): void {
    this.cine.stop();
    this.canvas.dispose();
    this.container.remove();
  }
}
