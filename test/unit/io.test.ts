import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFileAccess } from '../../src/core/io';

test('memoryFileAccess reads ranges and clamps at the end', async () => {
  const access = memoryFileAccess(new Uint8Array([1, 2, 3, 4, 5]));
  assert.equal(await access.size(), 5);
  assert.deepEqual([...(await access.read(1, 2))], [2, 3]);
  assert.deepEqual([...(await access.read(3, 10))], [4, 5]);
  assert.deepEqual([...(await access.read(9, 2))], []);
});
