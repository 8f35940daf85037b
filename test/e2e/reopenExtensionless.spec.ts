// Most DICOM files from scanners have no extension. A person opens one with Quick Open, VS Code
// shows it as text or binary, and DICOM Inspector offers to reopen it; one click later the file
// is in the DICOM editor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openWorkbench, quickOpen, screenshot, webviewWithText, workspaceFile, type Workbench } from './harness/workbench';
import { activeGroupTabTitle } from './inspectorSteps';

const FILE = 'report_dfl';

let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench();
});

after(async () => {
  await workbench?.close();
});

test('a DICOM file without an extension is offered a reopen in DICOM Inspector', async (t) => {
  if (!workspaceFile(t, 'corpus', FILE)) return;
  const { page } = workbench;
  // The extension activates on use (never at startup): here, by a .dcm file looked at first.
  await quickOpen(page, 'CT1_UNC.implicit_little_endian.dcm');
  await webviewWithText(page, 'Implicit VR Little Endian');
  await quickOpen(page, FILE);
  assert.equal(await activeGroupTabTitle(page), FILE);
  const reopen = page.locator('.notification-toast', { hasText: `${FILE} is a DICOM file.` }).getByRole('button', { name: 'Reopen in DICOM Inspector' });
  try {
    await reopen.waitFor({ timeout: 30_000 });
    await screenshot(page, 'reopen-offer');
    await reopen.click();
    // A deflated structured report: it opens on its Report tab, and its elements are one tab away.
    const frame = await webviewWithText(page, 'Deflated Explicit VR Little Endian');
    assert.equal((await frame.locator('h1').innerText()).trim(), FILE);
    assert.ok((await frame.locator('.badge').innerText()).includes('deflated'));
    await frame.locator('.pane-tab[data-tab="report"][aria-selected="true"]').waitFor({ timeout: 15_000 });
    await frame.locator('.pane-tab', { hasText: 'Elements' }).click();
    await frame.locator('.element-list .el-rows .el-row[data-id]').nth(5).waitFor({ timeout: 15_000 });
    // The text tab it replaced is closed.
    await page.locator('.tab', { hasText: FILE }).nth(1).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await page.locator('.tab', { hasText: FILE }).count(), 1);
  } finally {
    await screenshot(page, 'reopened-extensionless');
  }
});
