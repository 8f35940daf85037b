/**
 * How much of a file the reader builds into the model: a cap on nodes (elements, items and
 * fragments) and on decoded values held in arrays (the parts of multi-valued text, one entry
 * each). A file is read up to the cap; reading then stops with an error at the offset where it
 * stopped, as it does at the nesting limit.
 *
 * Why a count and not a byte size: the smallest node is 8 bytes in the file but about a hundred
 * in memory, and a deflated data set of a few hundred kilobytes inflates to hundreds of megabytes
 * of 8-byte items. The defaults sit just above what a stored file under 20 MB can hold (8 bytes
 * a node, one byte a value), so such a file is always read whole, while a deflated bomb stops
 * well under a gigabyte of memory.
 */
import { ParseStop, hex } from './errors';

export const DEFAULT_MAX_NODES = 3_000_000;
export const DEFAULT_MAX_VALUES = 24_000_000;

/** A stop that ends the whole read: the top level must not skip to the next element. */
export class BudgetStop extends ParseStop {}

export class NodeBudget {
  private nodes = 0;
  private values = 0;

  constructor(readonly maxNodes = DEFAULT_MAX_NODES, readonly maxValues = DEFAULT_MAX_VALUES) {}

  /** A budget with what this one has spent so far, to spend on a read that may be tried again. */
  copy(): NodeBudget {
    const copy = new NodeBudget(this.maxNodes, this.maxValues);
    copy.nodes = this.nodes;
    copy.values = this.values;
    return copy;
  }

  /** Counts one element, item or fragment starting at `offset`; throws past the cap. */
  spendNode(offset: number): void {
    if (++this.nodes <= this.maxNodes) return;
    throw new BudgetStop('too-many-nodes', offset, `more than ${this.maxNodes.toLocaleString('en-US')} elements, items and fragments: reading stopped at ${hex(offset)} (a limit that keeps hostile files from exhausting memory)`);
  }

  /** Counts the `count` decoded values of the element at `offset`; throws past the cap. */
  spendValues(count: number, offset: number): void {
    this.values += count;
    if (this.values <= this.maxValues) return;
    throw new BudgetStop('too-many-values', offset, `more than ${this.maxValues.toLocaleString('en-US')} values in the data set: reading stopped at the element at ${hex(offset)} (a limit that keeps hostile files from exhausting memory)`);
  }
}
