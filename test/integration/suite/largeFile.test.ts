// A multi-gigabyte image opens without reading its pixel data: the extension reads local files
// by byte range, so the header shows at once and memory does not grow with the file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { writeSparseImage } from '../../support/sparseImage';
import { manyTinyElements } from '../../fixtures/catalog/hostileCounts';
import { allNodes, closeAllEditors, openInInspector, treeLabel } from './inspectorHelpers';

const ROWS = 1024;
const COLUMNS = 1024;
const FRAMES = 1200; // 1024 × 1024 × 2 bytes × 1200 frames: about 2.4 GiB of pixel data

suite('Large files', () => {
  let scratch: string;
  let file: string;
  let pixelDataLength: number;

  suiteSetup(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'dicom-inspector-large-'));
    file = path.join(scratch, 'large.dcm');
    pixelDataLength = ROWS * COLUMNS * 2 * FRAMES;
    // The header is written for real; the pixel data is a hole (a sparse file).
    writeSparseImage(file, 'large', pixelDataLength);
  });

  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  teardown(closeAllEditors);

  test('a 2.4 GiB file shows its header and Pixel Data element without reading the pixels', async function () {
    this.timeout(60_000);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const api = await openInInspector(vscode.Uri.file(file));
    const elapsed = Date.now() - started;
    const parsed = api.tagTree.provider.file;
    assert.ok(parsed);
    assert.ok(parsed.size > 2 ** 31, `size ${parsed.size}`);
    const pixelData = allNodes(api).find((node) => node.element?.keyword === 'PixelData');
    assert.ok(pixelData?.element);
    assert.equal(pixelData.element.length, pixelDataLength);
    assert.equal(parsed.stoppedBeforePixelData, true);
    const grown = process.memoryUsage().rss - before;
    // Reading the file whole would add more than 2 GiB; a header read adds next to nothing.
    assert.ok(grown < 512 * 1024 * 1024, `the extension host grew by ${Math.round(grown / 1048576)} MiB`);
    console.log(`    opened a ${(parsed.size / 2 ** 30).toFixed(1)} GiB file in ${elapsed} ms; extension host grew ${Math.round(grown / 1048576)} MiB`);
  });

  test('a data set of 200,000 elements opens on ranges of 1,000, and an element inside one is revealed', async function () {
    this.timeout(120_000);
    const many = path.join(scratch, 'many-elements.dcm');
    writeFileSync(many, manyTinyElements(200_000));
    const api = await openInInspector(vscode.Uri.file(many));
    const provider = api.tagTree.provider;
    const dataSet = provider.getChildren().find((node) => node.kind === 'dataSet');
    assert.ok(dataSet);
    const ranges = provider.getChildren(dataSet);
    // 200,000 elements, 782 Private Creators and Modality: 201 ranges, none handing VS Code more than 1,000 items.
    assert.equal(ranges.length, 201);
    assert.ok(ranges.every((range) => range.kind === 'range' && provider.getChildren(range).length <= 1000));
    assert.match(treeLabel(api, ranges[100]), /^\(\w{4},\w{4}\) … \(\w{4},\w{4}\) \(1,000\)$/);
    const target = provider.getChildren(ranges[150])[500];
    const revealed = await api.tagTree.revealOffset(target.offset);
    assert.equal(revealed?.id, target.id);
    assert.equal(api.tagTree.view.selection[0]?.id, target.id);
  });
});
