/**
 * The rows' text the element list has asked the host for: the rows on screen and a bounded
 * number before them, so scrolling back is instant and a million-node file never holds a
 * million rows here. Each index is asked for once while its answer is on the way.
 */
import { MAX_ROWS_PER_REQUEST, type ElementRow } from '../../../src/shared/elementsProtocol';

/** Rows kept; the oldest go first (a Map keeps insertion order). */
const MAX_CACHED_ROWS = 20_000;

/** Fetches rows by node index; null when the answer is for a list no longer shown. */
export type RowFetch = (indices: number[]) => Promise<{ indices: readonly number[]; rows: readonly ElementRow[] } | null>;

export class RowCache {
  private readonly rows = new Map<number, ElementRow>();
  private readonly pending = new Set<number>();
  /** Bumped by `reset`, so an answer asked for before it is dropped. */
  private generation = 0;

  constructor(private readonly fetch: RowFetch, private readonly onLoaded: () => void) {}

  get(index: number): ElementRow | undefined {
    return this.rows.get(index);
  }

  reset(): void {
    this.rows.clear();
    this.pending.clear();
    this.generation++;
  }

  /** Asks for those of `indices` neither here nor on the way. */
  want(indices: readonly number[]): void {
    const missing = indices.filter((index) => !this.rows.has(index) && !this.pending.has(index));
    for (let start = 0; start < missing.length; start += MAX_ROWS_PER_REQUEST) {
      const batch = missing.slice(start, start + MAX_ROWS_PER_REQUEST);
      batch.forEach((index) => this.pending.add(index));
      const generation = this.generation;
      void this.fetch(batch)
        .then((reply) => {
          if (generation !== this.generation) return;
          batch.forEach((index) => this.pending.delete(index));
          if (!reply) return;
          reply.indices.forEach((index, i) => this.rows.set(index, reply.rows[i]));
          for (const index of this.rows.keys()) {
            if (this.rows.size <= MAX_CACHED_ROWS) break;
            this.rows.delete(index);
          }
          this.onLoaded();
        })
        .catch(() => {
          if (generation === this.generation) batch.forEach((index) => this.pending.delete(index));
        });
    }
  }
}
