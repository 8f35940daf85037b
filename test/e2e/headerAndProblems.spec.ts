// A person opens a broken file and sees what was read and where it broke (the element list
// itself has its own spec, elementList.spec.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { readDicom } from '../../src/core/parse/readDicom';
import { memoryFileAccess } from '../../src/core/io';
import type { DicomFile } from '../../src/core/model';
import { openWorkbench, quickOpen, screenshot, webviewFrame, workspaceFile, type Workbench } from './harness/workbench';
import { selectedTagRowText } from './inspectorSteps';

const BROKEN = 'bad-truncated-mid-element.dcm';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

async function parse(file: string): Promise<DicomFile> {
  return readDicom(memoryFileAccess(new Uint8Array(fs.readFileSync(file))));
}

function fixture(kind: 'good' | 'bad', name: string, t: { skip(message: string): void }): string | undefined {
  return workspaceFile(t, 'fixtures', kind, name);
}

test('a broken file shows its problem with the offset, and what was read before it', async (t) => {
  const file = fixture('bad', BROKEN, t);
  if (!file) return;
  const model = await parse(file);
  const error = model.issues.find((issue) => issue.severity === 'error');
  assert.ok(error && error.offset !== null, 'the fixture has an error with an offset');
  const { page } = workbench;
  await quickOpen(page, BROKEN);
  try {
    const frame = await webviewFrame(page, '.issues.has-issues');
    const issues = await frame.locator('.issues').innerText();
    assert.match(issues, /Error/);
    assert.ok(issues.includes(`at 0x${error.offset.toString(16).toUpperCase().padStart(4, '0')}`), issues);
    assert.ok(issues.includes(error.message), issues);
    const counter = frame.locator('.element-list .row-count', { hasText: /\d+ element/ });
    await counter.waitFor({ timeout: 15_000 });
    const count = await counter.innerText();
    assert.ok(Number(count.match(/\d+/)?.[0]) >= model.meta.length + model.dataSet.length - 1, `the elements read before the problem are listed: ${count}`);
    // The offset in the problem is a link to the DICOM Tags view.
    await frame.locator('.issues li', { hasText: error.message }).locator('.offset-link').first().click();
    // The problem lies in the Patient Name's value: that element is revealed.
    assert.match(await selectedTagRowText(page, 'PatientName'), /\(0010,0010\) PatientName/);
  } finally {
    await screenshot(page, 'broken-file');
  }
});
