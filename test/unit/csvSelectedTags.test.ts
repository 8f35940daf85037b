import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionPaths, type TreeNodeLike } from '../../src/extension/csv/selectedTags';
import { formatElementPath } from '../../src/core/query/path';
import { el, seq } from './queryHelpers';

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
