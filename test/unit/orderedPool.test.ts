import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { mapOrdered, type PoolOptions } from '../../src/core/scan/orderedPool';

async function* numbers(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) yield i;
}

/**
 * Runs the pool over 20 inputs whose first one is slow, each result standing for 10 bytes.
 * Returns the results and the most results that were finished but not yet taken when a new
 * call started (what the pool holds in memory).
 */
async function heldWhileHeadIsSlow(options: Omit<PoolOptions<number>, 'sizeOf'>): Promise<{ results: number[]; mostHeld: number; mostInFlight: number }> {
  const finished = new Set<number>();
  const taken = new Set<number>();
  let inFlight = 0;
  let mostHeld = 0;
  let mostInFlight = 0;
  const fn = async (i: number): Promise<number> => {
    mostHeld = Math.max(mostHeld, [...finished].filter((f) => !taken.has(f)).length);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    await sleep(i === 0 ? 50 : 1);
    inFlight--;
    finished.add(i);
    return i;
  };
  const results: number[] = [];
  for await (const result of mapOrdered(numbers(20), fn, { ...options, sizeOf: () => 10 })) {
    taken.add(result);
    results.push(result);
  }
  return { results, mostHeld, mostInFlight };
}

test('the pool yields in input order with at most `concurrency` calls in flight', async () => {
  const { results, mostInFlight } = await heldWhileHeadIsSlow({ concurrency: 8 });
  assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
  assert.equal(mostInFlight, 8);
});

test('a bound on bytes in flight stops new calls while finished results wait for a slow one', async () => {
  const unbounded = await heldWhileHeadIsSlow({ concurrency: 8 });
  assert.equal(unbounded.mostHeld, 7, 'without the bound, seven results wait behind the slow first one');
  const bounded = await heldWhileHeadIsSlow({ concurrency: 8, maxBytesInFlight: 25 });
  assert.deepEqual(bounded.results, unbounded.results);
  assert.ok(bounded.mostHeld <= 3, `at most 25 bytes (and the one result past them) held, saw ${bounded.mostHeld} results`);
});

test('cancelling stops taking inputs and lets started calls finish', async () => {
  const controller = new AbortController();
  let started = 0;
  let settled = 0;
  const fn = async (i: number): Promise<number> => {
    started++;
    await sleep(2);
    settled++;
    return i;
  };
  const results: number[] = [];
  for await (const result of mapOrdered(numbers(100), fn, { concurrency: 4, signal: controller.signal })) {
    results.push(result);
    if (result === 5) controller.abort();
  }
  assert.ok(results.length < 100 && started < 100, `stopped early: ${results.length} results, ${started} started`);
  assert.equal(settled, started, 'every started call finished before the pool returned');
});
