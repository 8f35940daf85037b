/**
 * Tabs over the editor's left column (image, element list): each gets the column's whole
 * height beside the Bytes pane, which a 1440×900 window has no room to split three ways.
 */
import { element } from './dom';

export interface Tab {
  readonly id: string;
  readonly title: string;
  readonly content: HTMLElement;
}

export class PaneTabs {
  readonly root: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly body: HTMLElement;
  private chosen: string | null = null;

  /**
   * `trailing`: kept at the end of the tab bar (the Bytes pane's toggle). `onChoose`: the user
   * brought a tab to the front (the page keeps the choice for the workspace).
   */
  constructor(
    private readonly trailing?: HTMLElement,
    private readonly onChoose?: (id: string) => void,
    /** Any tab came to the front, chosen or shown first (the page arranges its panes for it). */
    private readonly onFront?: (id: string) => void,
  ) {
    this.bar = element('div', { className: 'pane-tabs', attributes: { role: 'tablist' } });
    this.body = element('div', { className: 'pane-tab-body' });
    this.root = element('div', { className: 'pane-column' }, [this.bar, this.body]);
  }

  /** Shows `tabs`, keeping the tab chosen before when it is still there. */
  show(tabs: readonly Tab[]): void {
    const active = tabs.find((tab) => tab.id === this.chosen) ?? tabs[0];
    this.bar.replaceChildren(
      ...tabs.map((tab) => {
        const button = element('button', { className: 'pane-tab', text: tab.title, attributes: { role: 'tab', type: 'button', 'aria-selected': String(tab === active), 'data-tab': tab.id } });
        button.addEventListener('click', () => {
          this.chosen = tab.id;
          this.show(tabs);
          this.onChoose?.(tab.id);
        });
        return button;
      }),
      ...(this.trailing ? [this.trailing] : []),
    );
    for (const tab of tabs) tab.content.hidden = tab !== active;
    this.body.replaceChildren(...tabs.map((tab) => tab.content));
    if (active) this.onFront?.(active.id);
  }

  /** The tab to bring to the front when the next `show` has it (a layout kept from before). */
  prefer(id: string): void {
    this.chosen = id;
  }

  /** Brings a tab to the front (a selection in the element list shows the list). */
  reveal(id: string, tabs: readonly Tab[]): void {
    this.chosen = id;
    this.show(tabs);
  }
}
