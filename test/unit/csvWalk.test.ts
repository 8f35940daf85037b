import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { walkFiles, walkInputs } from '../../src/node/walk';

async function tree(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'walk-'));
  for (const rel of ['b/2.dcm', 'b/10.dcm', 'a/x/deep.dcm', 'top.dcm', '.hidden/h.dcm', 'a/.DS_Store']) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), rel);
  }
  await symlink(root, path.join(root, 'b', 'loop'));
  return root;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('walkFiles lists files depth first in natural name order and does not follow directory links', async () => {
  const root = await tree();
  try {
    const all = (await collect(walkFiles(root))).map((e) => e.relativePath);
    assert.deepEqual(all, ['.hidden/h.dcm', 'a/.DS_Store', 'a/x/deep.dcm', 'b/2.dcm', 'b/10.dcm', 'top.dcm']);
    const visible = (await collect(walkFiles(root, { skipHidden: true }))).map((e) => e.relativePath);
    assert.deepEqual(visible, ['a/x/deep.dcm', 'b/2.dcm', 'b/10.dcm', 'top.dcm']);
    const shallow = (await collect(walkFiles(root, { skipHidden: true, maxDepth: 1 }))).map((e) => e.relativePath);
    assert.deepEqual(shallow, ['b/2.dcm', 'b/10.dcm', 'top.dcm']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('walkFiles stops when aborted', async () => {
  const root = await tree();
  try {
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const entry of walkFiles(root, { signal: controller.signal })) {
      seen.push(entry.relativePath);
      controller.abort();
    }
    assert.equal(seen.length, 1);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('walkInputs takes paths relative to the folder given, or to the common folder of several inputs', async () => {
  const root = await tree();
  try {
    const one = await collect(walkInputs([path.join(root, 'b')]));
    assert.deepEqual(one.map((e) => [e.relativePath, e.explicit]), [['2.dcm', false], ['10.dcm', false]]);
    const several = await collect(walkInputs([path.join(root, 'a', 'x'), path.join(root, 'top.dcm')]));
    assert.deepEqual(several.map((e) => [e.relativePath, e.explicit]), [['a/x/deep.dcm', false], ['top.dcm', true]]);
    const file = await collect(walkInputs([path.join(root, 'b', '2.dcm')]));
    assert.deepEqual(file.map((e) => e.relativePath), ['2.dcm']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
