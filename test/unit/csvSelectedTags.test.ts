import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionPaths, type TreeNodeLike } from '../../src/extension/csv/selectedTags';
import { formatElementPath } from '../../src/core/query/path';
import { el, seq } from './queryHelpers';
import { exportCsv } from '../../src/core/csv/exportCsv';
import { dicomFile, memoryIo, part10Bytes } from './csvHelpers';

const thickness = el('00180050', 'SliceThickness', 'DS', '1.25');
const measures = seq('00289110', 'PixelMeasuresSequence', [[thickness]]);
const shared = seq('52009229', 'SharedFunctionalGroupsSequence', [[measures]]);
const modality = el('00080060', 'Modality', 'CS', 'CT');

function node(id: string, kind: string, parent: TreeNodeLike | null, index: number, element?: typeof modality): TreeNodeLike {
  return { id, kind, parent, index, element };
}

const root = node('ds', 'dataSet', null, 0);
const modalityNode = node('ds/e0', 'element', root, 0, modality);
const sharedNode = node('ds/e1', 'element', root, 1, shared);
const item0 = node('ds/e1/i0', 'item', sharedNode, 0);
const measuresNode = node('ds/e1/i0/e0', 'element', item0, 0, measures);
const item00 = node('ds/e1/i0/e0/i0', 'item', measuresNode, 0);
const thicknessNode = node('ds/e1/i0/e0/i0/e0', 'element', item00, 0, thickness);

test('selected tree nodes become element paths through sequences and items', () => {
  const paths = selectionPaths([modalityNode, thicknessNode]).map(formatElementPath);
  assert.deepEqual(paths, ['Modality', 'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness']);
});

test('a node whose ancestor is selected too is left out; items and non-element nodes are skipped', () => {
  const paths = selectionPaths([sharedNode, thicknessNode, item0, root]).map(formatElementPath);
  assert.deepEqual(paths, ['SharedFunctionalGroupsSequence']);
});

test('the selection goes through the CSV export: one row per selected element (with its contents), quoted and neutralised', async () => {
  const name = el('00100010', 'PatientName', 'PN', '=HYPERLINK("x")');
  const io = memoryIo([{ path: 'a.dcm', bytes: part10Bytes(1), explicit: true }], new Map([[1, dicomFile([modality, name, shared])]]));
  const only = selectionPaths([modalityNode, node('ds/e2', 'element', root, 2, name), measuresNode]);
  const summary = await exportCsv(io, { columns: { kind: 'long', only }, bom: false });
  assert.equal(summary.files, 1);
  const lines = io.output().trim().split('\r\n');
  assert.equal(lines[0], 'File,Path,Tag,Keyword,Name,VR,VM,Length,Offset,Value,Error');
  assert.deepEqual(lines.slice(1).map((line) => line.split(',')[1]), [
    'Modality',
    'PatientName',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence',
    'SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SliceThickness',
  ]);
  assert.match(lines[2], /,"'=HYPERLINK\(""x""\)",/);
});
