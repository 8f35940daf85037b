/**
 * The path of a tree node through sequences and items, as "Copy Path" gives it:
 * `ReferencedSeriesSequence[0].SeriesInstanceUID`. Element paths are the core's selector text
 * (`formatElementPath`), so a copied path can be given back to the CLI's selectors.
 * Pure (no `vscode`).
 */
import { formatElementPath, type ElementPathStep } from '../../core/query/path';
import type { TagNode } from './tagNodes';

/** The element steps from the top level down to `node` (an element node), with item indexes. */
function elementSteps(node: TagNode): ElementPathStep[] {
  const steps: ElementPathStep[] = [];
  let itemIndex: number | undefined;
  for (let current: TagNode | null = node; current; current = current.parent) {
    if (current.kind === 'item') itemIndex = current.index;
    if (current.kind === 'element' && current.element) {
      steps.unshift(itemIndex === undefined ? { element: current.element } : { element: current.element, itemIndex });
      itemIndex = undefined;
    }
  }
  return steps;
}

function parentPath(node: TagNode): string {
  return node.parent ? nodePath(node.parent) : '';
}

export function nodePath(node: TagNode): string {
  switch (node.kind) {
    case 'preamble':
      return 'Preamble';
    case 'prefix':
      return 'Prefix';
    case 'meta':
      return 'FileMetaInformation';
    case 'dataSet':
      return 'DataSet';
    case 'element':
      return formatElementPath(elementSteps(node));
    case 'item':
      return `${parentPath(node)}[${node.index}]`;
    case 'fragment':
      return `${parentPath(node)}.Fragment[${node.index}]`;
    case 'offsetTable':
      return `${parentPath(node)}.BasicOffsetTable`;
    case 'itemDelimiter':
      return `${parentPath(node)}.ItemDelimitationItem`;
    case 'sequenceDelimiter':
      return `${parentPath(node)}.SequenceDelimitationItem`;
    case 'csaElement':
      return `${parentPath(node)}.CSA[${node.index}]`;
    case 'range':
      return parentPath(node);
  }
}
