/**
 * The line above a series stack's image that says which instance the frame on screen comes
 * from (file, Instance Number, place along the normal) and how the series is ordered; the
 * file name opens that file in its own editor. It follows the viewer's `data-frame`, so the
 * viewer itself knows nothing of stacks.
 */
import type { StackView } from '../../src/shared/stackProtocol';
import { element } from './dom';

export class StackBar {
  readonly root = element('div', { className: 'stack-bar', attributes: { role: 'status', 'aria-live': 'polite' } });
  private readonly place = element('span', { className: 'stack-place' });
  private readonly file = element('button', { className: 'offset-link stack-file', attributes: { type: 'button', title: 'Open this instance in its own editor' } });
  private readonly details = element('span', { className: 'stack-details' });
  private readonly ordering = element('span', { className: 'stack-ordering' });
  private observer: MutationObserver | undefined;
  private stack: StackView | undefined;
  private viewerRoot: HTMLElement | undefined;

  constructor(openInstance: (frame: number) => void) {
    this.root.append(this.place, this.file, this.details, this.ordering);
    this.file.addEventListener('click', () => openInstance(this.frame()));
  }

  /** Shows `stack` and follows the frame the viewer mounted on `viewerRoot` shows. */
  show(stack: StackView, viewerRoot: HTMLElement): HTMLElement {
    this.stack = stack;
    if (this.viewerRoot !== viewerRoot) {
      this.observer?.disconnect();
      this.observer = new MutationObserver(() => this.update());
      this.observer.observe(viewerRoot, { attributes: true, attributeFilter: ['data-frame'] });
      this.viewerRoot = viewerRoot;
    }
    this.ordering.textContent = `Ordered ${stack.ordering}`;
    this.update();
    return this.root;
  }

  private frame(): number {
    return Number(this.viewerRoot?.dataset.frame ?? 0) || 0;
  }

  private update(): void {
    const entry = this.stack?.frames[this.frame()];
    if (!this.stack || !entry) return;
    this.place.textContent = `Instance ${entry.instance + 1} of ${this.stack.instances}:`;
    this.file.textContent = entry.fileName;
    const parts = [
      entry.frames > 1 ? `frame ${entry.frame + 1} of ${entry.frames}` : '',
      entry.instanceNumber ? `Instance Number ${entry.instanceNumber}` : 'no Instance Number',
      entry.along !== null ? `${entry.along.toFixed(2)} mm along the normal` : '',
    ];
    this.details.textContent = parts.filter(Boolean).join(' · ');
    this.root.dataset.instance = String(entry.instance);
    this.root.dataset.file = entry.fileName;
  }
}
