/**
 * A series as a stack: the mapping of stack frames to instances and their frames, the sizes a
 * stack mixes, and the page's view of the generated series, ordered as pydicom orders them
 * (Image Position (Patient) projected on the normal of Image Orientation (Patient)).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeInstance } from '../../src/core/explorer/instanceSummary';
import { orderSeries } from '../../src/core/explorer/seriesOrder';
import { sizeGroups, stackPlaces } from '../../src/core/explorer/stackFrames';
import { memoryFileAccess } from '../../src/core/io';
import { readDicom } from '../../src/core/parse/readDicom';
import { stackLayout, type StackInstance } from '../../src/extension/stack/stackView';
import { CT_SERIES_NORMAL, CT_SERIES_SLICES, MIXED_SERIES, ctSeriesSlices, writeSeriesFolder } from '../fixtures/series/ctSeries';
import { pydicomJson, requirePydicom } from '../support/pydicom';

test('stack frames: each instance in order, all frames of a multi-frame one, none of one without an image', () => {
  const places = stackPlaces([
    { frames: 1, rows: 4, columns: 4 },
    { frames: 3, rows: 4, columns: 4 },
    { frames: 0, rows: null, columns: null },
    { frames: 1, rows: 4, columns: 4 },
  ]);
  assert.deepEqual(places, [
    { member: 0, frame: 0 },
    { member: 1, frame: 0 },
    { member: 1, frame: 1 },
    { member: 1, frame: 2 },
    { member: 3, frame: 0 },
  ]);
  assert.deepEqual(stackPlaces([{ frames: Number.NaN, rows: 1, columns: 1 }, { frames: -2, rows: 1, columns: 1 }]), []);
});

test('size groups: the usual size first; instances without an image do not count', () => {
  assert.deepEqual(sizeGroups([
    { frames: 1, rows: 32, columns: 32 },
    { frames: 1, rows: 64, columns: 48 },
    { frames: 2, rows: 64, columns: 48 },
    { frames: 0, rows: 16, columns: 16 },
  ]), [{ rows: 64, columns: 48, members: 2 }, { rows: 32, columns: 32, members: 1 }]);
});

function writtenSeries(): { root: string; read(relative: string): ReturnType<typeof readDicom> } {
  const root = mkdtempSync(join(tmpdir(), 'stack-'));
  return { root, read: (relative) => readDicom(memoryFileAccess(readFileSync(join(root, relative)))) };
}

test('the generated CT series stacks along the slice normal, against its shuffled names and numbers, as pydicom sorts it', async (t) => {
  const { root, read } = writtenSeries();
  try {
    const files = writeSeriesFolder(root).filter((name) => name.startsWith('ct/'));
    const parsed = await Promise.all(files.map(async (name) => ({ name, file: await read(name) })));
    const order = orderSeries(parsed.map(({ name, file }) => summarizeInstance(file, name)!));
    assert.equal(order.by, 'position');
    assert.ok(order.normal!.every((value, i) => Math.abs(value - CT_SERIES_NORMAL[i]) < 1e-3));
    const expected = ctSeriesSlices().sort((a, b) => a.place - b.place).map((slice) => `ct/${slice.fileName}`);
    const sources = order.instances.map((instance) => instance.source);
    assert.deepEqual(sources, expected);
    // Neither file names nor Instance Numbers give this order: the fixture really tests the normal.
    assert.notDeepEqual(sources, [...sources].sort());
    assert.notDeepEqual(order.instances.map((i) => i.instanceNumber), [...order.instances.map((i) => i.instanceNumber!)].sort((a, b) => a - b));

    const byName = new Map(parsed.map(({ name, file }) => [name, file]));
    const { view, places } = stackLayout('#5 CT Tilted chest stack', sources.map((name) => ({ fileName: name.slice(3), file: byName.get(name)!, loadError: null })), order, 'hex');
    assert.equal(places.length, CT_SERIES_SLICES);
    assert.deepEqual(view.stack?.frames.map((f) => f.fileName), expected.map((name) => name.slice(3)));
    assert.match(view.stack!.ordering, /^by Image Position \(Patient\) along the normal \(0, 0\.342, 0\.94\)$/);
    const along = view.stack!.frames.map((f) => f.along!);
    along.slice(1).forEach((value, i) => assert.ok(Math.abs(value - along[i] - 2.5) < 1e-3, `slices 2.5 mm apart (${along[i]} → ${value})`));
    assert.deepEqual(view.issues, []);
    assert.ok(view.summary.some((f) => f.label === 'Dimensions' && f.value === '64 × 64'));

    const python = requirePydicom(t);
    if (!python) return;
    const script = `
import json, sys, os, pydicom, numpy
root = json.load(sys.stdin)
slices = []
for name in sorted(os.listdir(os.path.join(root, 'ct'))):
    ds = pydicom.dcmread(os.path.join(root, 'ct', name))
    o = numpy.array([float(v) for v in ds.ImageOrientationPatient])
    normal = numpy.cross(o[:3], o[3:])
    slices.append((float(numpy.dot(numpy.array([float(v) for v in ds.ImagePositionPatient]), normal)), 'ct/' + name))
print(json.dumps([name for _, name in sorted(slices)]))`;
    assert.deepEqual(pydicomJson<string[]>(python, script, root), sources);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a series without positions stacks by Instance Number and says its sizes differ, still showing each', async () => {
  const { root, read } = writtenSeries();
  try {
    const files = writeSeriesFolder(root).filter((name) => name.startsWith('mixed/'));
    const parsed = new Map(await Promise.all(files.map(async (name) => [name, await read(name)] as const)));
    const order = orderSeries([...parsed].map(([name, file]) => summarizeInstance(file, name)!));
    assert.equal(order.by, 'instanceNumber');
    const instances: StackInstance[] = order.instances.map((s) => ({ fileName: s.source.slice(6), file: parsed.get(s.source)!, loadError: null }));
    instances.push({ fileName: 'gone.dcm', file: null, loadError: 'ENOENT' });
    const { view, places } = stackLayout('#6 CT Mixed sizes', instances, { ...order, instances: [...order.instances] }, 'hex');
    const byNumber = [...MIXED_SERIES].sort((a, b) => a.instanceNumber - b.instanceNumber);
    assert.deepEqual(view.stack?.frames.map((f) => f.fileName), byNumber.map((image) => image.fileName));
    assert.equal(places.length, 3);
    assert.match(view.stack!.ordering, /^by Instance Number/);
    const sizes = view.issues.find((issue) => issue.code === 'stack-sizes-differ');
    assert.ok(sizes, 'the mixed sizes are said');
    assert.match(sizes.message, /64 × 64 \(2 instances\), 32 × 32 \(1 instance\).*not 64 × 64: MX2\.dcm/);
    assert.ok(view.issues.some((issue) => issue.code === 'stack-instance-unreadable' && issue.message.includes('gone.dcm')));
    assert.ok(view.summary.some((f) => f.label === 'Dimensions' && f.value === 'mixed: 64 × 64, 32 × 32'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
