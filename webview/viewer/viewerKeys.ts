/**
 * The viewer's keyboard: arrows and Page Up/Down step frames, Home/End jump to the ends, Space
 * plays, Escape clears measurements, I inverts, O shows or hides overlay planes, R resets,
 * F fits, G toggles the frame grid, 1 shows actual size, + and - zoom. Keys typed into a field belong to the field.
 */
import { stepFrame } from './viewerMath';

export interface ViewerKeyActions {
  readonly index: number;
  readonly count: number;
  goTo(index: number): void;
  togglePlay(): void;
  clearMeasurements(): void;
  toggleInvert(): void;
  toggleOverlays(): void;
  reset(): void;
  fit(): void;
  toggleGrid(): void;
  actualSize(): void;
  zoom(factor: number): void;
}

export function handleViewerKey(e: KeyboardEvent, container: HTMLElement, a: ViewerKeyActions): void {
  const target = e.target as HTMLElement | null;
  if (target && target !== container && /^(VSCODE-TEXTFIELD|VSCODE-SINGLE-SELECT|INPUT)$/.test(target.tagName)) return;
  const go = (i: number): void => {
    e.preventDefault();
    a.goTo(i);
  };
  switch (e.key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': return go(stepFrame(a.index, e.key === 'PageDown' ? 10 : 1, a.count));
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': return go(stepFrame(a.index, e.key === 'PageUp' ? -10 : -1, a.count));
    case 'Home': return go(0);
    case 'End': return go(a.count - 1);
    case ' ': e.preventDefault(); return a.togglePlay();
    case 'Escape': return a.clearMeasurements();
    case 'i': case 'I': return a.toggleInvert();
    case 'o': case 'O': return a.toggleOverlays();
    case 'r': case 'R': return a.reset();
    case 'f': case 'F': return a.fit();
    case 'g': case 'G': return a.count > 1 ? a.toggleGrid() : undefined;
    case '1': return a.actualSize();
    case '+': case '=': return a.zoom(1.25);
    case '-': return a.zoom(0.8);
  }
}
