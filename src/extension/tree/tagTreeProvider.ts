/**
 * The "DICOM Tags" tree: the active DICOM editor's elements with their byte offsets.
 * Children are built one level at a time when a node is expanded, so headers with thousands of
 * elements or items stay instant. Node building, text, filtering and lookup live in the pure
 * modules next to this file; this one only maps them to TreeItems.
 */
import * as vscode from 'vscode';
import type { DicomFile } from '../../core/model';
import type { DicomDocument } from '../document/dicomDocument';
import { readSettings, type InspectorSettings } from '../settings';
import { nodeDescription, nodeLabel, tooltipFacts } from './nodeText';
import { hasChildren, rootNodes, type TagNode } from './tagNodes';
import { shownChildren, type ChildSelection } from './childRanges';
import { buildFilter, filterChildren, type TreeFilter } from './treeFilter';

const ICONS: Record<TagNode['kind'], string> = {
  preamble: 'file-binary',
  prefix: 'symbol-key',
  meta: 'info',
  dataSet: 'database',
  element: 'symbol-field',
  item: 'symbol-namespace',
  itemDelimiter: 'chrome-minimize',
  sequenceDelimiter: 'chrome-minimize',
  offsetTable: 'list-ordered',
  fragment: 'file-binary',
  csaElement: 'symbol-property',
  range: 'ellipsis',
};

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, (ch) => `\\${ch}`);
}

export class TagTreeProvider implements vscode.TreeDataProvider<TagNode> {
  private readonly changed = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: DicomDocument | undefined;
  private documentSubscription: vscode.Disposable | undefined;
  private settings: InspectorSettings = readSettings();
  private filterState: TreeFilter | undefined;
  /** The filter as a child selection: one function per filter, so the ranges can remember what it kept. */
  private keepFiltered: ChildSelection | undefined;

  get currentDocument(): DicomDocument | undefined {
    return this.document;
  }

  get file(): DicomFile | null {
    return this.document?.file ?? null;
  }

  get filter(): TreeFilter | undefined {
    return this.filterState;
  }

  get options(): InspectorSettings {
    return this.settings;
  }

  setDocument(document: DicomDocument | undefined): void {
    if (document === this.document) return;
    this.documentSubscription?.dispose();
    this.document = document;
    this.documentSubscription = document?.onDidReload(() => this.refresh());
    this.refresh();
  }

  /** Re-reads settings, re-applies the filter to the current parse, and redraws. */
  refresh(): void {
    this.settings = readSettings();
    const file = this.file;
    this.applyFilter(this.filterState && file ? buildFilter(file, this.filterState.query, this.settings) : undefined);
  }

  setFilter(query: string | undefined): TreeFilter | undefined {
    const file = this.file;
    this.applyFilter(query && query.trim().length > 0 && file ? buildFilter(file, query, this.settings) : undefined);
    return this.filterState;
  }

  private applyFilter(filter: TreeFilter | undefined): void {
    this.filterState = filter;
    this.keepFiltered = filter && ((parent, children) => filterChildren(parent, children, filter));
    this.changed.fire(undefined);
  }

  getChildren(node?: TagNode): TagNode[] {
    const file = this.file;
    if (!file) return [];
    const filter = this.filterState;
    if (!node) return filter ? filterChildren(null, rootNodes(file), filter) : rootNodes(file);
    return shownChildren(node, file, this.settings, this.keepFiltered);
  }

  getParent(node: TagNode): TagNode | null {
    return node.parent;
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    const file = this.file;
    if (!file) return new vscode.TreeItem('');
    const name = nodeLabel(node, file, this.settings);
    // The offset leads the label, so a narrow sidebar cuts the value, never the offset.
    const [offset, ...marks] = nodeDescription(node, file, this.settings.offsetFormat).split(' ');
    const label = `${offset} ${name}`;
    const expandable = hasChildren(node, file, this.settings);
    const openByDefault = node.kind === 'dataSet' || (this.filterState?.visible.has(node.id) === true && !this.filterState.matches.has(node.id));
    const collapsed = openByDefault ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(label, expandable ? collapsed : vscode.TreeItemCollapsibleState.None);
    // Under a filter the ids change, so VS Code applies the Expanded state below instead of
    // the remembered one: the parents of matches open by themselves.
    item.id = this.filterState ? `${node.id}?filter=${this.filterState.query}` : node.id;
    item.description = marks.length > 0 ? marks.join(' ') : undefined;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind], this.filterState?.matches.has(node.id) ? new vscode.ThemeColor('list.highlightForeground') : undefined);
    item.contextValue = node.element ? (node.element.items ? 'dicomSequence' : 'dicomElement') : `dicom-${node.kind}`;
    item.accessibilityInformation = { label: `${name}, offset ${[offset, ...marks].join(' ')}` };
    return item;
  }

  /** Tooltips are built only when hovered: they hold the full value, which can be long. */
  resolveTreeItem(item: vscode.TreeItem, node: TagNode): vscode.TreeItem {
    const file = this.file;
    if (!file) return item;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    for (const fact of tooltipFacts(node, file, this.settings.offsetFormat)) {
      tooltip.appendMarkdown(`**${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value.slice(0, 4000))}  \n`);
    }
    item.tooltip = tooltip;
    return item;
  }

  dispose(): void {
    this.documentSubscription?.dispose();
    this.changed.dispose();
  }
}
