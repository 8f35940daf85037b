import * as path from 'node:path';

/** True when `child` lies strictly inside the folder `parent` (both absolute, links already resolved). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
