/**
 * The panel beside the image: the HU histogram (bins, log scale), the value range mask, the
 * equalised display, and the measuring tools with their results.
 */
import { parseValueRange, VALUE_RANGE_PRESETS, type ValueRange } from '../../src/core/display/valueRange';
import { button, checkbox, numberField, select, type CheckElement, type ValueElement } from './controls';
import { el } from './dom';
import { HistogramView } from './histogramView';
import type { CanvasTool } from './imageCanvas';
import type { WindowLevel } from './viewerMath';

export interface SidePanelEvents {
  onHistogramWindow(w: WindowLevel): void;
  onHistogramBins(bins: number): void;
  onRange(range: ValueRange | null): void;
  onEqualise(on: boolean, bins: number, fromSeries: boolean): void;
  onTool(tool: CanvasTool): void;
  onClearMeasurements(): void;
}

const TOOLS: readonly { tool: CanvasTool; label: string; title: string }[] = [
  { tool: 'window', label: 'W/L', title: 'Drag on the image to change the window' },
  { tool: 'rectangle', label: '▭', title: 'Rectangle ROI: mean, SD, min, max, area' },
  { tool: 'ellipse', label: '◯', title: 'Ellipse ROI: mean, SD, min, max, area' },
  { tool: 'line', label: '╱', title: 'Distance in mm' },
];

export class SidePanel {
  readonly root: HTMLElement;
  readonly histogram: HistogramView;
  private readonly bins: ValueElement;
  private readonly rangePreset: ValueElement;
  private readonly rangeMin: ValueElement;
  private readonly rangeMax: ValueElement;
  private readonly equalise: CheckElement;
  private readonly equaliseBins: ValueElement;
  private readonly equaliseSeries: CheckElement;
  private readonly toolButtons = new Map<CanvasTool, HTMLElement>();
  private readonly results: HTMLElement;
  private readonly greyOnly: HTMLElement[];

  constructor(private readonly events: SidePanelEvents) {
    this.histogram = new HistogramView((w) => events.onHistogramWindow(w));
    this.bins = numberField('Histogram bins', (v) => events.onHistogramBins(Math.round(v)), { 'data-control': 'histogram-bins' });
    this.bins.value = '128';
    const log = checkbox('Log', 'Counts on a log scale', (on) => this.histogram.setLog(on), { 'data-control': 'histogram-log' });
    log.checked = true;

    this.rangeMin = numberField('Lowest value shown', () => this.rangeTyped(), { 'data-control': 'range-min', placeholder: 'min' });
    this.rangeMax = numberField('Highest value shown', () => this.rangeTyped(), { 'data-control': 'range-max', placeholder: 'max' });
    this.rangePreset = select(
      'Value range: show only pixels inside it',
      [{ value: '', label: 'All values' }, ...VALUE_RANGE_PRESETS.map((p) => ({ value: p.id, label: p.label }))],
      (id) => {
        const p = VALUE_RANGE_PRESETS.find((x) => x.id === id);
        this.rangeMin.value = p ? String(p.min) : '';
        this.rangeMax.value = p ? String(p.max) : '';
        events.onRange(p ? { min: p.min, max: p.max } : null);
      },
      { 'data-control': 'range' },
    );
    this.rangePreset.value = '';

    this.equaliseBins = numberField('Equalisation bins', () => this.equaliseChanged(), { 'data-control': 'equalise-bins' });
    this.equaliseBins.value = '100';
    this.equalise = checkbox('Equalise', 'Histogram-equalised display (fastai hist_scaled) instead of the window', () => this.equaliseChanged(), { 'data-control': 'equalise' });
    this.equaliseSeries = checkbox('Series', 'Equalise over the series (sampled frames) rather than this frame', () => this.equaliseChanged());

    const tools = TOOLS.map(({ tool, label, title }) => {
      const b = button(label, title, () => events.onTool(tool), { 'data-tool': tool, 'aria-pressed': 'false' });
      this.toolButtons.set(tool, b);
      return b;
    });
    this.results = el('div', { className: 'dv-results', attrs: { 'aria-live': 'polite', 'data-control': 'measurements' } });
    const histogramBox = el('div', { className: 'dv-panel-row' }, [el('span', { text: 'Bins' }), this.bins, log]);
    const rangeBox = el('div', { className: 'dv-panel-block' }, [
      el('div', { className: 'dv-panel-title', text: 'Value range' }),
      this.rangePreset,
      el('div', { className: 'dv-panel-row' }, [this.rangeMin, el('span', { text: 'to' }), this.rangeMax]),
    ]);
    const equaliseBox = el('div', { className: 'dv-panel-row' }, [this.equalise, this.equaliseBins, el('span', { text: 'bins' }), this.equaliseSeries]);
    const measureBox = el('div', { className: 'dv-panel-block' }, [
      el('div', { className: 'dv-panel-title', text: 'Measure (Esc clears)' }),
      el('div', { className: 'dv-panel-row' }, [...tools, button('Clear', 'Clear measurements (Esc)', events.onClearMeasurements)]),
      this.results,
    ]);
    this.greyOnly = [this.histogram.canvas, histogramBox, rangeBox, equaliseBox];
    this.root = el('aside', { className: 'dv-side', attrs: { 'aria-label': 'Histogram, value range, equalisation and measuring' } }, [
      this.histogram.canvas,
      histogramBox,
      rangeBox,
      equaliseBox,
      measureBox,
    ]);
    this.setTool('window');
  }

  histogramBins(): number {
    const v = Math.round(Number(this.bins.value));
    return Number.isFinite(v) && v >= 2 ? Math.min(v, 4096) : 128;
  }

  setGreyscale(grey: boolean): void {
    for (const node of this.greyOnly) node.hidden = !grey;
  }

  setTool(tool: CanvasTool): void {
    for (const [t, b] of this.toolButtons) {
      b.setAttribute('aria-pressed', String(t === tool));
      if (t === tool) b.removeAttribute('secondary');
      else b.setAttribute('secondary', '');
    }
  }

  setResults(lines: readonly string[]): void {
    this.results.replaceChildren(...lines.map((l) => el('div', { text: l })));
  }

  reset(): void {
    this.rangePreset.value = '';
    this.rangeMin.value = '';
    this.rangeMax.value = '';
    this.equalise.checked = false;
  }

  private rangeTyped(): void {
    const range = parseValueRange(this.rangeMin.value, this.rangeMax.value);
    if (!range) return;
    const preset = VALUE_RANGE_PRESETS.find((p) => p.min === range.min && p.max === range.max);
    this.rangePreset.value = preset?.id ?? '';
    this.events.onRange(range);
  }

  private equaliseChanged(): void {
    const bins = Math.round(Number(this.equaliseBins.value));
    this.events.onEqualise(this.equalise.checked, Number.isFinite(bins) && bins >= 2 ? Math.min(bins, 4096) : 100, this.equaliseSeries.checked);
  }
}
