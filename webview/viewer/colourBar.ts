/**
 * The colour bar beside the image: the colour map from the lowest grey (bottom) to the highest
 * (top), labelled with the modality values at the ends (the window's edges, or the equalised
 * range) and their unit.
 */
import { colourMapRgb, type ColourMapName } from '../../src/core/display/colourMaps';
import { el } from './dom';
import { formatValue } from './viewerMath';

const HEIGHT = 256;

export class ColourBar {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly top: HTMLElement;
  private readonly bottom: HTMLElement;
  /** What is drawn: renders that change nothing here (cine) draw nothing. */
  private drawn = '';

  constructor() {
    this.canvas = el('canvas', { className: 'dv-colourbar-ramp', attrs: { width: '1', height: String(HEIGHT), role: 'img', 'aria-label': 'Colour bar' } });
    this.top = el('span', { className: 'dv-colourbar-label' });
    this.bottom = el('span', { className: 'dv-colourbar-label' });
    this.root = el('div', { className: 'dv-colourbar', attrs: { 'data-control': 'colourbar' } }, [this.top, this.canvas, this.bottom]);
  }

  /** Draws the map; `inverted` puts the lowest value at the top (MONOCHROME1 or the user's invert). */
  update(name: ColourMapName, lower: number, upper: number, unit: string, inverted: boolean): void {
    const key = `${name} ${lower} ${upper} ${unit} ${inverted}`;
    if (key === this.drawn) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    this.drawn = key;
    const rgb = colourMapRgb(name);
    const image = ctx.createImageData(1, HEIGHT);
    for (let y = 0; y < HEIGHT; y++) {
      const g = 255 - y; // top row = grey 255
      image.data.set([rgb[g * 3], rgb[g * 3 + 1], rgb[g * 3 + 2], 255], y * 4);
    }
    ctx.putImageData(image, 0, 0);
    const u = unit ? ` ${unit}` : '';
    this.top.textContent = `${formatValue(inverted ? lower : upper)}${u}`;
    this.bottom.textContent = `${formatValue(inverted ? upper : lower)}${u}`;
    this.root.dataset.map = name;
  }
}
