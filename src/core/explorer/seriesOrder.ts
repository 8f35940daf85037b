/**
 * The order in which the instances of a series are stepped through, as viewers stack them:
 * along the slice normal when every instance has one shared orientation and a position (the
 * cross product of the row and column directions, PS3.3 C.7.6.2.1.1), else by Instance Number,
 * else by file name. The result says which, so the user knows what "next" means.
 */
import type { InstanceSummary } from './instanceSummary';

export type SeriesOrderKey = 'position' | 'instanceNumber' | 'source';

export interface SeriesOrder {
  readonly by: SeriesOrderKey;
  readonly instances: readonly InstanceSummary[];
  /** The slice normal the instances are sorted along (by 'position' only). */
  readonly normal?: readonly number[];
}

const byName = new Intl.Collator('en', { numeric: true });

export function orderSeries(instances: readonly InstanceSummary[]): SeriesOrder {
  const normal = sharedNormal(instances);
  if (normal) {
    const along = (instance: InstanceSummary): number => dot(instance.position!, normal);
    return { by: 'position', normal, instances: [...instances].sort((a, b) => along(a) - along(b) || byName.compare(a.source, b.source)) };
  }
  if (instances.every((instance) => instance.instanceNumber !== null)) {
    return { by: 'instanceNumber', instances: [...instances].sort((a, b) => a.instanceNumber! - b.instanceNumber! || byName.compare(a.source, b.source)) };
  }
  return { by: 'source', instances: [...instances].sort((a, b) => byName.compare(a.source, b.source)) };
}

/** The slice normal when every instance has a position and the same orientation (to 1e-4). */
function sharedNormal(instances: readonly InstanceSummary[]): number[] | null {
  const first = instances[0]?.orientation;
  if (!first || instances.length < 2) return null;
  for (const instance of instances) {
    if (!instance.position || !instance.orientation) return null;
    if (instance.orientation.some((value, i) => Math.abs(value - first[i]) > 1e-4)) return null;
  }
  const [r0, r1, r2, c0, c1, c2] = first;
  const normal = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
  return Math.hypot(...normal) > 0.5 ? normal : null;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
