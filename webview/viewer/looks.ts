/**
 * The viewer's display look for greyscale frames: colour map, value range mask and equalised
 * display, with the equalisation breaks cached on what they come from (the frame's or the
 * series' stored-value counts and the bin count), so a new bin count costs no pass over pixels.
 */
import type { ColourMapName } from '../../src/core/display/colourMaps';
import type { DisplayLook } from '../../src/core/display/displayLook';
import { freqhistBreaks, storedValueCounts } from '../../src/core/display/equalise';
import { tableRange } from '../../src/core/display/renderFrame';
import type { ValueRange } from '../../src/core/display/valueRange';
import type { LoadedFrame } from './frameStore';
import type { SeriesStats } from './seriesStats';
import type { WindowLevel } from './viewerMath';

export class Looks {
  colourMap: ColourMapName = 'gray';
  range: ValueRange | null = null;
  equalise: { bins: number; fromSeries: boolean } | null = null;
  private breaksCache: { key: string; breaks: number[] } | undefined;
  /** The frame's stored-value counts: a new bin count then needs no new pass over the pixels. */
  private countsCache: { key: string; counts: Float64Array } | undefined;

  /** A new image (or the file changed on disk): cached counts and breaks no longer apply. */
  newImage(): void {
    this.breaksCache = undefined;
    this.countsCache = undefined;
  }

  reset(): void {
    this.colourMap = 'gray';
    this.range = null;
    this.equalise = null;
  }

  look(loaded: LoadedFrame, series: SeriesStats | null): DisplayLook {
    return { colourMap: this.colourMap, range: this.range, equalise: this.equalise ? this.breaks(loaded, series, this.equalise.bins, this.equalise.fromSeries) : null };
  }

  /** The modality values at the colour bar's ends: the equalisation's, else the window's edges. */
  colourBarBounds(loaded: LoadedFrame, series: SeriesStats | null, shown: WindowLevel): { lower: number; upper: number } {
    const breaks = this.equalise ? this.breaks(loaded, series, this.equalise.bins, this.equalise.fromSeries) : null;
    return breaks ? { lower: breaks[0], upper: breaks[breaks.length - 1] } : { lower: shown.center - shown.width / 2, upper: shown.center + shown.width / 2 };
  }

  /** Equalisation breaks from the series' counts or the frame's, cached on what they come from. */
  private breaks(loaded: LoadedFrame, seriesStats: SeriesStats | null, bins: number, fromSeries: boolean): number[] {
    const series = fromSeries && seriesStats?.counts ? seriesStats : null;
    const key = `${series ? 'series' : loaded.index}:${bins}`;
    if (this.breaksCache?.key !== key) {
      const { min, max } = tableRange(loaded.frame);
      const frameKey = String(loaded.index);
      if (!series && this.countsCache?.key !== frameKey) this.countsCache = { key: frameKey, counts: storedValueCounts(loaded.frame.samples, min, max - min + 1) };
      const counts = series ? series.counts! : this.countsCache!.counts;
      this.breaksCache = { key, breaks: freqhistBreaks(counts, series ? series.first : min, loaded.settings.modality, bins) };
    }
    return this.breaksCache.breaks;
  }
}
