/**
 * The viewer's toolbar and frame bar, built from @vscode-elements/elements (themed by VS Code)
 * plus a native range input for the frame slider (the element set has no slider). Each control
 * reports through a callback; the viewer pushes state back with the `set...` methods.
 */
import { COLOUR_MAP_NAMES, type ColourMapName } from '../../src/core/display/colourMaps';
import type { WindowPreset } from '../../src/core/display/presets';
import { custom, el } from './dom';
import { formatWindowValue } from './viewerMath';

/** The presets box's entry for a window that matches no preset (dragged or typed). */
const CUSTOM = 'custom';

export interface ControlEvents {
  onWindow(center: number, width: number): void;
  onPreset(id: string): void;
  onColourMap(name: ColourMapName): void;
  onInvert(inverted: boolean): void;
  onFit(): void;
  onActualSize(): void;
  onReset(): void;
  onSave(): void;
  onSaveAll(): void;
  onFrame(index: number): void;
  onPlay(): void;
  onFps(fps: number): void;
  onGrid(show: boolean, count: number): void;
  onOverlays(show: boolean): void;
}

export type ValueElement = HTMLElement & { value: string };
export type CheckElement = HTMLElement & { checked: boolean };

/** A text field reporting finite numbers on change (Enter or blur). */
export function numberField(label: string, onChange: (v: number) => void, attrs: Record<string, string> = {}): ValueElement {
  // A text field rather than type=number: its step validation marks fractional windows invalid.
  const field = custom('vscode-textfield', { inputmode: 'decimal', 'aria-label': label, title: label, ...attrs }) as ValueElement;
  field.addEventListener('change', () => {
    const v = Number(field.value);
    if (field.value.trim() !== '' && Number.isFinite(v)) onChange(v);
  });
  return field;
}

export function button(text: string, title: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
  const b = custom('vscode-button', { secondary: '', title, ...attrs }, [text]);
  b.addEventListener('click', onClick);
  return b;
}

export function checkbox(label: string, title: string, onChange: (checked: boolean) => void, attrs: Record<string, string> = {}): CheckElement {
  const box = custom('vscode-checkbox', { label, title, ...attrs }) as CheckElement;
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

/** A single-select whose options are (value, label, description); the value is set once the options are in. */
export function select(label: string, options: readonly { value: string; label: string; description?: string }[], onChange: (value: string) => void, attrs: Record<string, string> = {}): ValueElement {
  const node = custom('vscode-single-select', { 'aria-label': label, title: label, ...attrs }) as ValueElement;
  node.append(...options.map((o) => custom('vscode-option', { value: o.value, ...(o.description ? { description: o.description } : {}) }, [o.label])));
  node.addEventListener('change', () => onChange(node.value));
  return node;
}

export class ViewerControls {
  readonly toolbar: HTMLElement;
  readonly frameBar: HTMLElement;
  private readonly center: ValueElement;
  private readonly width: ValueElement;
  private readonly presets: ValueElement;
  private readonly colourMap: ValueElement;
  private readonly invert: CheckElement;
  private readonly overlays: CheckElement;
  private readonly frameRange: HTMLInputElement;
  private readonly frameLabel: HTMLElement;
  private readonly play: HTMLElement;
  private readonly fps: ValueElement;
  private readonly cineGroup: HTMLElement;
  private readonly gridToggle: CheckElement;
  private readonly gridCount: ValueElement;
  private readonly saveAll: HTMLElement;
  private readonly greyOnly: HTMLElement[];
  private current = { center: 0, width: 1 };
  private presetKey = '';
  /** Lower-case option labels, for a name typed into the presets box. */
  private presetLabels: { id: string; label: string }[] = [];

  constructor(events: ControlEvents) {
    this.center = numberField('Window center (type a value, Enter)', (v) => events.onWindow(v, this.current.width), { 'data-control': 'center' });
    this.width = numberField('Window width (type a value, Enter)', (v) => events.onWindow(this.current.center, v), { 'data-control': 'width' });
    // A combobox: type a preset's name and press Enter, or pick it from the list.
    this.presets = custom('vscode-single-select', { combobox: '', 'aria-label': 'Window presets (type a name, Enter)', title: 'Window presets: type a name and press Enter', 'data-control': 'presets' }) as ValueElement;
    this.presets.addEventListener('change', () => {
      if (this.presets.value && this.presets.value !== CUSTOM) events.onPreset(this.presets.value);
    });
    // The element selects on Enter only after an arrow key; a typed name alone should do.
    this.presets.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const typed = (this.presets.shadowRoot?.querySelector('input')?.value ?? '').trim().toLowerCase();
      const match = typed ? this.presetLabels.find((p) => p.label.startsWith(typed)) ?? this.presetLabels.find((p) => p.label.includes(typed)) : undefined;
      if (match) events.onPreset(match.id);
    }, true);
    this.colourMap = select('Colour map', COLOUR_MAP_NAMES.map((n) => ({ value: n, label: n })), (v) => events.onColourMap(v as ColourMapName), { 'data-control': 'colourmap' });
    this.colourMap.value = 'gray';
    this.invert = checkbox('Invert', 'Invert (I)', events.onInvert);
    this.overlays = checkbox('Overlays', 'Show the overlay planes (60xx) stored in the file (O)', events.onOverlays, { 'data-control': 'overlays' });
    this.overlays.hidden = true;
    const centerGroup = el('label', { className: 'dv-group' }, [el('span', { text: 'C' }), this.center]);
    const widthGroup = el('label', { className: 'dv-group' }, [el('span', { text: 'W' }), this.width]);
    const mapGroup = el('label', { className: 'dv-group' }, [el('span', { text: 'Map' }), this.colourMap]);
    this.greyOnly = [centerGroup, widthGroup, this.presets, mapGroup];
    this.saveAll = button('Save Frames…', 'Save every frame as PNG, with this display', events.onSaveAll, { 'data-action': 'save-all' });
    this.toolbar = el('div', { className: 'dv-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Viewer controls' } }, [
      centerGroup,
      widthGroup,
      this.presets,
      mapGroup,
      this.invert,
      this.overlays,
      el('div', { className: 'dv-group' }, [
        button('Fit', 'Fit to view (F, double-click)', events.onFit),
        button('1:1', 'Actual size (1)', events.onActualSize),
        button('Reset', 'Reset window, zoom, look and invert (R)', events.onReset),
        button('Save Frame', 'Save this frame as PNG, with this display (window, colour map, range, equalisation)', events.onSave, { 'data-action': 'save' }),
        this.saveAll,
      ]),
    ]);
    this.frameRange = el('input', { className: 'dv-range', attrs: { type: 'range', 'aria-label': 'Frame', title: 'Frame (arrows, Page Up/Down, Home/End)', min: '1', 'data-control': 'frame' } });
    this.frameRange.addEventListener('input', () => events.onFrame(Number(this.frameRange.value) - 1));
    this.frameLabel = el('span', { className: 'dv-status', attrs: { 'aria-live': 'polite' } });
    this.play = button('Play', 'Play / pause (Space)', events.onPlay, { 'data-control': 'play' });
    this.fps = numberField('Frames per second', (v) => events.onFps(v));
    this.cineGroup = el('div', { className: 'dv-group' }, [this.play, this.fps, el('span', { text: 'fps' })]);
    this.gridCount = numberField('Frames in the grid', (v) => events.onGrid(this.gridToggle.checked, v), { 'data-control': 'grid-count' });
    this.gridCount.value = '16';
    this.gridToggle = checkbox('Grid', 'Show several frames at once (G); click one to open it', (on) => events.onGrid(on, Number(this.gridCount.value) || 16), { 'data-control': 'grid' });
    this.frameBar = el('div', { className: 'dv-frames' }, [this.cineGroup, this.frameRange, this.frameLabel, el('div', { className: 'dv-group' }, [this.gridToggle, this.gridCount])]);
  }

  setWindow(center: number, width: number): void {
    // Setting a field's value re-validates it: skipped when nothing changed (every cine frame).
    if (center === this.current.center && width === this.current.width && this.center.value !== '') return;
    this.current = { center, width };
    this.center.value = formatWindowValue(center);
    this.width.value = formatWindowValue(width);
  }

  setPresets(presets: readonly WindowPreset[], selected: string | null): void {
    const key = JSON.stringify(presets.map((p) => [p.id, p.label, p.center, p.width]));
    if (key !== this.presetKey) {
      this.presetKey = key;
      const options = presets.map((p) => {
        // The label carries C/W so the closed box shows what the preset applies.
        const label = p.voiLutIndex === undefined ? `${p.label}  C ${formatWindowValue(p.center)} W ${formatWindowValue(p.width)}` : p.label;
        return custom('vscode-option', { value: p.id }, [label]);
      });
      this.presets.replaceChildren(custom('vscode-option', { value: CUSTOM }, ['Custom window']), ...options);
      this.presetLabels = options.map((o, i) => ({ id: presets[i].id, label: (o.textContent ?? '').toLowerCase() }));
    }
    // The element reads its options when the slot changes (a microtask later): set the value after.
    const value = selected ?? CUSTOM;
    queueMicrotask(() => {
      if (this.presets.value !== value) this.presets.value = value;
    });
  }

  setColourMap(name: ColourMapName): void {
    this.colourMap.value = name;
  }

  setInvert(inverted: boolean): void {
    this.invert.checked = inverted;
  }

  /** The overlay toggle shows only when the file has overlay planes. */
  setOverlays(available: boolean, shown: boolean): void {
    this.overlays.hidden = !available;
    this.overlays.checked = shown;
  }

  setGreyscale(grey: boolean): void {
    for (const node of this.greyOnly) node.hidden = !grey;
  }

  /** Frame controls show only for multi-frame files; cine only when frames can be drawn. */
  setFrames(index: number, count: number, drawable: boolean): void {
    this.frameBar.hidden = count <= 1;
    this.saveAll.hidden = count <= 1;
    this.cineGroup.hidden = !drawable;
    this.frameRange.max = String(count);
    this.frameRange.value = String(index + 1);
    this.frameLabel.textContent = `Frame ${index + 1} / ${count}`;
  }

  setGrid(on: boolean): void {
    this.gridToggle.checked = on;
  }

  setPlaying(playing: boolean, fps: number): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.fps.value = String(Math.round(fps * 100) / 100);
  }
}
