/**
 * The viewer's page layout: toolbar on top; the image stage (with the readout over it, the
 * colour bar and the frame grid) and the side panel fill the window's height; the frame bar
 * sits under the image and the status line at the bottom, so every control is on screen
 * without scrolling. Also the message and partial-frame note shown above the image.
 */
import type { ViewerControls } from './controls';
import { el } from './dom';
import type { LoadedFrame } from './frameStore';
import type { SidePanel } from './sidePanel';

/** The image never gets shorter than this, however little room the window leaves. */
const MIN_STAGE_HEIGHT = 240;

export class ViewerLayout {
  readonly container: HTMLElement;
  readonly stage: HTMLElement;
  readonly readout: HTMLElement;
  readonly status: HTMLElement;
  private readonly message: HTMLElement;
  /** The issue of a frame cut short, shown above the image (which stays usable). */
  private readonly partialNote: HTMLElement;
  private readonly toolbarObserver: ResizeObserver;
  private readonly onResize: () => void;

  /** `stageLayers` sit over the image; `fitted` runs after each fit (the grid redraws to the new size). */
  constructor(private readonly root: HTMLElement, private readonly controls: ViewerControls, private readonly side: SidePanel, stageLayers: HTMLElement[], private readonly fitted: () => void) {
    this.stage = el('div', { className: 'dv-stage' });
    this.message = el('div', { className: 'dv-message', attrs: { role: 'alert' } });
    this.message.hidden = true;
    this.partialNote = el('div', { className: 'dv-partial', attrs: { role: 'status' } });
    this.partialNote.hidden = true;
    this.readout = el('div', { className: 'dv-readout', attrs: { 'aria-live': 'off' } });
    this.stage.append(this.message, this.readout, ...stageLayers);
    this.status = el('div', { className: 'dv-status', attrs: { 'aria-live': 'polite' } });
    const main = el('div', { className: 'dv-main' }, [this.stage, controls.frameBar]);
    this.container = el('div', { className: 'dv-root', attrs: { tabindex: '0', 'aria-label': 'Frame viewer' } }, [
      controls.toolbar,
      this.partialNote,
      el('div', { className: 'dv-body' }, [main, side.root]),
      this.status,
    ]);
    // The canvas cancels pointerdown's default (no text selection while dragging), which would
    // also keep the focus away; take it so the arrow keys step frames after a click.
    this.stage.addEventListener('pointerdown', () => this.container.focus({ preventScroll: true }));
    this.onResize = () => this.fit();
    window.addEventListener('resize', this.onResize);
    // The column narrows when the Bytes pane opens beside it: the toolbar wraps and the image
    // must start lower, so a change of the toolbar's size fits the image again.
    this.toolbarObserver = new ResizeObserver(this.onResize);
    this.toolbarObserver.observe(controls.toolbar);
  }

  /** Puts the viewer on the page and fits it on the next animation frame. */
  attach(): void {
    this.root.append(this.container);
    this.fitSoon();
  }

  fitSoon(): void {
    requestAnimationFrame(this.onResize);
  }

  /** The image and side panel take the height left in the window, so nothing sits below the fold. */
  fit(): void {
    const frameBar = this.controls.frameBar.hidden ? 0 : this.controls.frameBar.getBoundingClientRect().height + 6;
    const top = this.stage.getBoundingClientRect().top + window.scrollY;
    const below = frameBar + this.status.getBoundingClientRect().height + 16;
    const height = Math.max(MIN_STAGE_HEIGHT, Math.floor(window.innerHeight - top - below));
    this.stage.style.height = `${height}px`;
    this.side.root.style.maxHeight = `${height + frameBar}px`;
    this.fitted();
  }

  showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  hideMessage(): void {
    this.message.hidden = true;
  }

  /** Says which rows a frame cut short lacks (and clears the note for a whole frame). */
  showPartial(loaded: LoadedFrame): void {
    if (loaded.partial) this.root.dataset.completeRows = String(loaded.partial.completeRows);
    else delete this.root.dataset.completeRows;
    this.partialNote.textContent = loaded.partial?.message ?? '';
    this.partialNote.hidden = !loaded.partial;
  }

  dispose(): void {
    window.removeEventListener('resize', this.onResize);
    this.toolbarObserver.disconnect();
    this.container.remove();
  }
}
