/**
 * The Report tab of the DICOM editor: a structured report read as a report. The document's
 * header and observation context on top, then the content tree with each item's relationship,
 * value type, concept name (code meaning; scheme and value on hover) and value by value type.
 * Choosing an item selects the sequence item it was read from in the DICOM Tags view, which
 * brings the element list and the Bytes pane along (the same path as an issue's offset link);
 * a selection made elsewhere is shown here when it lands on a content item.
 */
import type { ContentItem, StructuredReport } from '../../../src/core/report/reportModel';
import { headerFields } from '../../../src/core/report/reportText';
import { offsetText } from '../../../src/core/format/presentation';
import type { OffsetFormat } from '../../../src/shared/protocol';
import { element } from '../dom';
import { conceptLabel, observationLines, valueLabel } from '../../../src/core/report/reportLabels';

export interface ReportPaneEvents {
  revealOffset(offset: number): void;
  openInstance(sopInstanceUid: string): void;
  openReportText(): void;
}

const OBSERVATION_CONTEXT = 'has obs context';

export class ReportPane {
  readonly root = element('section', { className: 'report-pane', attributes: { 'aria-label': 'Report' } });
  /** Rows by the offset of their sequence item, to show a selection made in another view. */
  private readonly rows = new Map<number, HTMLElement>();
  private selected: HTMLElement | undefined;

  constructor(private readonly events: ReportPaneEvents) {}

  show(report: StructuredReport, offsetFormat: OffsetFormat): void {
    this.rows.clear();
    this.selected = undefined;
    const tree = element('ul', { className: 'report-tree', attributes: { role: 'tree', 'aria-label': 'Content tree' } }, [this.node(report.root, offsetFormat)]);
    this.root.replaceChildren(this.head(report), ...this.problems(report), tree);
  }

  /** Highlights the content item whose sequence item starts at `offset`, if there is one. */
  select(offset: number): void {
    const row = this.rows.get(offset);
    this.selected?.classList.remove('selected');
    this.selected?.setAttribute('aria-selected', 'false');
    this.selected = row;
    if (!row) return;
    // A selection made elsewhere may land inside a collapsed branch: open the way to it.
    for (let branch = row.parentElement?.parentElement?.closest('li'); branch; branch = branch.parentElement?.closest('li')) {
      setExpanded(branch, true);
    }
    row.classList.add('selected');
    row.setAttribute('aria-selected', 'true');
    row.scrollIntoView({ block: 'nearest' });
  }

  private head(report: StructuredReport): HTMLElement {
    const facts = element('dl', { className: 'report-facts' });
    for (const field of headerFields(report)) {
      // A field without a label continues the one above: one more value of the same term.
      if (field.label) facts.append(element('dt', { text: field.label }));
      facts.append(element('dd', { text: field.value, title: field.value }));
    }
    const context = observationLines(report.root.children.filter((child) => child.relationship === OBSERVATION_CONTEXT));
    const textForm = element('button', { className: 'report-button report-text', text: 'Open as Text', title: 'The report as `dicom-inspector report` prints it (dsrdump\'s form), beside the editor', attributes: { type: 'button' } });
    textForm.addEventListener('click', () => this.events.openReportText());
    const title = element('div', { className: 'report-title' }, [element('h2', { text: report.documentType }), textForm]);
    const parts: Node[] = [title, facts];
    if (context.length > 0) {
      const list = element('dl', { className: 'report-facts observation-context' });
      for (const line of context) list.append(element('dt', { text: line.label, title: line.title }), element('dd', { text: line.value, title: line.value }));
      parts.push(element('h3', { text: 'Observation context' }), list);
    }
    return element('header', { className: 'report-head' }, parts);
  }

  private problems(report: StructuredReport): HTMLElement[] {
    if (report.issues.length === 0) return [];
    return [element('ul', { className: 'report-problems' }, report.issues.map((issue) =>
      element('li', { className: `issue ${issue.severity}`, text: issue.message })))];
  }

  private node(item: ContentItem, offsetFormat: OffsetFormat): HTMLElement {
    const row = element('div', { className: 'report-node', attributes: { role: 'treeitem', tabindex: '0', 'aria-selected': 'false', 'data-position': item.position } });
    const branch = element('li', {}, [row]);
    const hasChildren = item.children.length > 0;
    // Leaves get an empty toggle too, so concept names line up at every level.
    const toggle = element('span', { className: 'report-toggle', attributes: { 'aria-hidden': 'true' } });
    if (hasChildren) {
      toggle.title = 'Collapse or expand (Left/Right keys)';
      toggle.addEventListener('click', (event) => {
        event.stopPropagation();
        setExpanded(branch, branch.classList.contains('collapsed'));
      });
    }
    row.append(toggle);
    if (item.relationship) {
      const context = item.relationship === OBSERVATION_CONTEXT ? ' observation' : '';
      row.append(element('span', { className: `relationship${context}`, text: item.relationship }));
    }
    if (item.valueType) row.append(element('span', { className: 'value-type', text: item.valueType }));
    const concept = conceptLabel(item);
    row.append(element('span', { className: `concept${concept.missing ? ' missing' : ''}`, text: concept.text, title: concept.title }));
    const value = valueLabel(item);
    if (value.text) row.append(element('span', { className: 'value', text: value.text, title: value.title }));
    const reference = item.value.kind === 'reference' ? item.value.reference : null;
    if (reference?.sopInstanceUid) {
      const open = element('button', { className: 'report-button open-reference', text: 'Open', title: `Open ${reference.sopInstanceUid} if the workspace has it`, attributes: { type: 'button' } });
      open.addEventListener('click', (event) => {
        event.stopPropagation();
        this.events.openInstance(reference.sopInstanceUid);
      });
      row.append(open);
    }
    if (item.observationDateTime) row.append(element('span', { className: 'observed', text: `observed ${item.observationDateTime}` }));
    row.append(element('span', { className: 'item-offset', text: offsetText(item.offset, offsetFormat), title: item.path ? `Item ${item.path}` : 'The data set' }));
    const reveal = (): void => {
      this.select(item.offset);
      this.events.revealOffset(item.offset);
    };
    row.addEventListener('click', reveal);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        reveal();
      } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        moveAcross(branch, event.key === 'ArrowRight');
      }
    });
    this.rows.set(item.offset, row);
    if (hasChildren) {
      branch.append(element('ul', { attributes: { role: 'group' } }, item.children.map((child) => this.node(child, offsetFormat))));
      setExpanded(branch, true);
    }
    return branch;
  }
}

/** Opens or closes a branch of the content tree (its row's toggle and aria-expanded follow). */
function setExpanded(branch: Element, expanded: boolean): void {
  const row = branch.firstElementChild;
  if (!row || !branch.querySelector(':scope > ul')) return;
  branch.classList.toggle('collapsed', !expanded);
  row.setAttribute('aria-expanded', String(expanded));
  const toggle = row.querySelector(':scope > .report-toggle');
  if (toggle) toggle.textContent = expanded ? '▾' : '▸';
}

/**
 * Left and Right as in any tree view: Right opens a closed branch or goes to its first child,
 * Left closes an open branch or goes to the parent item.
 */
function moveAcross(branch: Element, right: boolean): void {
  const hasChildren = branch.querySelector(':scope > ul') !== null;
  const expanded = hasChildren && !branch.classList.contains('collapsed');
  if (right) {
    if (hasChildren && !expanded) setExpanded(branch, true);
    else if (expanded) branch.querySelector<HTMLElement>(':scope > ul > li > .report-node')?.focus();
  } else if (expanded) {
    setExpanded(branch, false);
  } else {
    branch.parentElement?.closest('li')?.querySelector<HTMLElement>(':scope > .report-node')?.focus();
  }
}
