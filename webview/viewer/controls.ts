/**
 * The viewer's controls, built from @vscode-elements/elements (themed by VS Code) plus native
 * range inputs for the sliders (the element set has no slider). Each control reports through a
 * callback; the viewer pushes state back with the `set...` methods.
 */
import type { WindowPreset } from '../../src/core/display/presets';
import { custom, el } from './dom';

export interface ControlEvents {
  onWindow(center: number, width: number): void;
  onPreset(id: string): void;
  onInvert(inverted: boolean): void;
  onFit(): void;
  onActualSize(): void;
  onReset(): void;
  onSave(): void;
  onFrame(index: number): void;
  onPlay(): void;
  onFps(fps: number): void;
}

type ValueElement = HTMLElement & { value: string };
type CheckElement = HTMLElement & { checked: boolean };

function numberField(label: string, onChange: (v: number) => void): ValueElement {
  // A text field rather than type=number: its step validation marks fractional windows invalid.
  const field = custom('vscode-textfield', { inputmode: 'decimal', 'aria-label': label, title: label }) as ValueElement;
  field.addEventListener('change', () => {
    const v = Number(field.value);
    if (field.value.trim() !== '' && Number.isFinite(v)) onChange(v);
  });
  return field;
}

function range(label: string, onInput: (v: number) => void): HTMLInputElement {
  const input = el('input', { className: 'dv-range', attrs: { type: 'range', 'aria-label': label, title: label } });
  input.addEventListener('input', () => onInput(Number(input.value)));
  return input;
}

export class ViewerControls {
  readonly toolbar: HTMLElement;
  readonly frameBar: HTMLElement;
  private readonly center: ValueElement;
  private readonly width: ValueElement;
  private readonly centerRange: HTMLInputElement;
  private readonly widthRange: HTMLInputElement;
  private readonly presets: ValueElement;
  private readonly invert: CheckElement;
  private readonly frameRange: HTMLInputElement;
  private readonly frameLabel: HTMLElement;
  private readonly play: HTMLElement;
  private readonly fps: ValueElement;
  private readonly greyOnly: HTMLElement[];
  private current = { center: 0, width: 1 };

  constructor(events: ControlEvents) {
    this.center = numberField('Window center', (v) => events.onWindow(v, this.current.width));
    this.width = numberField('Window width', (v) => events.onWindow(this.current.center, v));
    this.centerRange = range('Window center', (v) => events.onWindow(v, this.current.width));
    this.widthRange = range('Window width', (v) => events.onWindow(this.current.center, v));
    this.presets = custom('vscode-single-select', { 'aria-label': 'Window presets', title: 'Window presets' }) as ValueElement;
    this.presets.addEventListener('change', () => {
      if (this.presets.value) events.onPreset(this.presets.value);
    });
    this.invert = custom('vscode-checkbox', { label: 'Invert', title: 'Invert (I)' }) as CheckElement;
    this.invert.addEventListener('change', () => events.onInvert(this.invert.checked));
    const button = (text: string, title: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement => {
      const b = custom('vscode-button', { secondary: '', title, ...attrs }, [text]);
      b.addEventListener('click', onClick);
      return b;
    };
    const centerGroup = el('div', { className: 'dv-group' }, [el('span', { text: 'C' }), this.center, this.centerRange]);
    const widthGroup = el('div', { className: 'dv-group' }, [el('span', { text: 'W' }), this.width, this.widthRange]);
    this.greyOnly = [centerGroup, widthGroup, this.presets];
    this.toolbar = el('div', { className: 'dv-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Viewer controls' } }, [
      centerGroup,
      widthGroup,
      this.presets,
      this.invert,
      el('div', { className: 'dv-group' }, [
        button('Fit', 'Fit to view (F, double-click)', events.onFit),
        button('1:1', 'Actual size (1)', events.onActualSize),
        button('Reset', 'Reset window, zoom and invert (R)', events.onReset),
        button('Save Frame as PNG', 'Save this frame as PNG, as `dicom-inspector render` does', events.onSave, { 'data-action': 'save' }),
      ]),
    ]);
    this.frameRange = range('Frame', (v) => events.onFrame(v - 1));
    this.frameRange.min = '1';
    this.frameLabel = el('span', { className: 'dv-status', attrs: { 'aria-live': 'polite' } });
    this.play = button('Play', 'Play / pause (Space)', events.onPlay);
    this.fps = numberField('Frames per second', (v) => events.onFps(v));
    this.frameBar = el('div', { className: 'dv-frames' }, [this.play, el('span', { text: 'fps' }), this.fps, this.frameRange, this.frameLabel]);
  }

  setWindow(center: number, width: number, range: { min: number; max: number }): void {
    this.current = { center, width };
    this.center.value = String(round(center));
    this.width.value = String(round(width));
    const span = Math.max(1, range.max - range.min);
    setRange(this.centerRange, range.min - span / 2, range.max + span / 2, center);
    setRange(this.widthRange, 1, span * 2, width);
  }

  setPresets(presets: readonly WindowPreset[], selected: string | null): void {
    const options = [custom('vscode-option', { value: '' }, ['Presets…'])];
    for (const p of presets) {
      const description = p.voiLutIndex === undefined ? `C ${round(p.center)} W ${round(p.width)}` : 'VOI LUT from the file';
      options.push(custom('vscode-option', { value: p.id, description }, [p.label]));
    }
    this.presets.replaceChildren(...options);
    this.presets.value = selected ?? '';
  }

  setInvert(inverted: boolean): void {
    this.invert.checked = inverted;
  }

  setGreyscale(grey: boolean): void {
    for (const node of this.greyOnly) node.hidden = !grey;
  }

  setFrames(index: number, count: number): void {
    this.frameBar.hidden = count <= 1;
    this.frameRange.max = String(count);
    this.frameRange.value = String(index + 1);
    this.frameLabel.textContent = `Frame ${index + 1} / ${count}`;
  }

  setPlaying(playing: boolean, fps: number): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.fps.value = String(round(fps));
  }
}

function setRange(input: HTMLInputElement, min: number, max: number, value: number): void {
  const step = (max - min) / 1000;
  input.min = String(min);
  input.max = String(max);
  input.step = String(step >= 1 ? Math.round(step) : step);
  input.value = String(value);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
