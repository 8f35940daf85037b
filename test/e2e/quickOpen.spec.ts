// A person opens a DICOM file with Quick Open (Control+P) and sees it in an editor tab.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { activeTabTitle, openWorkbench, quickOpen, screenshot, workspaceDir, type Workbench } from './harness/workbench';

const FILE = 'CT1_UNC.explicit_little_endian.dcm';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

test('quick open shows the DICOM file in an editor tab', async (t) => {
  const candidates = [path.join(workspaceDir(), 'corpus', FILE)];
  if (!candidates.some((f) => fs.existsSync(f))) {
    t.skip(`${FILE} is not in the workspace (public corpus missing)`);
    return;
  }
  const { page } = workbench;
  await quickOpen(page, FILE);
  assert.equal(await activeTabTitle(page), FILE);
  // The editor group holds an editor for it (a custom editor's webview or a text editor).
  await page.locator('.editor-group-container.active .editor-container').waitFor();
  const shot = await screenshot(page, 'quick-open-dicom');
  assert.ok(fs.statSync(shot).size > 10_000, 'screenshot is suspiciously small (blank page?)');
});
