/**
 * The side panel's modality-value histogram of the frame shown. It costs two more passes over
 * the samples, so it is computed after the frame is on screen, cached per frame and bin count,
 * and not computed at all while cine plays (it is drawn when playback stops).
 */
import { modalityHistogram, type Histogram } from '../../src/core/display/histogram';
import type { ValueRange } from '../../src/core/display/valueRange';
import type { LoadedFrame } from './frameStore';
import type { SidePanel } from './sidePanel';
import type { WindowLevel } from './viewerMath';
import { presentRows } from './windowing';

export class FrameHistogram {
  private cache: { index: number; bins: number; histogram: Histogram } | undefined;

  constructor(private readonly side: SidePanel) {}

  /** Forgets the cached histogram (new image, new bin count, or no greyscale frame). */
  invalidate(): void {
    this.cache = undefined;
  }

  /** Shows nothing (a colour frame, or no window). */
  clear(): void {
    this.cache = undefined;
    this.side.histogram.update(undefined, undefined, null);
  }

  /** Draws the histogram with the window and range; `current` re-reads them when the deferred pass ends. */
  update(loaded: LoadedFrame, shown: WindowLevel, range: ValueRange | null, current: () => { loaded: LoadedFrame | undefined; playing: boolean; shown: WindowLevel | undefined; range: ValueRange | null }): void {
    const bins = this.side.histogramBins();
    if (this.cache?.index === loaded.index && this.cache.bins === bins) {
      this.side.histogram.update(this.cache.histogram, shown, range);
      return;
    }
    if (current().playing) return;
    setTimeout(() => {
      const now = current();
      if (now.loaded !== loaded || now.playing) return;
      this.cache = { index: loaded.index, bins, histogram: modalityHistogram(presentRows(loaded).samples, loaded.settings.modality, bins, loaded.settings.padding) };
      this.side.histogram.update(this.cache.histogram, now.shown, now.range);
    }, 0);
  }
}
